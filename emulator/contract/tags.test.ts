import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateAdConfigurationCommand,
  CreateChannelCommand,
  CreatePlaybackRestrictionPolicyCommand,
  CreateRecordingConfigurationCommand,
  GetChannelCommand,
  ImportPlaybackKeyPairCommand,
  ListTagsForResourceCommand,
  ResourceNotFoundException,
  TagResourceCommand,
  UntagResourceCommand,
  ValidationException,
} from '@aws-sdk/client-ivs';
import { ACCOUNT, REGION, ecPublicKeyPem, rejects, tagsOf, setupEmulator } from './helpers';

const env = setupEmulator();
const list = (resourceArn: string) => env.ivs.send(new ListTagsForResourceCommand({ resourceArn }));
const tag = (resourceArn: string, tags: Record<string, string>) => env.ivs.send(new TagResourceCommand({ resourceArn, tags }));
const untag = (resourceArn: string, tagKeys: string[]) => env.ivs.send(new UntagResourceCommand({ resourceArn, tagKeys }));
const mediaTailorArn = `arn:aws:mediatailor:${REGION}:${ACCOUNT}:playbackConfiguration/my-config`;

const resources: Record<string, string> = {};
beforeAll(async () => {
  const created = await env.ivs.send(new CreateChannelCommand({ name: 'tagged', tags: { origin: 'create' } }));
  resources.channel = created.channel!.arn!;
  resources['stream key'] = created.streamKey!.arn!;
  resources['playback key pair'] = (
    await env.ivs.send(new ImportPlaybackKeyPairCommand({ publicKeyMaterial: ecPublicKeyPem(), tags: { origin: 'create' } }))
  ).keyPair!.arn!;
  resources['recording configuration'] = (
    await env.ivs.send(
      new CreateRecordingConfigurationCommand({
        destinationConfiguration: { s3: { bucketName: 'tag-bucket' } },
        tags: { origin: 'create' },
      }),
    )
  ).recordingConfiguration!.arn!;
  resources['playback restriction policy'] = (
    await env.ivs.send(new CreatePlaybackRestrictionPolicyCommand({ tags: { origin: 'create' } }))
  ).playbackRestrictionPolicy!.arn!;
  resources['ad configuration'] = (
    await env.ivs.send(
      new CreateAdConfigurationCommand({
        mediaTailorPlaybackConfigurations: [{ playbackConfigurationArn: mediaTailorArn }],
        tags: { origin: 'create' },
      }),
    )
  ).adConfiguration!.arn!;
});

const kinds = ['channel', 'stream key', 'playback key pair', 'recording configuration', 'playback restriction policy', 'ad configuration'];

describe.each(kinds)('tags on a %s', (kind) => {
  it('TagResource adds and overwrites, ListTagsForResource reads, UntagResource removes', async () => {
    const arn = resources[kind];
    const created = kind === 'stream key' ? {} : { origin: 'create' };
    expect((await list(arn)).tags).toEqual(created);
    const tagged = await tag(arn, { team: 'video', 'cost-center': '42', origin: 'tagged' });
    expect(tagged.$metadata.httpStatusCode).toBe(200);
    expect((await list(arn)).tags).toEqual({ team: 'video', 'cost-center': '42', origin: 'tagged' });
    const untagged = await untag(arn, ['team', 'not-there']);
    expect(untagged.$metadata.httpStatusCode).toBe(200);
    expect((await list(arn)).tags).toEqual({ 'cost-center': '42', origin: 'tagged' });
    await untag(arn, ['cost-center', 'origin']);
    expect((await list(arn)).tags).toEqual({});
  });

  it('enforces 50 tags per resource', async () => {
    const arn = resources[kind];
    await tag(arn, tagsOf(50));
    expect(Object.keys((await list(arn)).tags!)).toHaveLength(50);
    await rejects(tag(arn, { extra: '1' }), ValidationException, 400);
    await tag(arn, { k0: 'overwritten' });
    expect((await list(arn)).tags!.k0).toBe('overwritten');
    await untag(arn, Object.keys(tagsOf(50)));
  });
});

describe('tag rules', () => {
  it('are shown on the resource itself', async () => {
    await tag(resources.channel, { visible: 'yes' });
    expect((await env.ivs.send(new GetChannelCommand({ arn: resources.channel }))).channel?.tags).toMatchObject({ visible: 'yes' });
    await untag(resources.channel, ['visible']);
  });

  it('refuse 51 tags at once, also at creation', async () => {
    await rejects(tag(resources.channel, tagsOf(51)), ValidationException, 400);
    await rejects(env.ivs.send(new CreateChannelCommand({ tags: tagsOf(51) })), ValidationException, 400);
    expect((await list(resources.channel)).tags).toEqual({});
  });

  it.each([
    ['an aws: prefix', { 'aws:owner': 'me' }],
    ['an AWS: prefix in capitals', { 'AWS:owner': 'me' }],
    ['a 129-char key', { ['k'.repeat(129)]: 'v' }],
    ['an empty key', { '': 'v' }],
    ['a 257-char value', { k: 'v'.repeat(257) }],
    ['a key with forbidden characters', { 'a*b': 'v' }],
  ])('refuse %s', async (_label, tags) => {
    await rejects(tag(resources.channel, tags), ValidationException, 400);
    await rejects(env.ivs.send(new CreateChannelCommand({ tags })), ValidationException, 400);
  });

  it('accept the longest key and value, an empty value and unicode letters', async () => {
    const tags = { ['k'.repeat(128)]: 'v'.repeat(256), 'ünïcødé key': 'välue :/=+-@_.', empty: '' };
    await tag(resources.channel, tags);
    expect((await list(resources.channel)).tags).toEqual(tags);
    await untag(resources.channel, Object.keys(tags));
  });

  it('refuse more than 50 keys in one UntagResource', async () => {
    await rejects(untag(resources.channel, Object.keys(tagsOf(51))), ValidationException, 400);
  });

  it('report missing resources as ResourceNotFound and malformed ARNs as ValidationException', async () => {
    const missing = `arn:aws:ivs:${REGION}:${ACCOUNT}:channel/abcdABCDefgh`;
    await rejects(list(missing), ResourceNotFoundException, 404);
    await rejects(tag(missing, { a: 'b' }), ResourceNotFoundException, 404);
    await rejects(untag(missing, ['a']), ResourceNotFoundException, 404);
    await rejects(list(`arn:aws:ivs:${REGION}:${ACCOUNT}:stream-key/abcdABCDefgh`), ResourceNotFoundException, 404);
    await rejects(list('not-an-arn'), ValidationException, 400);
  });
});
