import { describe, expect, it } from 'vitest';
import {
  ConflictException,
  CreateChannelCommand,
  DeleteChannelCommand,
  GetChannelCommand,
  GetStreamKeyCommand,
  ListChannelsCommand,
  ListStreamKeysCommand,
  ResourceNotFoundException,
  UpdateChannelCommand,
  ValidationException,
  type CreateChannelCommandInput,
} from '@aws-sdk/client-ivs';
import { ACCOUNT, REGION, arnPattern, messageOf, rejects, setupEmulator } from './helpers';

const env = setupEmulator();
const create = (input: CreateChannelCommandInput = {}) => env.ivs.send(new CreateChannelCommand(input));
const missingArn = `arn:aws:ivs:${REGION}:${ACCOUNT}:channel/abcdABCDefgh`;

describe('CreateChannel', () => {
  it('returns the channel with the documented defaults and its stream key', async () => {
    const out = await create();
    expect(out.$metadata.httpStatusCode).toBe(200);
    const ch = out.channel!;
    expect(ch.arn).toMatch(arnPattern('channel'));
    expect(ch).toMatchObject({
      latencyMode: 'LOW',
      type: 'STANDARD',
      authorized: false,
      insecureIngest: false,
      recordingConfigurationArn: '',
      playbackRestrictionPolicyArn: '',
      preset: '',
      containerFormat: 'TS',
    });
    expect(ch.name ?? '').toBe('');
    expect(ch.tags ?? {}).toEqual({});
    expect(out.streamKey?.channelArn).toBe(ch.arn);
    expect(out.streamKey?.arn).toMatch(arnPattern('stream-key'));
    expect(out.streamKey?.value).toMatch(new RegExp(`^sk_${REGION}_[A-Za-z0-9_]{12,}$`));
  });

  it('gives real ingest, SRT and playback values; the ingest endpoint is shared in a region', async () => {
    const a = (await create({ name: 'fmt-a' })).channel!;
    const b = (await create({ name: 'fmt-b' })).channel!;
    expect(a.ingestEndpoint).toMatch(/^[a-z0-9]+\.global-contribute\.live-video\.net$/);
    expect(b.ingestEndpoint).toBe(a.ingestEndpoint);
    expect(a.srt?.endpoint).toMatch(/^[a-z0-9]+\.srt\.live-video\.net$/);
    expect(a.srt?.passphrase).toMatch(/^[A-Za-z0-9]{16,}$/);
    expect(a.srt?.passphrase).not.toBe(b.srt?.passphrase);
    const id = a.arn!.split('/')[1];
    expect(a.playbackUrl).toMatch(
      new RegExp(
        `^https://[a-z0-9]+\\.${REGION}\\.playback\\.live-video\\.net/api/video/v1/${REGION}\\.${ACCOUNT}\\.channel\\.[A-Za-z0-9]+\\.m3u8$`,
      ),
    );
    expect(a.playbackUrl).not.toBe(b.playbackUrl);
    expect(id).toHaveLength(12);
  });

  it('keeps the given settings', async () => {
    const ch = (
      await create({
        name: 'My_chan-1',
        latencyMode: 'NORMAL',
        type: 'BASIC',
        authorized: true,
        insecureIngest: true,
        containerFormat: 'FRAGMENTED_MP4',
        tags: { team: 'a' },
      })
    ).channel!;
    expect(ch).toMatchObject({
      name: 'My_chan-1',
      latencyMode: 'NORMAL',
      type: 'BASIC',
      authorized: true,
      insecureIngest: true,
      containerFormat: 'FRAGMENTED_MP4',
      tags: { team: 'a' },
    });
  });

  it('defaults the preset to HIGHER_BANDWIDTH_DELIVERY on ADVANCED types only', async () => {
    expect((await create({ type: 'ADVANCED_HD' })).channel?.preset).toBe('HIGHER_BANDWIDTH_DELIVERY');
    expect((await create({ type: 'ADVANCED_SD', preset: 'CONSTRAINED_BANDWIDTH_DELIVERY' })).channel?.preset).toBe(
      'CONSTRAINED_BANDWIDTH_DELIVERY',
    );
    for (const type of ['STANDARD', 'BASIC'] as const) {
      await rejects(create({ type, preset: 'HIGHER_BANDWIDTH_DELIVERY' }), ValidationException, 400);
    }
  });

  it('allows multitrack input only on STANDARD with FRAGMENTED_MP4, with policy and resolution', async () => {
    const mt = { enabled: true, policy: 'ALLOW', maximumResolution: 'HD' } as const;
    const ok = await create({ type: 'STANDARD', containerFormat: 'FRAGMENTED_MP4', multitrackInputConfiguration: mt });
    expect(ok.channel?.multitrackInputConfiguration).toEqual(mt);
    await rejects(create({ type: 'BASIC', containerFormat: 'FRAGMENTED_MP4', multitrackInputConfiguration: mt }), ValidationException, 400);
    await rejects(
      create({ type: 'ADVANCED_HD', containerFormat: 'FRAGMENTED_MP4', multitrackInputConfiguration: mt }),
      ValidationException,
    );
    await rejects(create({ type: 'STANDARD', containerFormat: 'TS', multitrackInputConfiguration: mt }), ValidationException);
    await rejects(create({ type: 'STANDARD', multitrackInputConfiguration: mt }), ValidationException);
    await rejects(
      create({ containerFormat: 'FRAGMENTED_MP4', multitrackInputConfiguration: { enabled: true, maximumResolution: 'HD' } }),
      ValidationException,
    );
    await rejects(
      create({ containerFormat: 'FRAGMENTED_MP4', multitrackInputConfiguration: { enabled: true, policy: 'REQUIRE' } }),
      ValidationException,
    );
  });

  it('names the offending field in validation messages', async () => {
    const tooLong = await rejects(create({ name: 'n'.repeat(129) }), ValidationException, 400);
    expect(messageOf(tooLong)).toMatch(/name/);
    expect(messageOf(await rejects(create({ name: 'bad name!' }), ValidationException))).toMatch(/name/);
    expect(messageOf(await rejects(create({ latencyMode: 'FAST' as never }), ValidationException))).toMatch(/latencyMode/);
    expect(messageOf(await rejects(create({ type: 'PREMIUM' as never }), ValidationException))).toMatch(/type/);
    expect(messageOf(await rejects(create({ containerFormat: 'MKV' as never }), ValidationException))).toMatch(/containerFormat/);
    await rejects(create({ recordingConfigurationArn: 'not-an-arn' }), ValidationException);
    expect((await create({ name: 'n'.repeat(128) })).channel?.name).toHaveLength(128);
  });

  it('refuses references to a missing recording configuration or restriction policy', async () => {
    await rejects(
      create({ recordingConfigurationArn: `arn:aws:ivs:${REGION}:${ACCOUNT}:recording-configuration/abcdABCDefgh` }),
      ResourceNotFoundException,
      404,
    );
    await rejects(
      create({ playbackRestrictionPolicyArn: `arn:aws:ivs:${REGION}:${ACCOUNT}:playback-restriction-policy/abcdABCDefgh` }),
      ResourceNotFoundException,
      404,
    );
  });
});

