// awsQuery, the protocol CloudWatch spoke before JSON and that clients built on older models (the
// AWS CLI's botocore among them) still send: a form-encoded POST (Action=GetMetricData&Version=…,
// lists as Name.member.N), answered in XML. It is turned into the JSON input the operations take.

const NUMBERS = new Set(['Period', 'MaxDatapoints']);
const BOOLEANS = new Set(['ReturnData', 'IncludeLinkedAccounts']);
const TIMES = new Set(['StartTime', 'EndTime']);
const XMLNS = 'http://monitoring.amazonaws.com/doc/2010-08-01/';

type Tree = { [key: string]: Tree | string };

// `a.member.2.b=x` -> { a: [ , { b: 'x' } ] }: members become arrays ordered by their index.
function listify(node: Tree | string): unknown {
  if (typeof node === 'string') return node;
  const keys = Object.keys(node);
  if (keys.length === 1 && keys[0] === 'member') {
    const members = node.member as Tree;
    return Object.keys(members)
      .sort((a, b) => Number(a) - Number(b))
      .map((i) => listify(members[i]));
  }
  return Object.fromEntries(keys.map((k) => [k, listify(node[k])]));
}

function typed(key: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (NUMBERS.has(key)) return Number(value);
  if (BOOLEANS.has(key)) return value === 'true';
  if (TIMES.has(key)) {
    const ms = /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value);
    return Number.isFinite(ms) ? ms / 1000 : value;
  }
  return value;
}

function retype(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(retype);
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, typed(k, retype(v))]));
  return node;
}

/** The action and its input from a form-encoded body. */
export function parseQueryBody(body: string): { action: string; input: Record<string, unknown> } {
  const params = new URLSearchParams(body);
  const tree: Tree = {};
  let action = '';
  for (const [key, value] of params) {
    if (key === 'Action') action = value;
    if (key === 'Action' || key === 'Version') continue;
    const path = key.split('.');
    let node = tree;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Tree;
    });
  }
  return { action, input: retype(listify(tree)) as Record<string, unknown> };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function toXml(key: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value))
    return `<${key}>${value.map((v) => toXml('member', key === 'Timestamps' ? new Date((v as number) * 1000).toISOString() : v)).join('')}</${key}>`;
  if (typeof value === 'object')
    return `<${key}>${Object.entries(value)
      .map(([k, v]) => toXml(k, v))
      .join('')}</${key}>`;
  return `<${key}>${escape(String(value))}</${key}>`;
}

export function queryResponse(action: string, output: Record<string, unknown>, requestId: string): string {
  const result = Object.entries(output)
    .map(([k, v]) => toXml(k, v))
    .join('');
  return `<${action}Response xmlns="${XMLNS}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
}

export function queryError(code: string, fault: string, message: string, requestId: string): string {
  return `<ErrorResponse xmlns="${XMLNS}"><Error><Type>${fault}</Type><Code>${escape(code)}</Code><Message>${escape(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}
