import {
  CreateChannelCommand,
  DeleteChannelCommand,
  GetChannelCommand,
  IvsClient,
  ListChannelsCommand,
  ListTagsForResourceCommand,
  ResourceNotFoundException,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-ivs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type RunningEmulator } from './index';

let emulator: RunningEmulator;
let ivs: IvsClient;

beforeAll(async () => {
  emulator = await createEmulator({ port: 0, quiet: true });
  ivs = new IvsClient({ endpoint: emulator.url, region: 'us-west-2', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
});
afterAll(async () => {
  ivs.destroy();
  await emulator.close();
});

describe('emulator through the real IvsClient', () => {
  it('creates, reads, lists and deletes a channel', async () => {
    const created = await ivs.send(new CreateChannelCommand({ name: 'smoke', tags: { team: 'qa' } }));
    const arn = created.channel!.arn!;
    expect(arn).toMatch(/^arn:aws:ivs:us-west-2:123456789012:channel\/[a-zA-Z0-9]{12}$/);
    expect(created.streamKey!.value).toMatch(/^sk_us-west-2_[a-zA-Z0-9]{12}_[a-zA-Z0-9]+$/);
    expect(created.channel).toMatchObject({ latencyMode: 'LOW', type: 'STANDARD', authorized: false, preset: '', containerFormat: 'TS' });

    const got = await ivs.send(new GetChannelCommand({ arn }));
    expect(got.channel).toEqual(created.channel);

    const list = await ivs.send(new ListChannelsCommand({ filterByName: 'smo' }));
    expect(list.channels!.map((c) => c.arn)).toEqual([arn]);

    await ivs.send(new DeleteChannelCommand({ arn }));
    await expect(ivs.send(new GetChannelCommand({ arn }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('routes the tag operations by method on /tags/{resourceArn}', async () => {
    const { channel } = await ivs.send(new CreateChannelCommand({}));
    const resourceArn = channel!.arn!;
    await ivs.send(new TagResourceCommand({ resourceArn, tags: { a: '1', b: '2' } }));
    await ivs.send(new UntagResourceCommand({ resourceArn, tagKeys: ['a'] }));
    expect((await ivs.send(new ListTagsForResourceCommand({ resourceArn }))).tags).toEqual({ b: '2' });
  });
});
