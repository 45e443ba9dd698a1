import { describe, expect, it } from 'vitest';
import {
  ChannelNotBroadcasting,
  CreateChannelCommand,
  CreateRecordingConfigurationCommand,
  DeleteStreamKeyCommand,
  GetStreamCommand,
  GetStreamSessionCommand,
  ListStreamSessionsCommand,
  ListStreamsCommand,
  PutMetadataCommand,
  ResourceNotFoundException,
  StopStreamCommand,
  UpdateChannelCommand,
  ValidationException,
} from '@aws-sdk/client-ivs';
import { ACCOUNT, REGION, eventually, rejects, setupEmulator } from './helpers';

const env = setupEmulator();
const STREAM_ID = /^st-[A-Za-z0-9]{23}$/;
const missingChannel = `arn:aws:ivs:${REGION}:${ACCOUNT}:channel/abcdABCDefgh`;
const newChannel = async (name = 'live') => (await env.ivs.send(new CreateChannelCommand({ name }))).channel!;
const getStream = (channelArn: string) => env.ivs.send(new GetStreamCommand({ channelArn }));

describe('offline channels', () => {
  it('GetStream, StopStream and PutMetadata raise ChannelNotBroadcasting (404)', async () => {
    const { arn } = await newChannel();
    await rejects(getStream(arn!), ChannelNotBroadcasting, 404);
    await rejects(env.ivs.send(new StopStreamCommand({ channelArn: arn })), ChannelNotBroadcasting, 404);
    await rejects(env.ivs.send(new PutMetadataCommand({ channelArn: arn, metadata: 'hi' })), ChannelNotBroadcasting, 404);
  });

  it('missing channels are ResourceNotFound, malformed ARNs are ValidationException', async () => {
    await rejects(getStream(missingChannel), ResourceNotFoundException, 404);
    await rejects(env.ivs.send(new StopStreamCommand({ channelArn: missingChannel })), ResourceNotFoundException, 404);
    await rejects(env.ivs.send(new PutMetadataCommand({ channelArn: missingChannel, metadata: 'x' })), ResourceNotFoundException, 404);
    await rejects(env.ivs.send(new GetStreamSessionCommand({ channelArn: missingChannel })), ResourceNotFoundException, 404);
    await rejects(env.ivs.send(new ListStreamSessionsCommand({ channelArn: missingChannel })), ResourceNotFoundException, 404);
    await rejects(getStream('channel/abc'), ValidationException, 400);
  });

  it('a channel that never went live has no sessions', async () => {
    const { arn } = await newChannel();
    expect((await env.ivs.send(new ListStreamSessionsCommand({ channelArn: arn }))).streamSessions).toEqual([]);
    await rejects(env.ivs.send(new GetStreamSessionCommand({ channelArn: arn })), ResourceNotFoundException, 404);
  });

  it('the control API cannot start a channel that has no stream key', async () => {
    const created = await env.ivs.send(new CreateChannelCommand({}));
    await env.ivs.send(new DeleteStreamKeyCommand({ arn: created.streamKey!.arn }));
    const res = await env.control.call('POST', 'streams/start', { channelArn: created.channel!.arn });
    expect(res.status).toBeGreaterThanOrEqual(400);
    await rejects(getStream(created.channel!.arn!), ChannelNotBroadcasting);
  });
});

