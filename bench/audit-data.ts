// The audit bench's data: a year of records from 50 users, 10 actions and 10,000 channels, and the
// filters /audit is measured with. No lib/ imports, so bench/audit.ts (no react-server condition) can load it.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { AuditFilter } from '../lib/audit/types';

export const USERS = 50;
const ACTIONS = [
  'channel.create',
  'channel.update',
  'channel.delete',
  'stream-key.reveal',
  'stream-key.copy',
  'stream-key.rotate',
  'region.set',
  'session.sign-in',
  'tags.update',
  'playback-key.import',
];
export const RESOURCES = 10_000;

/** Writes n audit lines, a year of history, the shape the old file store wrote. */
export async function writeJsonl(file: string, n: number): Promise<void> {
  const out = createWriteStream(file);
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; i < n; i++) {
    const line = JSON.stringify({
      id: `bench-${i.toString(36).padStart(8, '0')}`,
      at: new Date(start + i * 31_536).toISOString(),
      user: `user${i % USERS}@example.com`,
      role: 'operator',
      region: 'us-west-2',
      action: ACTIONS[(i * 7 + Math.floor(i / USERS)) % ACTIONS.length],
      resourceArn: `arn:aws:ivs:us-west-2:123456789012:channel/${(i * 7919) % RESOURCES}`,
      outcome: i % 17 ? 'success' : 'failure',
    });
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

export const QUERIES: Array<[string, AuditFilter]> = [
  ['first page, unfiltered', {}],
  ['filtered by user', { user: 'USER17@example.com' }],
  ['filtered by action', { action: 'stream-key.reveal' }],
  ['filtered by resource', { resource: 'arn:aws:ivs:us-west-2:123456789012:channel/4242' }],
  ['user + action', { user: 'user3@example.com', action: 'channel.delete' }],
];
