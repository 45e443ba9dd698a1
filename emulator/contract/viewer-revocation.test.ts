import { describe, expect, it } from 'vitest';
import {
  BatchStartViewerSessionRevocationCommand,
  CreateChannelCommand,
  ResourceNotFoundException,
  StartViewerSessionRevocationCommand,
  ValidationException,
} from '@aws-sdk/client-ivs';
import { ACCOUNT, REGION, rejects, setupEmulator } from './helpers';

const env = setupEmulator();
const privateChannel = async () => (await env.ivs.send(new CreateChannelCommand({ authorized: true }))).channel!.arn!;
const revoke = (channelArn: string, viewerId: string, viewerSessionVersionsLessThanOrEqualTo?: number) =>
  env.ivs.send(new StartViewerSessionRevocationCommand({ channelArn, viewerId, viewerSessionVersionsLessThanOrEqualTo }));

describe('StartViewerSessionRevocation', () => {
  it('records the revocation for the channel and viewer', async () => {
    const channelArn = await privateChannel();
    const out = await revoke(channelArn, 'viewer-1', 3);
    expect(out.$metadata.httpStatusCode).toBe(200);
    await revoke(channelArn, 'viewer-2');
    const recorded = await env.control.revocations(channelArn);
    expect(recorded).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ channelArn, viewerId: 'viewer-1', viewerSessionVersionsLessThanOrEqualTo: 3 }),
        expect.objectContaining({ channelArn, viewerId: 'viewer-2' }),
      ]),
    );
    expect(recorded).toHaveLength(2);
    const other = await privateChannel();
    expect(await env.control.revocations(other)).toEqual([]);
  });

  it('refuses a missing channel and invalid input', async () => {
    const channelArn = await privateChannel();
    await rejects(revoke(`arn:aws:ivs:${REGION}:${ACCOUNT}:channel/abcdABCDefgh`, 'v'), ResourceNotFoundException, 404);
    await rejects(revoke('not-an-arn', 'v'), ValidationException, 400);
    await rejects(revoke(channelArn, ''), ValidationException, 400);
    await rejects(revoke(channelArn, 'v'.repeat(41)), ValidationException, 400);
    await rejects(revoke(channelArn, 'v', -1), ValidationException, 400);
    await revoke(channelArn, 'v'.repeat(40), 0);
  });
});

describe('BatchStartViewerSessionRevocation', () => {
  it('revokes every pair and records each one', async () => {
    const a = await privateChannel();
    const b = await privateChannel();
    const out = await env.ivs.send(
      new BatchStartViewerSessionRevocationCommand({
        viewerSessions: [
          { channelArn: a, viewerId: 'x' },
          { channelArn: b, viewerId: 'y', viewerSessionVersionsLessThanOrEqualTo: 9 },
        ],
      }),
    );
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.errors ?? []).toEqual([]);
    expect(await env.control.revocations(a)).toEqual([expect.objectContaining({ channelArn: a, viewerId: 'x' })]);
    expect(await env.control.revocations(b)).toEqual([
      expect.objectContaining({ channelArn: b, viewerId: 'y', viewerSessionVersionsLessThanOrEqualTo: 9 }),
    ]);
  });

  it('takes 1..20 sessions', async () => {
    const channelArn = await privateChannel();
    const sessions = (n: number) => Array.from({ length: n }, (_, i) => ({ channelArn, viewerId: `v${i}` }));
    const ok = await env.ivs.send(new BatchStartViewerSessionRevocationCommand({ viewerSessions: sessions(20) }));
    expect(ok.errors ?? []).toEqual([]);
    await rejects(env.ivs.send(new BatchStartViewerSessionRevocationCommand({ viewerSessions: sessions(21) })), ValidationException, 400);
    await rejects(env.ivs.send(new BatchStartViewerSessionRevocationCommand({ viewerSessions: [] })), ValidationException, 400);
  });
});
