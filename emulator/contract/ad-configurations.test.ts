import { describe, expect, it } from 'vitest';
import {
  ChannelNotBroadcasting,
  ConflictException,
  CreateAdConfigurationCommand,
  CreateChannelCommand,
  DeleteAdConfigurationCommand,
  GetAdConfigurationCommand,
  InsertAdBreakCommand,
  ListAdConfigurationsCommand,
  ListChannelsCommand,
  ResourceNotFoundException,
  UpdateAdConfigurationCommand,
  UpdateChannelCommand,
  ValidationException,
  type CreateAdConfigurationCommandInput,
} from '@aws-sdk/client-ivs';
import { ACCOUNT, REGION, arnPattern, rejects, setupEmulator } from './helpers';

const env = setupEmulator();
const mt = (id: string) => ({ playbackConfigurationArn: `arn:aws:mediatailor:${REGION}:${ACCOUNT}:playbackConfiguration/${id}` });
const missingArn = `arn:aws:ivs:${REGION}:${ACCOUNT}:ad-configuration/abcdABCDefgh`;
const create = (input: Partial<CreateAdConfigurationCommandInput> = {}) =>
  env.ivs.send(new CreateAdConfigurationCommand({ mediaTailorPlaybackConfigurations: [mt('main')], ...input }));
const get = (arn: string) => env.ivs.send(new GetAdConfigurationCommand({ arn }));

describe('CreateAdConfiguration', () => {
  it('creates with the documented post-roll default (disabled, 15 s)', async () => {
    const out = await create({ name: 'ads-1', tags: { a: 'b' } });
    expect(out.$metadata.httpStatusCode).toBe(200);
    const ac = out.adConfiguration!;
    expect(ac.arn).toMatch(arnPattern('ad-configuration'));
    expect(ac).toMatchObject({ name: 'ads-1', mediaTailorPlaybackConfigurations: [mt('main')], tags: { a: 'b' } });
    expect(ac.postRollConfiguration).toEqual({ enabled: false, durationSeconds: 15 });
    expect((await get(ac.arn!)).adConfiguration).toEqual(ac);
  });

  it('keeps up to three playback configurations and a post-roll setting', async () => {
    const configs = [mt('a'), mt('b'), mt('c')];
    const ac = (
      await create({ mediaTailorPlaybackConfigurations: configs, postRollConfiguration: { enabled: true, durationSeconds: 120 } })
    ).adConfiguration!;
    expect(ac.mediaTailorPlaybackConfigurations).toEqual(configs);
    expect(ac.postRollConfiguration).toEqual({ enabled: true, durationSeconds: 120 });
  });

  it('refuses invalid input', async () => {
    await rejects(create({ mediaTailorPlaybackConfigurations: [] }), ValidationException, 400);
    await rejects(create({ mediaTailorPlaybackConfigurations: [mt('a'), mt('b'), mt('c'), mt('d')] }), ValidationException, 400);
    await rejects(
      create({ mediaTailorPlaybackConfigurations: [{ playbackConfigurationArn: 'arn:aws:s3:::bucket' }] }),
      ValidationException,
      400,
    );
    await rejects(create({ name: 'no spaces' }), ValidationException, 400);
    await rejects(create({ postRollConfiguration: { enabled: true, durationSeconds: 301 } }), ValidationException, 400);
    await rejects(create({ postRollConfiguration: { enabled: true, durationSeconds: 0 } }), ValidationException, 400);
  });
});

