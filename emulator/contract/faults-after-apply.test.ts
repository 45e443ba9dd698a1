import { describe, expect, it } from 'vitest';
import {
  CreateChannelCommand,
  InternalServerException,
  IvsClient,
  ListChannelsCommand,
  TagResourceCommand,
  ListTagsForResourceCommand,
} from '@aws-sdk/client-ivs';
import { CREDENTIALS, REGION, rejects, setupEmulator } from './helpers';

const env = setupEmulator();

const channelsNamed = async (name: string) => (await env.ivs.send(new ListChannelsCommand({ filterByName: name }))).channels ?? [];

// IVS has no client token: when it applies a create but the answer is lost, the caller cannot tell
// the call from one that did nothing, and the SDK's own retry makes a second resource. A fault with
// "when": "after" reproduces that: the call is applied, then its answer fails.
describe('faults after the call is applied (control API "when": "after")', () => {
  it('a 500 after CreateChannel: the caller sees the error, and the channel exists', async () => {
    await env.control.injectFault('CreateChannel', 'InternalServerException', 1, { resourceName: 'after-500' }, 'after');
    await rejects(env.ivs.send(new CreateChannelCommand({ name: 'after-500' })), InternalServerException, 500);
    expect(await channelsNamed('after-500')).toHaveLength(1);
    expect(await env.control.ok('GET', 'faults')).toEqual({});
  });

  it('a dropped connection after CreateChannel: no answer at all, and the channel exists', async () => {
    await env.control.injectFault('CreateChannel', 'DropConnection', 1, { resourceName: 'after-drop' }, 'after');
    await expect(env.ivs.send(new CreateChannelCommand({ name: 'after-drop' }))).rejects.toThrow();
    expect(await channelsNamed('after-drop')).toHaveLength(1);
  });

  it("the SDK's default retry turns a lost answer into a second channel (the hazard the console must handle)", async () => {
    const retrying = new IvsClient({ endpoint: env.url, region: REGION, credentials: CREDENTIALS, maxAttempts: 3 });
    try {
      await env.control.injectFault('CreateChannel', 'InternalServerException', 1, { resourceName: 'after-retried' }, 'after');
      const out = await retrying.send(new CreateChannelCommand({ name: 'after-retried' }));
      expect(out.channel?.arn).toBeTruthy();
      expect(await channelsNamed('after-retried')).toHaveLength(2);
    } finally {
      retrying.destroy();
    }
  });

  it('a scoped after-fault leaves other calls alone, and a call refused by validation does not use it up', async () => {
    const mine = (await env.ivs.send(new CreateChannelCommand({ name: 'after-tags' }))).channel!.arn!;
    const other = (await env.ivs.send(new CreateChannelCommand({}))).channel!.arn!;
    await env.control.injectFault('TagResource', 'InternalServerException', 1, { resourceArn: mine }, 'after');
    await env.ivs.send(new TagResourceCommand({ resourceArn: other, tags: { a: '1' } }));
    await expect(env.ivs.send(new TagResourceCommand({ resourceArn: mine, tags: { 'aws:no': '1' } }))).rejects.toThrow();
    await rejects(env.ivs.send(new TagResourceCommand({ resourceArn: mine, tags: { applied: 'yes' } })), InternalServerException, 500);
    expect((await env.ivs.send(new ListTagsForResourceCommand({ resourceArn: mine }))).tags).toEqual({ applied: 'yes' });
  });

  it('refuses an unknown "when", and DropConnection is the one non-IVS error it takes', async () => {
    const bad = await env.control.call('POST', 'faults', { operation: 'CreateChannel', error: 'InternalServerException', when: 'later' });
    expect(bad.status).toBe(400);
    expect((bad.body as { message: string }).message).toContain('"when" must be');
    const unknown = await env.control.call('POST', 'faults', { operation: 'CreateChannel', error: 'NotAnError', when: 'after' });
    expect(unknown.status).toBe(400);
  });
});
