import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { as, opOf, harness as h } from '@/test/action-harness';

const KEY_ARN = 'arn:aws:ivs:us-west-2:123456789012:playback-key/KeKeKeKe1234';
const CHANNEL = 'arn:aws:ivs:us-west-2:123456789012:channel/ChChChCh1234';

vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const keys = await import('@/app/(console)/playback-keys/actions');
const revocation = await import('@/components/private-playback/actions');

const ec = (namedCurve: string) => generateKeyPairSync('ec', { namedCurve });
const publicPem = () => ec('secp384r1').publicKey.export({ type: 'spki', format: 'pem' }) as string;

beforeEach(() => {
  vi.clearAllMocks();
  h.audit.mockResolvedValue(undefined);
});

describe('playback key actions', () => {
  it('refuse a viewer and an operator before any IVS call (import and delete are admin-only)', async () => {
    for (const role of ['viewer', 'operator'] as const) {
      as(role);
      expect(
        await keys.importPlaybackKeyPairAction({ publicKeyMaterial: publicPem(), name: 'k', tags: [], requestId: randomUUID() }),
      ).toMatchObject({ ok: false, code: 'Forbidden' });
      expect(await keys.deletePlaybackKeyPairAction({ id: 'KeKeKeKe1234' })).toMatchObject({ ok: false, code: 'Forbidden' });
    }
    expect(h.send).not.toHaveBeenCalled();
  });

  it('refuse a private key on the server too, before IVS, and never audit the key material', async () => {
    as('admin');
    const privatePem = ec('secp384r1').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const result = await keys.importPlaybackKeyPairAction({ publicKeyMaterial: privatePem, name: 'k', tags: [], requestId: randomUUID() });
    expect(result).toMatchObject({
      ok: false,
      code: 'ValidationError',
      fieldErrors: { publicKeyMaterial: [expect.stringMatching(/must never be uploaded anywhere/)] },
    });
    expect(h.send).not.toHaveBeenCalled();
    expect(JSON.stringify(h.audit.mock.calls)).not.toContain('PRIVATE KEY');
  });

  it('refuse another curve and RSA with their own messages', async () => {
    as('admin');
    const p256 = ec('prime256v1').publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
    expect(await keys.importPlaybackKeyPairAction({ publicKeyMaterial: p256, name: '', tags: [], requestId: randomUUID() })).toMatchObject({
      fieldErrors: { publicKeyMaterial: [expect.stringContaining('P-256')] },
    });
    expect(await keys.importPlaybackKeyPairAction({ publicKeyMaterial: rsa, name: '', tags: [], requestId: randomUUID() })).toMatchObject({
      fieldErrors: { publicKeyMaterial: [expect.stringContaining('RSA')] },
    });
    expect(h.send).not.toHaveBeenCalled();
  });

  it('imports canonical PEM when the region has room, and explains the quota when it has not', async () => {
    as('admin');
    const pem = publicPem();
    h.send.mockImplementation(async (c: { input: { publicKeyMaterial?: string } }) =>
      opOf(c) === 'ListPlaybackKeyPairs'
        ? { keyPairs: [{ arn: KEY_ARN }] }
        : { keyPair: { arn: KEY_ARN, name: 'k', fingerprint: 'ab:cd' } },
    );
    const requestId = randomUUID();
    const ok = await keys.importPlaybackKeyPairAction({
      publicKeyMaterial: `  ${pem}\n\n`,
      name: 'k',
      tags: [{ key: 'team', value: 'video' }],
      requestId,
    });
    expect(ok).toMatchObject({ ok: true, data: { arn: KEY_ARN, id: 'KeKeKeKe1234', fingerprint: 'ab:cd' } });
    // The request's tag beside the form's: an import whose answer is lost is found by it.
    expect(h.send.mock.calls[1][0].input).toEqual({
      publicKeyMaterial: pem,
      name: 'k',
      tags: { team: 'video', 'ivs-console:request-id': requestId },
    });

    h.send.mockReset();
    h.send.mockResolvedValue({ keyPairs: [{ arn: 'a' }, { arn: 'b' }, { arn: 'c' }] });
    const full = await keys.importPlaybackKeyPairAction({ publicKeyMaterial: pem, name: '', tags: [], requestId: randomUUID() });
    expect(full).toMatchObject({ ok: false, code: 'QuotaExceeded', error: expect.stringContaining('3 playback key pairs') });
    expect(h.send.mock.calls.map(([c]) => opOf(c))).toEqual(['ListPlaybackKeyPairs']);
  });
});

describe('viewer revocation actions', () => {
  it('refuse a viewer before any IVS call', async () => {
    as('viewer');
    expect(await revocation.revokeViewerSessionAction({ channelArn: CHANNEL, viewerId: 'v' })).toMatchObject({
      ok: false,
      code: 'Forbidden',
    });
    expect(await revocation.batchRevokeViewerSessionsAction({ channelArn: CHANNEL, sessions: [{ viewerId: 'v' }] })).toMatchObject({
      ok: false,
      code: 'Forbidden',
    });
    expect(h.send).not.toHaveBeenCalled();
  });

  it('refuse a public channel after re-reading it', async () => {
    as('operator');
    h.send.mockImplementation(async (c: unknown) =>
      opOf(c) === 'ListChannels' ? { channels: [{ arn: CHANNEL }] } : { channel: { arn: CHANNEL, authorized: false } },
    );
    const result = await revocation.revokeViewerSessionAction({ channelArn: CHANNEL, viewerId: 'v' });
    expect(result).toMatchObject({ ok: false, code: 'NotPrivate' });
    expect(h.send.mock.calls.map(([c]) => opOf(c))).not.toContain('StartViewerSessionRevocation');
  });

  it('batch: one call per 20, per-item errors from IVS reported per viewer', async () => {
    as('operator');
    h.send.mockImplementation(async (c: { input: { viewerSessions?: { viewerId: string }[] } }) => {
      if (opOf(c) === 'ListChannels') return { channels: [{ arn: CHANNEL }] };
      if (opOf(c) === 'GetChannel') return { channel: { arn: CHANNEL, authorized: true } };
      return { errors: [{ channelArn: CHANNEL, viewerId: 'v-3', code: 'ValidationException', message: 'bad viewer' }] };
    });
    const sessions = Array.from({ length: 45 }, (_, i) => ({ viewerId: `v-${i}` }));
    const result = await revocation.batchRevokeViewerSessionsAction({ channelArn: CHANNEL, sessions });
    expect(result).toMatchObject({ ok: true, data: { started: 44, failed: 1 } });
    if (result.ok)
      expect(result.data.results[3]).toEqual({ viewerId: 'v-3', ok: false, code: 'ValidationException', message: 'bad viewer' });
    const batches = h.send.mock.calls.filter(([c]) => opOf(c) === 'BatchStartViewerSessionRevocation');
    expect(batches.map(([c]) => c.input.viewerSessions.length)).toEqual([20, 20, 5]);
  });
});
