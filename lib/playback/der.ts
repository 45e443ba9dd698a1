// A tiny DER reader/writer: just enough ASN.1 to tell key formats apart and to re-wrap a SEC1 key.
// Pure TypeScript on Uint8Array so the same code runs in the browser and on the server.

export const TAG = { INTEGER: 0x02, BIT_STRING: 0x03, OCTET_STRING: 0x04, NULL: 0x05, OID: 0x06, SEQUENCE: 0x30 } as const;

export interface DerNode {
  tag: number;
  /** The content bytes (without tag and length). */
  value: Uint8Array;
  /** Offset just past this node in the buffer it was read from. */
  end: number;
}

/** Reads one TLV at `offset`; throws on truncated or non-DER lengths. */
export function readNode(bytes: Uint8Array, offset = 0): DerNode {
  if (offset + 2 > bytes.length) throw new Error('truncated DER');
  const tag = bytes[offset];
  let length = bytes[offset + 1];
  let pos = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || pos + count > bytes.length) throw new Error('bad DER length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[pos + i];
    pos += count;
  }
  if (pos + length > bytes.length) throw new Error('truncated DER');
  return { tag, value: bytes.subarray(pos, pos + length), end: pos + length };
}

/** The children of a constructed node (SEQUENCE, context tags). */
export function readChildren(value: Uint8Array): DerNode[] {
  const out: DerNode[] = [];
  let offset = 0;
  while (offset < value.length) {
    const node = readNode(value, offset);
    out.push(node);
    offset = node.end;
  }
  return out;
}

/** Reads a whole buffer as exactly one top-level node (trailing bytes are an error). */
export function readTop(bytes: Uint8Array): DerNode {
  const node = readNode(bytes, 0);
  if (node.end !== bytes.length) throw new Error('trailing bytes after DER');
  return node;
}

/** Dotted form of an OBJECT IDENTIFIER's content bytes. */
export function decodeOid(value: Uint8Array): string {
  if (value.length === 0) throw new Error('empty OID');
  const parts: number[] = [];
  let acc = 0;
  for (const byte of value) {
    acc = acc * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(acc);
      acc = 0;
    }
  }
  const first = parts.shift()!;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...parts].join('.');
}

function encodeLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return [0x80 | bytes.length, ...bytes];
}

/** Encodes one TLV. */
export function encodeNode(tag: number, ...contents: Uint8Array[]): Uint8Array {
  const total = contents.reduce((sum, c) => sum + c.length, 0);
  const head = [tag, ...encodeLength(total)];
  const out = new Uint8Array(head.length + total);
  out.set(head, 0);
  let offset = head.length;
  for (const c of contents) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

/** Encodes a dotted OID. */
export function encodeOid(dotted: string): Uint8Array {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const body: number[] = [];
  for (const n of [a * 40 + b, ...rest]) {
    const chunk = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    body.push(...chunk);
  }
  return encodeNode(TAG.OID, new Uint8Array(body));
}
