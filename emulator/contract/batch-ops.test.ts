import { beforeAll, describe, expect, it } from 'vitest';
import {
  BatchGetChannelCommand,
  BatchGetStreamKeyCommand,
  BatchStartViewerSessionRevocationCommand,
  CreateChannelCommand,
  ValidationException,
  type CreateChannelCommandOutput,
} from '@aws-sdk/client-ivs';
import { ACCOUNT, REGION, rejects, setupEmulator } from './helpers';

const env = setupEmulator();
const missingChannel = `arn:aws:ivs:${REGION}:${ACCOUNT}:channel/abcdABCDefgh`;
const missingKey = `arn:aws:ivs:${REGION}:${ACCOUNT}:stream-key/abcdABCDefgh`;
let created: CreateChannelCommandOutput[] = [];

beforeAll(async () => {
  created = await Promise.all(['b1', 'b2', 'b3'].map((name) => env.ivs.send(new CreateChannelCommand({ name }))));
});

describe('BatchGetChannel', () => {
  it('returns found channels and a per-item error for each missing ARN', async () => {
    const arns = created.map((c) => c.channel!.arn!);
    const out = await env.ivs.send(new BatchGetChannelCommand({ arns: [arns[0], missingChannel, arns[2]] }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.channels!.map((c) => c.arn).sort()).toEqual([arns[0], arns[2]].sort());
    expect(out.channels!.find((c) => c.arn === arns[0])).toEqual(created[0].channel);
    expect(out.errors).toHaveLength(1);
    expect(out.errors![0].arn).toBe(missingChannel);
    expect(out.errors![0].code).toMatch(/NotFound/);
    expect(out.errors![0].message).toBeTruthy();
  });

  it('returns no errors when all are found, and takes 1..50 ARNs', async () => {
    const out = await env.ivs.send(new BatchGetChannelCommand({ arns: created.map((c) => c.channel!.arn!) }));
    expect(out.channels).toHaveLength(3);
    expect(out.errors ?? []).toEqual([]);
    await rejects(env.ivs.send(new BatchGetChannelCommand({ arns: [] })), ValidationException, 400);
    await rejects(env.ivs.send(new BatchGetChannelCommand({ arns: Array(51).fill(missingChannel) })), ValidationException, 400);
    await rejects(env.ivs.send(new BatchGetChannelCommand({ arns: ['not-an-arn'] })), ValidationException, 400);
  });
});

describe('BatchGetStreamKey', () => {
  it('returns found keys with their values and a per-item error for each missing ARN', async () => {
    const keys = created.map((c) => c.streamKey!);
    const out = await env.ivs.send(new BatchGetStreamKeyCommand({ arns: [keys[1].arn!, missingKey] }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.streamKeys).toEqual([keys[1]]);
    expect(out.streamKeys![0].value).toMatch(new RegExp(`^sk_${REGION}_`));
    expect(out.errors).toHaveLength(1);
    expect(out.errors![0]).toMatchObject({ arn: missingKey });
    expect(out.errors![0].code).toMatch(/NotFound/);
  });

  it('takes 1..50 ARNs', async () => {
    await rejects(env.ivs.send(new BatchGetStreamKeyCommand({ arns: [] })), ValidationException, 400);
    await rejects(env.ivs.send(new BatchGetStreamKeyCommand({ arns: Array(51).fill(missingKey) })), ValidationException, 400);
  });
});

describe('BatchStartViewerSessionRevocation', () => {
  it('reports a per-item error for a missing channel and revokes the rest', async () => {
    const channelArn = created[0].channel!.arn!;
    const out = await env.ivs.send(
      new BatchStartViewerSessionRevocationCommand({
        viewerSessions: [
          { channelArn, viewerId: 'ok-viewer' },
          { channelArn: missingChannel, viewerId: 'lost-viewer' },
        ],
      }),
    );
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.errors).toHaveLength(1);
    expect(out.errors![0]).toMatchObject({ channelArn: missingChannel, viewerId: 'lost-viewer' });
    expect(out.errors![0].code).toMatch(/NotFound/);
    expect(out.errors![0].message).toBeTruthy();
    expect(await env.control.revocations(channelArn)).toEqual([expect.objectContaining({ viewerId: 'ok-viewer' })]);
  });

  it('refuses an over-long viewer id (whole call or item) and records nothing', async () => {
    const channelArn = created[1].channel!.arn!;
    const out = await env.ivs
      .send(new BatchStartViewerSessionRevocationCommand({ viewerSessions: [{ channelArn, viewerId: 'v'.repeat(41) }] }))
      .catch((e: unknown) => e);
    // Either the whole call or the item may be refused; the revocation must not be recorded.
    if (out instanceof Error) expect(out).toBeInstanceOf(ValidationException);
    else expect((out as { errors?: unknown[] }).errors).toHaveLength(1);
    expect(await env.control.revocations(channelArn)).toEqual([]);
  });
});
