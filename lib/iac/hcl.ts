// A small HCL writer for the Terraform export: attributes, nested blocks and values. Strings are
// JSON-quoted, with HCL's template sequences (`${`, `%{`) escaped so a name cannot become an expression.

export type HclValue = string | number | boolean | HclValue[] | { [key: string]: HclValue } | HclRaw;

/** An expression written as is: a reference such as `aws_ivs_recording_configuration.studio.arn`. */
export class HclRaw {
  constructor(readonly text: string) {}
}

export interface HclBlock {
  type: string;
  labels: string[];
  body: Array<[string, HclValue] | HclBlock>;
}

// A function as the replacement: in a replacement string `$$` means one `$`.
const quote = (s: string) =>
  JSON.stringify(s)
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
const key = (k: string) => (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : quote(k));

function value(v: HclValue, indent: string): string {
  if (v instanceof HclRaw) return v.text;
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const inner = `${indent}  `;
  if (Array.isArray(v)) return v.length ? `[\n${v.map((x) => `${inner}${value(x, inner)},`).join('\n')}\n${indent}]` : '[]';
  const entries = Object.entries(v);
  return entries.length ? `{\n${entries.map(([k, x]) => `${inner}${key(k)} = ${value(x, inner)}`).join('\n')}\n${indent}}` : '{}';
}

export function block(b: HclBlock, indent = ''): string {
  const inner = `${indent}  `;
  const lines = b.body.map((entry) =>
    Array.isArray(entry) ? `${inner}${key(entry[0])} = ${value(entry[1], inner)}` : block(entry, inner),
  );
  const head = [b.type, ...b.labels.map(quote)].join(' ');
  return `${indent}${head} {\n${lines.join('\n')}\n${indent}}`;
}
