import modelJson from './model/service-2.json';

// Just the parts of the botocore C2J format the emulator reads.
export interface MemberRef {
  shape: string;
  location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';
  locationName?: string;
}
export interface Shape {
  type: 'structure' | 'string' | 'list' | 'map' | 'integer' | 'long' | 'boolean' | 'timestamp' | 'float' | 'double' | 'blob';
  members?: Record<string, MemberRef>;
  required?: string[];
  member?: MemberRef;
  key?: MemberRef;
  value?: MemberRef;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  sensitive?: boolean;
  timestampFormat?: string;
  error?: { httpStatusCode: number; senderFault?: boolean };
  exception?: boolean;
}
export interface Operation {
  name: string;
  http: { method: string; requestUri: string; responseCode?: number };
  input?: { shape: string };
  output?: { shape: string };
  errors?: { shape: string }[];
}
interface ModelFile {
  metadata: Record<string, unknown>;
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
}

export interface Route {
  op: Operation;
  method: string;
  // Literal path segments, or a label name for `{label}` segments.
  segments: { literal?: string; label?: string }[];
}

export const model = modelJson as unknown as ModelFile;

// The model's ResourceArn pattern is `…:[a-z-]/…` (one character before the slash), which no
// real ARN matches; accept every taggable IVS resource type instead.
const RESOURCE_ARN_PATTERN =
  'arn:aws:ivs:[a-z0-9-]+:[0-9]+:(channel|stream-key|playback-key|recording-configuration|playback-restriction-policy|ad-configuration)/[a-zA-Z0-9-]+';
if (model.shapes.ResourceArn) model.shapes.ResourceArn.pattern = RESOURCE_ARN_PATTERN;

export function shape(name: string): Shape {
  const s = model.shapes[name];
  if (!s) throw new Error(`Unknown shape ${name}`);
  return s;
}

export const operations: Operation[] = Object.values(model.operations);

const routes: Route[] = operations.map((op) => ({
  op,
  method: op.http.method,
  segments: op.http.requestUri
    .split('?')[0]
    .split('/')
    .filter(Boolean)
    .map((seg) => (seg.startsWith('{') ? { label: seg.replace(/[{}+]/g, '') } : { literal: seg })),
}));

// Finds the operation for a request, returning its decoded URI labels.
export function matchRoute(method: string, rawPath: string): { op: Operation; labels: Record<string, string> } | undefined {
  const parts = rawPath.split('/').filter(Boolean);
  for (const route of routes) {
    if (route.method !== method || route.segments.length !== parts.length) continue;
    const labels: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const seg = route.segments[i];
      if (seg.literal !== undefined) ok = seg.literal === parts[i];
      else {
        try {
          labels[seg.label!] = decodeURIComponent(parts[i]);
        } catch {
          ok = false;
        }
      }
    }
    if (ok) return { op: route.op, labels };
  }
  return undefined;
}

export function errorStatus(code: string): number | undefined {
  const s = model.shapes[code];
  return s?.exception ? s.error?.httpStatusCode : undefined;
}

// Copies only the members a model structure declares, so internal bookkeeping never leaks.
export function project<T extends object>(record: T, shapeName: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const members = shape(shapeName).members ?? {};
  for (const key of Object.keys(members)) {
    if (members[key].location) continue;
    const v = (record as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}
