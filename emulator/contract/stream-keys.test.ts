import { describe, expect, it } from 'vitest';
import {
  CreateChannelCommand,
  CreateStreamKeyCommand,
  DeleteStreamKeyCommand,
  GetStreamKeyCommand,
  ListStreamKeysCommand,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ValidationException,
} from '@aws-sdk/client-ivs';
import { ACCOUNT, REGION, arnPattern, rejects, setupEmulator } from './helpers';

const env = setupEmulator();
const newChannel = async () => (await env.ivs.send(new CreateChannelCommand({}))).channel!.arn!;
const missingChannel = `arn:aws:ivs:${REGION}:${ACCOUNT}:channel/abcdABCDefgh`;
const missingKey = `arn:aws:ivs:${REGION}:${ACCOUNT}:stream-key/abcdABCDefgh`;

describe('stream keys', () => {
  it('GetStreamKey returns the value created with the channel', async () => {
    const created = await env.ivs.send(new CreateChannelCommand({}));
    const got = await env.ivs.send(new GetStreamKeyCommand({ arn: created.streamKey!.arn }));
    expect(got.streamKey).toEqual(created.streamKey);
    expect(got.streamKey?.value).toMatch(new RegExp(`^sk_${REGION}_[A-Za-z0-9_]{12,}$`));
    await rejects(env.ivs.send(new GetStreamKeyCommand({ arn: missingKey })), ResourceNotFoundException, 404);
    await rejects(
      env.ivs.send(new GetStreamKeyCommand({ arn: 'arn:aws:ivs:us-west-2:123456789012:channel/abc' })),
      ValidationException,
      400,
    );
  });

  it('allows one key per channel: a second CreateStreamKey exceeds the quota (402)', async () => {
    const channelArn = await newChannel();
    await rejects(env.ivs.send(new CreateStreamKeyCommand({ channelArn })), ServiceQuotaExceededException, 402);
  });

  it('rotates: DeleteStreamKey (204) then CreateStreamKey gives a new key', async () => {
    const created = await env.ivs.send(new CreateChannelCommand({}));
    const channelArn = created.channel!.arn!;
    const del = await env.ivs.send(new DeleteStreamKeyCommand({ arn: created.streamKey!.arn }));
    expect(del.$metadata.httpStatusCode).toBe(204);
    expect((await env.ivs.send(new ListStreamKeysCommand({ channelArn }))).streamKeys).toEqual([]);
    const fresh = await env.ivs.send(new CreateStreamKeyCommand({ channelArn, tags: { rotated: 'yes' } }));
    expect(fresh.$metadata.httpStatusCode).toBe(200);
    expect(fresh.streamKey).toMatchObject({ channelArn, tags: { rotated: 'yes' } });
    expect(fresh.streamKey?.arn).toMatch(arnPattern('stream-key'));
    expect(fresh.streamKey?.arn).not.toBe(created.streamKey!.arn);
    expect(fresh.streamKey?.value).toMatch(new RegExp(`^sk_${REGION}_`));
    expect(fresh.streamKey?.value).not.toBe(created.streamKey!.value);
    await rejects(env.ivs.send(new GetStreamKeyCommand({ arn: created.streamKey!.arn })), ResourceNotFoundException);
    await rejects(env.ivs.send(new DeleteStreamKeyCommand({ arn: created.streamKey!.arn })), ResourceNotFoundException, 404);
  });

  it('CreateStreamKey needs an existing channel and a valid ARN', async () => {
    await rejects(env.ivs.send(new CreateStreamKeyCommand({ channelArn: missingChannel })), ResourceNotFoundException, 404);
    await rejects(env.ivs.send(new CreateStreamKeyCommand({ channelArn: 'nope' })), ValidationException, 400);
    await rejects(env.ivs.send(new DeleteStreamKeyCommand({ arn: 'nope' })), ValidationException, 400);
  });

  it('ListStreamKeys lists summaries without the secret value', async () => {
    const created = await env.ivs.send(new CreateChannelCommand({}));
    const channelArn = created.channel!.arn!;
    const out = await env.ivs.send(new ListStreamKeysCommand({ channelArn }));
    expect(out.streamKeys).toEqual([{ arn: created.streamKey!.arn, channelArn, tags: {} }]);
    expect(out.nextToken ?? '').toBe('');
    await rejects(env.ivs.send(new ListStreamKeysCommand({ channelArn: missingChannel })), ResourceNotFoundException, 404);
  });

  it('ListStreamKeys enforces maxResults 1..50 and a valid nextToken', async () => {
    const channelArn = await newChannel();
    expect((await env.ivs.send(new ListStreamKeysCommand({ channelArn, maxResults: 50 }))).streamKeys).toHaveLength(1);
    await rejects(env.ivs.send(new ListStreamKeysCommand({ channelArn, maxResults: 0 })), ValidationException, 400);
    await rejects(env.ivs.send(new ListStreamKeysCommand({ channelArn, maxResults: 51 })), ValidationException, 400);
    await rejects(env.ivs.send(new ListStreamKeysCommand({ channelArn, nextToken: 'bm90LWEtcmVhbC10b2tlbg==' })), ValidationException, 400);
  });
});
