// PEM armour and base64 helpers shared by the browser and the server (no Buffer, no node:crypto).

export interface PemBlock {
  label: string;
  der: Uint8Array;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g;

export function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) throw new Error('not base64');
  const binary = atob(clean);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function bytesToBase64Url(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Every PEM block in `text`. A block whose body is not base64 (or whose END label differs) comes
 * back with an empty `der` so callers can still tell what the user meant to paste.
 */
export function parsePemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(BLOCK)) {
    const [, label, body, endLabel] = match;
    // Encrypted legacy PEM carries "Proc-Type:" headers before the base64 body.
    const headerless = body.replace(/^[ \t]*[A-Za-z-]+:.*$/gm, '');
    let der: Uint8Array = new Uint8Array(0);
    if (label === endLabel) {
      try {
        der = base64ToBytes(headerless);
      } catch {
        der = new Uint8Array(0);
      }
    }
    blocks.push({ label, der });
  }
  return blocks;
}

/** Standard PEM: 64-character lines, trailing newline. */
export function toPem(label: string, der: Uint8Array): string {
  const lines = bytesToBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
