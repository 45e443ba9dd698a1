import { parse as parseHcl } from '@cdktf/hcl2json';
import { parse as parseYaml } from 'yaml';
import { cloudFormationYaml } from '@/lib/iac/cloudformation';
import { terraformHcl } from '@/lib/iac/terraform';
import type { Inventory } from '@/lib/ivs/inventory';

/** A resource of an exported file, by ARN: its type and its properties with references made ARNs. */
interface FileResource {
  type: string;
  properties: Record<string, unknown>;
}

export interface ParsedExport {
  format: 'cloudformation' | 'terraform';
  resources: Map<string, FileResource>;
}

export interface Difference {
  arn: string;
  type: string;
  /** changed: a property differs; missing: IVS no longer has it; not-in-file: IVS has it, the file does not. */
  kind: 'changed' | 'missing' | 'not-in-file';
  property?: string;
  file?: string;
  live?: string;
}

// Short-form intrinsic functions a hand-edited template may use; the export itself writes Fn::GetAtt.
const CFN_TAGS = [
  { tag: '!GetAtt', resolve: (v: string) => ({ 'Fn::GetAtt': v.split('.') }) },
  { tag: '!Ref', resolve: (v: string) => ({ Ref: v }) },
];

function parseCloudFormation(text: string): Map<string, FileResource> {
  const template = parseYaml(text, { customTags: CFN_TAGS }) as {
    Metadata?: { ResourcesToImport?: { LogicalResourceId: string; ResourceIdentifier: { Arn: string } }[] };
    Resources?: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
  };
  const arnOf = new Map((template?.Metadata?.ResourcesToImport ?? []).map((r) => [r.LogicalResourceId, r.ResourceIdentifier.Arn]));
  const resolve = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(resolve);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ('Fn::GetAtt' in o) return arnOf.get((o['Fn::GetAtt'] as string[])[0]) ?? o;
      if ('Ref' in o) return arnOf.get(o.Ref as string) ?? o;
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, resolve(x)]));
    }
    return v;
  };
  const out = new Map<string, FileResource>();
  for (const [id, r] of Object.entries(template?.Resources ?? {})) {
    const arn = arnOf.get(id);
    if (arn && r.Type?.startsWith('AWS::IVS::'))
      out.set(arn, { type: r.Type, properties: resolve(r.Properties ?? {}) as Record<string, unknown> });
  }
  return out;
}

async function parseTerraform(text: string): Promise<Map<string, FileResource>> {
  const parsed = (await parseHcl('export.tf', text)) as {
    resource?: Record<string, Record<string, Record<string, unknown>[]>>;
    import?: { to: string; id: string }[];
  };
  const idOf = new Map((parsed.import ?? []).map((i) => [i.to.replace(/^\$\{|\}$/g, ''), i.id]));
  const resolve = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const ref = /^\$\{([a-z0-9_]+\.[A-Za-z0-9_-]+)\.arn\}$/.exec(v);
      return ref ? (idOf.get(ref[1]) ?? v) : v;
    }
    if (Array.isArray(v)) return v.map(resolve);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]));
    return v;
  };
  const out = new Map<string, FileResource>();
  for (const [type, byName] of Object.entries(parsed.resource ?? {})) {
    for (const [name, bodies] of Object.entries(byName)) {
      const arn = idOf.get(`${type}.${name}`);
      if (arn && /_ivs_/.test(type)) out.set(arn, { type, properties: resolve(bodies[0]) as Record<string, unknown> });
    }
  }
  return out;
}

/** Reads an export of either kind; throws with a message when it is neither. */
export async function parseExport(text: string): Promise<ParsedExport> {
  const trimmed = text.trimStart();
  const looksTerraform = /^(#[^\n]*\n\s*)*(terraform|resource|provider|import)\s/m.test(trimmed) && !/^\s*Resources:/m.test(trimmed);
  try {
    if (looksTerraform) return { format: 'terraform', resources: await parseTerraform(text) };
    return { format: 'cloudformation', resources: parseCloudFormation(text) };
  } catch (error) {
    throw new Error(`The file is neither a CloudFormation template nor Terraform that this console can read: ${(error as Error).message}`);
  }
}

/** The channel ARNs and the other ARNs a parsed export names, to read the same from IVS. */
export function namedArns(parsed: ParsedExport): { channels: string[]; others: string[] } {
  const arns = [...parsed.resources.keys()];
  const isChannel = (arn: string) => arn.split(':')[5]?.startsWith('channel/');
  return { channels: arns.filter(isChannel), others: arns.filter((a) => !isChannel(a)) };
}

const flatten = (value: unknown, prefix = '', out: Record<string, string> = {}): Record<string, string> => {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out[prefix] = JSON.stringify(value);
  return out;
};

/**
 * What differs between an exported file and the account now: the live resources are exported the same
 * way (same format), so the comparison is property by property, with references compared as ARNs.
 */
export async function compareExport(parsed: ParsedExport, live: Inventory): Promise<Difference[]> {
  const liveText = parsed.format === 'cloudformation' ? cloudFormationYaml(live) : terraformHcl(live);
  const now = (await parseExport(liveText)).resources;
  const differences: Difference[] = [];
  for (const [arn, file] of parsed.resources) {
    const current = now.get(arn);
    if (!current) {
      differences.push({ arn, type: file.type, kind: 'missing' });
      continue;
    }
    const a = flatten(file.properties);
    const b = flatten(current.properties);
    for (const property of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      if (a[property] !== b[property])
        differences.push({ arn, type: file.type, kind: 'changed', property, file: a[property], live: b[property] });
    }
  }
  for (const [arn, current] of now) {
    if (!parsed.resources.has(arn)) differences.push({ arn, type: current.type, kind: 'not-in-file' });
  }
  return differences;
}
