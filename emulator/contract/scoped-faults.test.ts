import { describe, expect, it } from 'vitest';
import {
  AccessDeniedException,
  BatchGetChannelCommand,
  BatchStartViewerSessionRevocationCommand,
  CreateChannelCommand,
  CreateStreamKeyCommand,
  DeleteStreamKeyCommand,
  InternalServerException,
  TagResourceCommand,
  ValidationException,
} from '@aws-sdk/client-ivs';
import { rejects, setupEmulator } from './helpers';

const env = setupEmulator();

const newChannel = async (name?: string) => (await env.ivs.send(new CreateChannelCommand({ name }))).channel!.arn!;
// A channel without its stream key, so CreateStreamKey can succeed on it.
async function keylessChannel(): Promise<string> {
  const out = await env.ivs.send(new CreateChannelCommand({}));
  await env.ivs.send(new DeleteStreamKeyCommand({ arn: out.streamKey!.arn! }));
  return out.channel!.arn!;
}

// Tests in other workers share the emulator: a fault scoped to one resource must be taken by that
// resource's call only, however many calls of the same operation run meanwhile.
describe('faults scoped to one resource (control API)', () => {
  it('resourceArn: fails only calls naming that channel (channelArn), for `count` calls', async () => {
    const mine = await keylessChannel();
    const other = await keylessChannel();
    await env.control.injectFault('CreateStreamKey', 'AccessDeniedException', 1, { resourceArn: mine });
    await env.ivs.send(new CreateStreamKeyCommand({ channelArn: other }));
    await rejects(env.ivs.send(new CreateStreamKeyCommand({ channelArn: mine })), AccessDeniedException, 403);
    await env.ivs.send(new CreateStreamKeyCommand({ channelArn: mine }));
  });

  it('resourceArn matches `resourceArn` inputs and ARNs in batch lists', async () => {
    const mine = await newChannel();
    const other = await newChannel();
    await env.control.injectFault('TagResource', 'ValidationException', 1, { resourceArn: mine });
    await env.ivs.send(new TagResourceCommand({ resourceArn: other, tags: { a: '1' } }));
    await rejects(env.ivs.send(new TagResourceCommand({ resourceArn: mine, tags: { a: '1' } })), ValidationException, 400);

    await env.control.injectFault('BatchGetChannel', 'InternalServerException', 1, { resourceArn: mine });
    expect((await env.ivs.send(new BatchGetChannelCommand({ arns: [other] }))).channels).toHaveLength(1);
    await rejects(env.ivs.send(new BatchGetChannelCommand({ arns: [other, mine] })), InternalServerException, 500);

    await env.control.injectFault('BatchStartViewerSessionRevocation', 'ValidationException', 1, { resourceArn: mine });
    await env.ivs.send(new BatchStartViewerSessionRevocationCommand({ viewerSessions: [{ channelArn: other, viewerId: 'v' }] }));
    await rejects(
      env.ivs.send(
        new BatchStartViewerSessionRevocationCommand({
          viewerSessions: [
            { channelArn: other, viewerId: 'v' },
            { channelArn: mine, viewerId: 'v' },
          ],
        }),
      ),
      ValidationException,
      400,
    );
    expect(await env.control.ok('GET', 'faults')).toEqual({});
  });

  it('resourceName: fails only the create call with that name', async () => {
    await env.control.injectFault('CreateChannel', 'AccessDeniedException', 1, { resourceName: 'scoped-mine' });
    await newChannel('scoped-other');
    await newChannel();
    await rejects(env.ivs.send(new CreateChannelCommand({ name: 'scoped-mine' })), AccessDeniedException, 403);
    await newChannel('scoped-mine');
  });

  it('an unscoped fault still fails the next call whatever resource it names', async () => {
    const mine = await keylessChannel();
    const other = await keylessChannel();
    await env.control.injectFault('CreateStreamKey', 'AccessDeniedException', 1, { resourceArn: mine });
    await env.control.injectFault('CreateStreamKey', 'InternalServerException', 1);
    await rejects(env.ivs.send(new CreateStreamKeyCommand({ channelArn: other })), InternalServerException, 500);
    await rejects(env.ivs.send(new CreateStreamKeyCommand({ channelArn: mine })), AccessDeniedException, 403);
    expect(await env.control.ok('GET', 'faults')).toEqual({});
  });

  it("GET lists the scope; DELETE with operation and resourceArn clears only that resource's fault", async () => {
    const mine = await keylessChannel();
    const other = await keylessChannel();
    await env.control.injectFault('CreateStreamKey', 'AccessDeniedException', 2, { resourceArn: mine });
    await env.control.injectFault('CreateStreamKey', 'AccessDeniedException', 1, { resourceArn: other });
    expect(await env.control.ok('GET', 'faults')).toEqual({
      CreateStreamKey: [
        { error: 'AccessDeniedException', count: 2, resourceArn: mine },
        { error: 'AccessDeniedException', count: 1, resourceArn: other },
      ],
    });
    await env.control.clearFaults('CreateStreamKey', { resourceArn: mine });
    await env.ivs.send(new CreateStreamKeyCommand({ channelArn: mine }));
    await rejects(env.ivs.send(new CreateStreamKeyCommand({ channelArn: other })), AccessDeniedException, 403);
  });

  it('refuses a scope no call of the operation can match', async () => {
    const arn = await newChannel();
    const bad = async (body: Record<string, unknown>) =>
      (await env.control.call('POST', 'faults', { error: 'InternalServerException', ...body })).status;
    expect(await bad({ operation: 'ListChannels', resourceArn: arn })).toBe(400);
    expect(await bad({ operation: 'CreateStreamKey', resourceArn: 'channel-1' })).toBe(400);
    expect(await bad({ operation: 'CreateStreamKey', resourceName: 'x' })).toBe(400);
    expect(await bad({ operation: 'UpdateChannel', resourceName: 'x' })).toBe(400);
    expect(await bad({ operation: 'CreateChannel', resourceArn: arn })).toBe(400);
    expect((await env.control.call('DELETE', `faults?resourceArn=${encodeURIComponent(arn)}`)).status).toBe(400);
    expect(await env.control.ok('GET', 'faults')).toEqual({});
  });
});