describe('live channels', () => {
  it('GetStream and ListStreams describe the live stream', async () => {
    const ch = await newChannel();
    await env.control.startStream(ch.arn!, { viewerCount: 7 });
    const { stream } = await getStream(ch.arn!);
    expect(stream).toMatchObject({ channelArn: ch.arn, state: 'LIVE', health: 'HEALTHY', playbackUrl: ch.playbackUrl, viewerCount: 7 });
    expect(stream?.streamId).toMatch(STREAM_ID);
    expect(stream?.startTime).toBeInstanceOf(Date);
    expect(Math.abs(Date.now() - stream!.startTime!.getTime())).toBeLessThan(60_000);
    const listed = (await env.ivs.send(new ListStreamsCommand({}))).streams!.find((s) => s.channelArn === ch.arn);
    expect(listed).toMatchObject({ streamId: stream?.streamId, state: 'LIVE', health: 'HEALTHY', viewerCount: 7 });
  });

  it('viewer count and health follow the control API; ListStreams filters by health', async () => {
    const ch = await newChannel();
    await env.control.startStream(ch.arn!);
    await env.control.setViewers(ch.arn!, { viewerCount: 42, health: 'STARVING' });
    expect((await getStream(ch.arn!)).stream).toMatchObject({ viewerCount: 42, health: 'STARVING' });
    const starving = await env.ivs.send(new ListStreamsCommand({ filterBy: { health: 'STARVING' } }));
    expect(starving.streams!.map((s) => s.channelArn)).toContain(ch.arn);
    expect(starving.streams!.every((s) => s.health === 'STARVING')).toBe(true);
    const healthy = await env.ivs.send(new ListStreamsCommand({ filterBy: { health: 'HEALTHY' } }));
    expect(healthy.streams!.map((s) => s.channelArn)).not.toContain(ch.arn);
    await rejects(env.ivs.send(new ListStreamsCommand({ filterBy: { health: 'GREAT' as never } })), ValidationException, 400);
  });

  it('ListStreams pages and enforces maxResults 1..100', async () => {
    for (let i = 0; i < 3; i++) await env.control.startStream((await newChannel(`p${i}`)).arn!);
    const first = await env.ivs.send(new ListStreamsCommand({ maxResults: 1 }));
    expect(first.streams).toHaveLength(1);
    expect(first.nextToken).toBeTruthy();
    const second = await env.ivs.send(new ListStreamsCommand({ maxResults: 1, nextToken: first.nextToken }));
    expect(second.streams![0].channelArn).not.toBe(first.streams![0].channelArn);
    await rejects(env.ivs.send(new ListStreamsCommand({ maxResults: 0 })), ValidationException, 400);
    await rejects(env.ivs.send(new ListStreamsCommand({ maxResults: 101 })), ValidationException, 400);
    await rejects(env.ivs.send(new ListStreamsCommand({ nextToken: 'bm90LWEtcmVhbC10b2tlbg==' })), ValidationException, 400);
  });

  it('PutMetadata accepts up to 1 KB (bytes) and refuses more or nothing', async () => {
    const ch = await newChannel();
    await env.control.startStream(ch.arn!);
    const ok = await env.ivs.send(new PutMetadataCommand({ channelArn: ch.arn, metadata: 'a'.repeat(1024) }));
    expect(ok.$metadata.httpStatusCode).toBe(204);
    await rejects(env.ivs.send(new PutMetadataCommand({ channelArn: ch.arn, metadata: 'a'.repeat(1025) })), ValidationException, 400);
    await rejects(env.ivs.send(new PutMetadataCommand({ channelArn: ch.arn, metadata: '€'.repeat(400) })), ValidationException, 400);
    await rejects(env.ivs.send(new PutMetadataCommand({ channelArn: ch.arn, metadata: '' })), ValidationException, 400);
  });

  it('deleting the stream key of a live channel leaves it live', async () => {
    const created = await env.ivs.send(new CreateChannelCommand({}));
    await env.control.startStream(created.channel!.arn!);
    await env.ivs.send(new DeleteStreamKeyCommand({ arn: created.streamKey!.arn }));
    expect((await getStream(created.channel!.arn!)).stream?.state).toBe('LIVE');
  });

  it('StopStream takes the channel offline', async () => {
    const ch = await newChannel();
    await env.control.startStream(ch.arn!);
    const out = await env.ivs.send(new StopStreamCommand({ channelArn: ch.arn }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    await eventually(() => rejects(getStream(ch.arn!), ChannelNotBroadcasting));
    expect((await env.ivs.send(new ListStreamsCommand({}))).streams!.map((s) => s.channelArn)).not.toContain(ch.arn);
  });
});

describe('stream sessions', () => {
  it('record each broadcast with the channel as it was and its events, newest first', async () => {
    const ch = await newChannel('as-it-was');
    await env.control.startStream(ch.arn!);
    const streamId = (await getStream(ch.arn!)).stream!.streamId!;
    const live = (await env.ivs.send(new GetStreamSessionCommand({ channelArn: ch.arn }))).streamSession!;
    expect(live.streamId).toBe(streamId);
    expect(live.startTime).toBeInstanceOf(Date);
    expect(live.endTime).toBeUndefined();
    expect(live.channel).toMatchObject({ arn: ch.arn, name: 'as-it-was' });
    expect(live.truncatedEvents!.length).toBeGreaterThan(0);
    expect(live.truncatedEvents!.map((e) => e.name).join()).toMatch(/Start/);

    await env.control.stopStream(ch.arn!);
    await env.ivs.send(new UpdateChannelCommand({ arn: ch.arn, name: 'renamed-later' }));
    const ended = (await env.ivs.send(new GetStreamSessionCommand({ channelArn: ch.arn, streamId }))).streamSession!;
    expect(ended.endTime).toBeInstanceOf(Date);
    expect(ended.endTime!.getTime()).toBeGreaterThanOrEqual(ended.startTime!.getTime());
    expect(ended.channel?.name).toBe('as-it-was');
    const events = ended.truncatedEvents!;
    expect(events.length).toBeGreaterThan(live.truncatedEvents!.length);
    expect(events[0].name).toMatch(/End/);
    for (const e of events) {
      expect(e.name).toBeTruthy();
      expect(e.type).toBeTruthy();
      expect(e.eventTime).toBeInstanceOf(Date);
    }
    const times = events.map((e) => e.eventTime!.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('include the recording configuration of a recorded channel', async () => {
    const rc = await env.ivs.send(
      new CreateRecordingConfigurationCommand({ destinationConfiguration: { s3: { bucketName: 'session-bucket' } } }),
    );
    const rcArn = rc.recordingConfiguration!.arn!;
    const ch = (await env.ivs.send(new CreateChannelCommand({ recordingConfigurationArn: rcArn }))).channel!;
    await env.control.startStream(ch.arn!);
    const session = (await env.ivs.send(new GetStreamSessionCommand({ channelArn: ch.arn }))).streamSession!;
    expect(session.channel?.recordingConfigurationArn).toBe(rcArn);
    expect(session.recordingConfiguration).toMatchObject({
      arn: rcArn,
      destinationConfiguration: { s3: { bucketName: 'session-bucket' } },
    });
  });

  it('ListStreamSessions lists every broadcast, pages, and GetStreamSession defaults to the latest', async () => {
    const ch = await newChannel();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      await env.control.startStream(ch.arn!);
      ids.push((await getStream(ch.arn!)).stream!.streamId!);
      await env.control.stopStream(ch.arn!);
    }
    expect(new Set(ids).size).toBe(3);
    const all = (await env.ivs.send(new ListStreamSessionsCommand({ channelArn: ch.arn }))).streamSessions!;
    expect(all.map((s) => s.streamId).sort()).toEqual([...ids].sort());
    for (const s of all) {
      expect(s.endTime).toBeInstanceOf(Date);
      expect(s.hasErrorEvent).toBe(false);
    }
    const latest = (await env.ivs.send(new GetStreamSessionCommand({ channelArn: ch.arn }))).streamSession!;
    expect(latest.streamId).toBe(ids[2]);
    const page = await env.ivs.send(new ListStreamSessionsCommand({ channelArn: ch.arn, maxResults: 2 }));
    expect(page.streamSessions).toHaveLength(2);
    const rest = await env.ivs.send(new ListStreamSessionsCommand({ channelArn: ch.arn, maxResults: 2, nextToken: page.nextToken }));
    expect(rest.streamSessions).toHaveLength(1);
    expect(rest.nextToken ?? '').toBe('');
    await rejects(env.ivs.send(new ListStreamSessionsCommand({ channelArn: ch.arn, maxResults: 101 })), ValidationException, 400);
    await rejects(env.ivs.send(new ListStreamSessionsCommand({ channelArn: ch.arn, maxResults: 0 })), ValidationException, 400);
    await rejects(
      env.ivs.send(new GetStreamSessionCommand({ channelArn: ch.arn, streamId: 'st-' + 'Z'.repeat(23) })),
      ResourceNotFoundException,
      404,
    );
    await rejects(env.ivs.send(new GetStreamSessionCommand({ channelArn: ch.arn, streamId: 'st-short' })), ValidationException, 400);
  });
});