describe('GetChannel / UpdateChannel / DeleteChannel', () => {
  it('gets what was created', async () => {
    const { channel } = await create({ name: 'get-me' });
    const got = await env.ivs.send(new GetChannelCommand({ arn: channel!.arn }));
    expect(got.channel).toEqual(channel);
    await rejects(env.ivs.send(new GetChannelCommand({ arn: missingArn })), ResourceNotFoundException, 404);
    await rejects(env.ivs.send(new GetChannelCommand({ arn: 'not-an-arn' })), ValidationException, 400);
  });

  it('updates only the given fields', async () => {
    const { channel } = await create({ name: 'before', authorized: true, tags: { keep: 'me' } });
    const out = await env.ivs.send(new UpdateChannelCommand({ arn: channel!.arn, name: 'after', latencyMode: 'NORMAL' }));
    expect(out.channel).toMatchObject({ arn: channel!.arn, name: 'after', latencyMode: 'NORMAL', type: 'STANDARD', authorized: true });
    expect(out.channel?.ingestEndpoint).toBe(channel!.ingestEndpoint);
    expect(out.channel?.playbackUrl).toBe(channel!.playbackUrl);
    expect((await env.ivs.send(new GetChannelCommand({ arn: channel!.arn }))).channel?.name).toBe('after');
    const adv = await env.ivs.send(new UpdateChannelCommand({ arn: channel!.arn, type: 'ADVANCED_SD' }));
    expect(adv.channel?.preset).toBe('HIGHER_BANDWIDTH_DELIVERY');
  });

  it('resets the preset when the type leaves ADVANCED, and applies multitrack rules on update', async () => {
    const { channel } = await create({ type: 'ADVANCED_HD', preset: 'CONSTRAINED_BANDWIDTH_DELIVERY' });
    const std = await env.ivs.send(new UpdateChannelCommand({ arn: channel!.arn, type: 'STANDARD' }));
    expect(std.channel).toMatchObject({ type: 'STANDARD', preset: '' });
    const mt = { enabled: true, policy: 'REQUIRE', maximumResolution: 'FULL_HD' } as const;
    await rejects(
      env.ivs.send(
        new UpdateChannelCommand({ arn: channel!.arn, type: 'BASIC', containerFormat: 'FRAGMENTED_MP4', multitrackInputConfiguration: mt }),
      ),
      ValidationException,
      400,
    );
    await rejects(
      env.ivs.send(new UpdateChannelCommand({ arn: channel!.arn, multitrackInputConfiguration: mt })),
      ValidationException,
      400,
    );
    const on = await env.ivs.send(
      new UpdateChannelCommand({ arn: channel!.arn, containerFormat: 'FRAGMENTED_MP4', multitrackInputConfiguration: mt }),
    );
    expect(on.channel).toMatchObject({ containerFormat: 'FRAGMENTED_MP4', multitrackInputConfiguration: mt });
  });

  it('refuses bad updates', async () => {
    const { channel } = await create();
    await rejects(env.ivs.send(new UpdateChannelCommand({ arn: missingArn, name: 'x' })), ResourceNotFoundException, 404);
    await rejects(env.ivs.send(new UpdateChannelCommand({ arn: channel!.arn, name: 'x'.repeat(129) })), ValidationException, 400);
    await rejects(env.ivs.send(new UpdateChannelCommand({ arn: channel!.arn, preset: 'HIGHER_BANDWIDTH_DELIVERY' })), ValidationException);
    await rejects(
      env.ivs.send(
        new UpdateChannelCommand({
          arn: channel!.arn,
          recordingConfigurationArn: `arn:aws:ivs:${REGION}:${ACCOUNT}:recording-configuration/abcdABCDefgh`,
        }),
      ),
      ResourceNotFoundException,
    );
    await rejects(
      env.ivs.send(
        new UpdateChannelCommand({
          arn: channel!.arn,
          adConfigurationArn: `arn:aws:ivs:${REGION}:${ACCOUNT}:ad-configuration/abcdABCDefgh`,
        }),
      ),
      ResourceNotFoundException,
    );
  });

  it('refuses to update or delete a live channel', async () => {
    const { channel } = await create({ name: 'live-one' });
    await env.control.startStream(channel!.arn!);
    await rejects(env.ivs.send(new UpdateChannelCommand({ arn: channel!.arn, name: 'renamed' })), ConflictException, 409);
    await rejects(env.ivs.send(new DeleteChannelCommand({ arn: channel!.arn })), ConflictException, 409);
    await env.control.stopStream(channel!.arn!);
    await env.ivs.send(new UpdateChannelCommand({ arn: channel!.arn, name: 'renamed' }));
  });

  it('deletes the channel and its stream keys (204)', async () => {
    const { channel, streamKey } = await create();
    const out = await env.ivs.send(new DeleteChannelCommand({ arn: channel!.arn }));
    expect(out.$metadata.httpStatusCode).toBe(204);
    await rejects(env.ivs.send(new GetChannelCommand({ arn: channel!.arn })), ResourceNotFoundException);
    await rejects(env.ivs.send(new GetStreamKeyCommand({ arn: streamKey!.arn })), ResourceNotFoundException);
    await rejects(env.ivs.send(new ListStreamKeysCommand({ channelArn: channel!.arn })), ResourceNotFoundException);
    await rejects(env.ivs.send(new DeleteChannelCommand({ arn: channel!.arn })), ResourceNotFoundException, 404);
  });
});