describe('Get / Update / List / DeleteAdConfiguration', () => {
  it('refuses missing or malformed ARNs', async () => {
    await rejects(get(missingArn), ResourceNotFoundException, 404);
    await rejects(get('ad-configuration/x'), ValidationException, 400);
    await rejects(env.ivs.send(new UpdateAdConfigurationCommand({ arn: missingArn, name: 'x' })), ResourceNotFoundException, 404);
    await rejects(env.ivs.send(new DeleteAdConfigurationCommand({ arn: missingArn })), ResourceNotFoundException, 404);
  });

  it('updates only the given fields', async () => {
    const ac = (await create({ name: 'before', tags: { keep: 'me' } })).adConfiguration!;
    const out = await env.ivs.send(
      new UpdateAdConfigurationCommand({ arn: ac.arn, mediaTailorPlaybackConfigurations: [mt('x'), mt('y')] }),
    );
    expect(out.adConfiguration).toMatchObject({
      arn: ac.arn,
      name: 'before',
      mediaTailorPlaybackConfigurations: [mt('x'), mt('y')],
      tags: { keep: 'me' },
    });
    const renamed = await env.ivs.send(
      new UpdateAdConfigurationCommand({ arn: ac.arn, name: 'after', postRollConfiguration: { enabled: true, durationSeconds: 30 } }),
    );
    expect(renamed.adConfiguration).toMatchObject({
      name: 'after',
      mediaTailorPlaybackConfigurations: [mt('x'), mt('y')],
      postRollConfiguration: { enabled: true, durationSeconds: 30 },
    });
    expect((await get(ac.arn!)).adConfiguration?.name).toBe('after');
    await rejects(
      env.ivs.send(new UpdateAdConfigurationCommand({ arn: ac.arn, mediaTailorPlaybackConfigurations: [] })),
      ValidationException,
      400,
    );
  });

  it('lists and pages', async () => {
    await env.control.reset();
    const arns = await Promise.all([1, 2, 3].map(async (i) => (await create({ name: `ad${i}` })).adConfiguration!.arn!));
    const all = await env.ivs.send(new ListAdConfigurationsCommand({}));
    expect(all.adConfigurations!.map((a) => a.arn).sort()).toEqual([...arns].sort());
    const first = await env.ivs.send(new ListAdConfigurationsCommand({ maxResults: 2 }));
    const rest = await env.ivs.send(new ListAdConfigurationsCommand({ maxResults: 2, nextToken: first.nextToken }));
    expect(first.adConfigurations).toHaveLength(2);
    expect([...first.adConfigurations!, ...rest.adConfigurations!].map((a) => a.arn).sort()).toEqual([...arns].sort());
    await rejects(env.ivs.send(new ListAdConfigurationsCommand({ maxResults: 0 })), ValidationException, 400);
    await rejects(env.ivs.send(new ListAdConfigurationsCommand({ maxResults: 101 })), ValidationException, 400);
    await rejects(env.ivs.send(new ListAdConfigurationsCommand({ nextToken: 'bm90LWEtcmVhbC10b2tlbg==' })), ValidationException, 400);
  });

  it('is used by channels, filters ListChannels, and cannot be deleted while in use', async () => {
    const adArn = (await create()).adConfiguration!.arn!;
    const ch = (await env.ivs.send(new CreateChannelCommand({ name: 'with-ads', adConfigurationArn: adArn }))).channel!;
    expect(ch.adConfigurationArn).toBe(adArn);
    await env.ivs.send(new CreateChannelCommand({ name: 'no-ads' }));
    const filtered = await env.ivs.send(new ListChannelsCommand({ filterByAdConfigurationArn: adArn }));
    expect(filtered.channels!.map((c) => c.arn)).toEqual([ch.arn]);
    await rejects(env.ivs.send(new DeleteAdConfigurationCommand({ arn: adArn })), ConflictException, 409);
    await env.ivs.send(new UpdateChannelCommand({ arn: ch.arn, adConfigurationArn: '' }));
    const del = await env.ivs.send(new DeleteAdConfigurationCommand({ arn: adArn }));
    expect(del.$metadata.httpStatusCode).toBe(204);
    await rejects(get(adArn), ResourceNotFoundException, 404);
    await rejects(env.ivs.send(new CreateChannelCommand({ adConfigurationArn: adArn })), ResourceNotFoundException, 404);
  });
});

describe('InsertAdBreak', () => {
  it('inserts into a live channel that has an ad configuration', async () => {
    const adArn = (await create()).adConfiguration!.arn!;
    const ch = (await env.ivs.send(new CreateChannelCommand({ adConfigurationArn: adArn }))).channel!;
    await rejects(env.ivs.send(new InsertAdBreakCommand({ channelArn: ch.arn, durationSeconds: 30 })), ChannelNotBroadcasting, 404);
    await env.control.startStream(ch.arn!);
    const out = await env.ivs.send(new InsertAdBreakCommand({ channelArn: ch.arn, durationSeconds: 30 }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.adBreakId).toMatch(/^[A-Za-z0-9]{12}$/);
    const second = await env.ivs.send(new InsertAdBreakCommand({ channelArn: ch.arn, durationSeconds: 300 }));
    expect(second.adBreakId).not.toBe(out.adBreakId);
    await rejects(env.ivs.send(new InsertAdBreakCommand({ channelArn: ch.arn, durationSeconds: 0 })), ValidationException, 400);
    await rejects(env.ivs.send(new InsertAdBreakCommand({ channelArn: ch.arn, durationSeconds: 301 })), ValidationException, 400);
  });

  it('refuses a missing channel, and a live channel without an ad configuration', async () => {
    await rejects(
      env.ivs.send(new InsertAdBreakCommand({ channelArn: `arn:aws:ivs:${REGION}:${ACCOUNT}:channel/abcdABCDefgh`, durationSeconds: 30 })),
      ResourceNotFoundException,
      404,
    );
    const plain = (await env.ivs.send(new CreateChannelCommand({}))).channel!;
    await env.control.startStream(plain.arn!);
    const err = await env.ivs.send(new InsertAdBreakCommand({ channelArn: plain.arn, durationSeconds: 30 })).then(
      () => undefined,
      (e: unknown) => e,
    );
    // The documentation does not say which of its declared client errors applies here.
    expect([ConflictException, ValidationException].some((type) => err instanceof type)).toBe(true);
  });
});
