import { shape, type Shape } from './model';
import { validation } from './errors';

const patternCache = new Map<string, RegExp>();

// Model patterns are Java-style and unanchored; IVS applies them to the whole value.
function compiled(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`, pattern.includes('\\p{') ? 'u' : '');
    patternCache.set(pattern, re);
  }
  return re;
}

function describe(value: unknown, s: Shape): string {
  if (s.sensitive) return 'Value';
  if (value === null || value === undefined) return 'Value null';
  if (typeof value === 'string') return `Value '${value.length > 200 ? `${value.slice(0, 200)}…` : value}'`;
  if (typeof value === 'object') return 'Value';
  return `Value '${String(value)}'`;
}

type Problems = string[];

function fail(problems: Problems, value: unknown, s: Shape, path: string, constraint: string) {
  problems.push(`${describe(value, s)} at '${path}' failed to satisfy constraint: Member must ${constraint}`);
}

function check(value: unknown, shapeName: string, path: string, problems: Problems): void {
  const s = shape(shapeName);
  switch (s.type) {
    case 'structure':
      return checkStructure(value, s, path, problems);
    case 'list':
      if (!Array.isArray(value)) return fail(problems, value, s, path, 'be a list');
      sized(value.length, s, value, path, problems);
      value.forEach((item, i) => check(item, s.member!.shape, `${path}.${i + 1}.member`, problems));
      return;
    case 'map':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(problems, value, s, path, 'be a map');
      sized(Object.keys(value).length, s, value, path, problems);
      for (const [k, v] of Object.entries(value)) {
        check(k, s.key!.shape, `${path}.key`, problems);
        check(v, s.value!.shape, `${path}.${k}`, problems);
      }
      return;
    case 'string': {
      if (typeof value !== 'string') return fail(problems, value, s, path, 'be a string');
      if (s.enum && !s.enum.includes(value)) return fail(problems, value, s, path, `satisfy enum value set: [${s.enum.join(', ')}]`);
      sized([...value].length, s, value, path, problems);
      if (s.pattern && !compiled(s.pattern).test(value)) fail(problems, value, s, path, `satisfy regular expression pattern: ${s.pattern}`);
      return;
    }
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value)) return fail(problems, value, s, path, 'be an integer');
      if (s.min !== undefined && value < s.min) fail(problems, value, s, path, `have value greater than or equal to ${s.min}`);
      if (s.max !== undefined && value > s.max) fail(problems, value, s, path, `have value less than or equal to ${s.max}`);
      return;
    case 'float':
    case 'double':
      if (typeof value !== 'number') fail(problems, value, s, path, 'be a number');
      return;
    case 'boolean':
      if (typeof value !== 'boolean') fail(problems, value, s, path, 'be a boolean');
      return;
    case 'timestamp':
      if (typeof value !== 'string' && typeof value !== 'number') fail(problems, value, s, path, 'be a timestamp');
      return;
    default:
      return;
  }
}

function sized(size: number, s: Shape, value: unknown, path: string, problems: Problems) {
  if (s.min !== undefined && size < s.min) fail(problems, value, s, path, `have length greater than or equal to ${s.min}`);
  if (s.max !== undefined && size > s.max) fail(problems, value, s, path, `have length less than or equal to ${s.max}`);
}

function checkStructure(value: unknown, s: Shape, path: string, problems: Problems) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(problems, value, s, path, 'be a structure');
  const obj = value as Record<string, unknown>;
  const prefix = path ? `${path}.` : '';
  for (const name of s.required ?? []) {
    if (obj[name] === undefined || obj[name] === null)
      problems.push(`Value null at '${prefix}${name}' failed to satisfy constraint: Member must not be null`);
  }
  // Unknown members are ignored, as AWS JSON services do.
  for (const [name, ref] of Object.entries(s.members ?? {})) {
    const v = obj[name];
    if (v === undefined || v === null) continue;
    check(v, ref.shape, `${prefix}${name}`, problems);
  }
}

// Checks a request against its input shape; throws ValidationException naming every bad field.
export function validateInput(input: unknown, shapeName: string): void {
  const problems: Problems = [];
  check(input, shapeName, '', problems);
  if (problems.length === 0) return;
  const n = problems.length;
  throw validation(`${n} validation error${n === 1 ? '' : 's'} detected: ${problems.join('; ')}`);
}