describe('ListChannels', () => {
  it('filters by name and returns summaries', async () => {
    await create({ name: 'zebra-unique' });
    await create({ name: 'okapi-unique', tags: { t: '1' } });
    const out = await env.ivs.send(new ListChannelsCommand({ filterByName: 'okapi-unique' }));
    expect(out.channels).toHaveLength(1);
    expect(out.channels![0]).toMatchObject({
      name: 'okapi-unique',
      latencyMode: 'LOW',
      type: 'STANDARD',
      authorized: false,
      tags: { t: '1' },
    });
    expect(out.channels![0].arn).toMatch(arnPattern('channel'));
  });

  it('refuses two filters at once with ConflictException', async () => {
    const err = await rejects(
      env.ivs.send(
        new ListChannelsCommand({
          filterByName: 'a',
          filterByRecordingConfigurationArn: `arn:aws:ivs:${REGION}:${ACCOUNT}:recording-configuration/abcdABCDefgh`,
        }),
      ),
      ConflictException,
      409,
    );
    expect(err.name).toBe('ConflictException');
  });

  it('pages with nextToken and enforces 1..100', async () => {
    await Promise.all(Array.from({ length: 5 }, (_, i) => create({ name: `pager-${i}` })));
    const all = await env.ivs.send(new ListChannelsCommand({}));
    const total = all.channels!.length;
    expect(total).toBeGreaterThanOrEqual(5);
    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await env.ivs.send(new ListChannelsCommand({ maxResults: 2, nextToken }));
      expect(page.channels!.length).toBeLessThanOrEqual(2);
      seen.push(...page.channels!.map((c) => c.arn!));
      nextToken = page.nextToken || undefined;
    } while (nextToken);
    expect(new Set(seen).size).toBe(total);
    await rejects(env.ivs.send(new ListChannelsCommand({ maxResults: 0 })), ValidationException, 400);
    await rejects(env.ivs.send(new ListChannelsCommand({ maxResults: 101 })), ValidationException, 400);
    await rejects(env.ivs.send(new ListChannelsCommand({ nextToken: 'bm90LWEtcmVhbC10b2tlbg==' })), ValidationException, 400);
  });
});
