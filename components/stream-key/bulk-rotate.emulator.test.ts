import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { CreateChannelCommand, IvsClient, ListStreamKeysCommand } from '@aws-sdk/client-ivs';
import { createEmulator, type RunningEmulator } from '@/emulator/index';
import type { Db } from '@/lib/store';

// The bulk rotation action end to end on the server side: the real request ledger on the store, the
// real rotation against the emulator over HTTP. Only the session, the audit log and the region are
// stand-ins. The client retries as the console's shared one does (a kept-alive socket can be reset
// while the embedded store starts).
const ctx = vi.hoisted(() => ({ ivs: null as unknown, db: null as unknown }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => ({ email: 'operator@local', name: 'operator', role: 'operator' }) }));
vi.mock('@/lib/audit', () => ({ recordAudit: async () => undefined, recordAuditStrict: async () => undefined }));
vi.mock('@/lib/auth/region', () => ({ currentRegion: async () => 'us-west-2' }));
vi.mock('@/lib/ivs/client', () => ({ ivsClient: () => ctx.ivs, ivsClientNoRetry: () => ctx.ivs }));
vi.mock('@/lib/store', async (importOriginal) => ({ ...(await importOriginal<object>()), store: async () => ctx.db }));

const { BACKENDS } = await import('@/lib/store/test-backends');
const { bulkRotateStreamKeyAction, rotateStreamKeyAction } = await import('./actions');

let emulator: RunningEmulator;
let ivs: IvsClient;

beforeAll(async () => {
  emulator = await createEmulator({ port: 0, host: '127.0.0.1', quiet: true });
  ctx.ivs = ivs = new IvsClient({
    endpoint: emulator.url,
    region: 'us-west-2',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 3,
  });
});
afterAll(async () => {
  ivs?.destroy();
  await emulator?.close();
});

async function channelWithKey() {
  const out = await ivs.send(new CreateChannelCommand({ name: `bulk-${randomUUID().slice(0, 8)}` }));
  return { channelArn: out.channel!.arn!, keyArn: out.streamKey!.arn! };
}
const keysOf = async (channelArn: string) =>
  ((await ivs.send(new ListStreamKeysCommand({ channelArn }))).streamKeys ?? []).map((k) => k.arn);

async function fault(operation: string, error: string, resourceArn: string) {
  const body = { operation, error, count: 1, resourceArn };
  const res = await fetch(`${emulator.url}/_emulator/faults`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  expect(res.ok).toBe(true);
}

const keyArnsOf = (results: Array<{ ok: boolean; data?: { keyArn: string | null } }>) =>
  new Set(results.map((r) => (r.ok ? r.data?.keyArn : 'failed')));

describe('per-channel rotation without a run id', () => {
  // The channel lock lives on the store (an advisory lock on PostgreSQL), so even this needs one.
  beforeAll(async () => {
    ctx.db = await BACKENDS[0].open();
  });
  afterAll(() => (ctx.db as Db).close());

  it('five identical concurrent requests rotate the key five times (why bulk rotation carries an id)', async () => {
    const { channelArn } = await channelWithKey();
    const results = await Promise.all(Array.from({ length: 5 }, () => rotateStreamKeyAction({ channelArn, stopStream: false })));
    expect(keyArnsOf(results).size).toBe(5);
  });
});

describe.each(BACKENDS)('bulk rotation with a run id ($name store)', ({ open }) => {
  beforeAll(async () => {
    ctx.db = await open();
  });
  afterAll(() => (ctx.db as Db).close());

  it('five identical concurrent requests rotate the key once, and all five answer with that rotation', async () => {
    const { channelArn, keyArn } = await channelWithKey();
    const requestId = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => bulkRotateStreamKeyAction({ channelArn, stopStream: false, requestId })),
    );
    for (const r of results) expect(r).toMatchObject({ ok: true, data: { outcome: 'rotated' } });
    const [rotated] = keyArnsOf(results);
    expect(keyArnsOf(results).size).toBe(1);
    expect(rotated).not.toBe(keyArn);
    expect(await keysOf(channelArn)).toEqual([rotated]);

    // The same run sent again later gets the first run's answer and leaves the key alone.
    expect(await bulkRotateStreamKeyAction({ channelArn, stopStream: false, requestId })).toEqual(results[0]);
    expect(await keysOf(channelArn)).toEqual([rotated]);
    // A new bulk run is a new rotation.
    const next = await bulkRotateStreamKeyAction({ channelArn, stopStream: false, requestId: randomUUID() });
    expect(next).toMatchObject({ ok: true, data: { outcome: 'rotated' } });
    expect(await keysOf(channelArn)).toEqual([(next as { data: { keyArn: string } }).data.keyArn]);
    expect((next as { data: { keyArn: string } }).data.keyArn).not.toBe(rotated);
  });

  it('one run id covers each channel of the run separately', async () => {
    const a = await channelWithKey();
    const b = await channelWithKey();
    const requestId = randomUUID();
    const [ra, rb] = await Promise.all(
      [a, b].map((c) => bulkRotateStreamKeyAction({ channelArn: c.channelArn, stopStream: false, requestId })),
    );
    expect(ra).toMatchObject({ ok: true, data: { outcome: 'rotated' } });
    expect(rb).toMatchObject({ ok: true, data: { outcome: 'rotated' } });
    expect(await keysOf(a.channelArn)).not.toContain(a.keyArn);
    expect(await keysOf(b.channelArn)).not.toContain(b.keyArn);
  });

  it('"Retry failed" with the same run id finishes a rotation that failed, and only once', async () => {
    const { channelArn, keyArn } = await channelWithKey();
    const requestId = randomUUID();
    await fault('CreateStreamKey', 'AccessDeniedException', channelArn);
    expect(await bulkRotateStreamKeyAction({ channelArn, stopStream: false, requestId })).toMatchObject({ ok: false, code: 'NoStreamKey' });
    expect(await keysOf(channelArn)).toEqual([]);
    // A console refusal is no unknown outcome: the run's claim on the channel is let go.
    const claim = await (ctx.db as Db).query('SELECT state FROM create_requests WHERE request_id = $1', [`${requestId}/${channelArn}`]);
    expect(claim.rows).toEqual([]);

    const retries = await Promise.all(
      Array.from({ length: 3 }, () => bulkRotateStreamKeyAction({ channelArn, stopStream: false, requestId })),
    );
    expect(keyArnsOf(retries).size).toBe(1);
    const [created] = keyArnsOf(retries);
    expect(created).not.toBe(keyArn);
    expect(await keysOf(channelArn)).toEqual([created]);
  });

  it('refuses the same run id with other values (another channel run is fine, another stopStream is not)', async () => {
    const { channelArn } = await channelWithKey();
    const requestId = randomUUID();
    expect(await bulkRotateStreamKeyAction({ channelArn, stopStream: false, requestId })).toMatchObject({ ok: true });
    expect(await bulkRotateStreamKeyAction({ channelArn, stopStream: true, requestId })).toMatchObject({
      ok: false,
      code: 'RequestMismatch',
    });
  });
});
