import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import {
  GetStreamCommand,
  GetStreamSessionCommand,
  IvsClient,
  ListChannelsCommand,
  ListStreamSessionsCommand,
  ListStreamsCommand,
} from '@aws-sdk/client-ivs';
import { createEmulator, type RunningEmulator } from '@/emulator/index';
import { diagnose, ingestFromSession, type ChannelType, type Finding } from '@/lib/health';

// The demo data `npm start` seeds (emulator --seed 40) shows what the stream-health work is for: read
// as the console reads it (IVS and CloudWatch over HTTP, lib/metrics), each troubled channel gives its
// finding and the healthy ones give none.
const client = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('@/lib/metrics/client', () => ({ cloudWatchClient: () => client.current }));
const { readChannelMetrics } = await import('@/lib/metrics/read');

const REGION = 'us-west-2';
const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
let emulator: RunningEmulator;
let ivs: IvsClient;
let cw: CloudWatchClient;
const findings: Record<string, Finding[]> = {};
const health: Record<string, string> = {};

beforeAll(async () => {
  emulator = await createEmulator({ port: 0, host: '127.0.0.1', quiet: true, seed: 40 });
  ivs = new IvsClient({ endpoint: emulator.url, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
  cw = new CloudWatchClient({ endpoint: emulator.url, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
  client.current = cw;
  const channels = (await ivs.send(new ListChannelsCommand({ maxResults: 100 }))).channels!;
  const streams = (await ivs.send(new ListStreamsCommand({ maxResults: 100 }))).streams!;
  const byArn = new Map(channels.map((c) => [c.arn!, c]));
  const id = (arn: string) => arn.split('/').pop()!;
  const end = new Date(Math.floor(Date.now() / 1000) * 1000);
  const metrics = await readChannelMetrics(REGION, {
    channelIds: streams.map((s) => id(s.channelArn!)),
    start: new Date(end.getTime() - 30 * 60_000),
    end,
  });
  for (const s of streams) {
    const channel = byArn.get(s.channelArn!)!;
    const { streamSession } = await ivs.send(new GetStreamSessionCommand({ channelArn: s.channelArn, streamId: s.streamId }));
    const sessions = (await ivs.send(new ListStreamSessionsCommand({ channelArn: s.channelArn }))).streamSessions!;
    findings[channel.name!] = diagnose({
      channelType: channel.type as ChannelType,
      metrics: metrics.channels[id(s.channelArn!)],
      ingest: ingestFromSession(streamSession!),
      events: streamSession!.truncatedEvents,
      sessions: sessions.map((x) => ({ startTime: x.startTime!, endTime: x.endTime ?? null })),
      now: end.getTime(),
    });
    health[channel.name!] = s.health!;
  }
});
afterAll(async () => {
  ivs?.destroy();
  cw?.destroy();
  await emulator?.close();
});

const ids = (name: string) => findings[name].map((f) => f.id).sort();

describe('the seeded demo streams, diagnosed', () => {
  it('has fifteen live channels, ten of them healthy with no finding', () => {
    expect(Object.keys(findings)).toHaveLength(15);
    const clean = Object.keys(findings).filter((name) => findings[name].length === 0);
    expect(clean).toHaveLength(10);
  });

  it('demo-sports-002 sends keyframes every 4 s', () => {
    expect(ids('demo-sports-002')).toEqual(['keyframe-interval']);
    expect(findings['demo-sports-002'][0].detail).toContain('4 s');
  });

  it('demo-music-003 sends more than its BASIC channel takes', () => {
    expect(ids('demo-music-003')).toEqual(['bitrate-over-limit', 'target-bitrate-over-limit']);
  });

  it('demo-gaming-004 has a bitrate falling now', () => {
    expect(ids('demo-gaming-004')).toEqual(['bitrate-falling']);
  });

  it('demo-church-006 starved repeatedly and is starving now, so it ranks first', () => {
    // Worst first; a starving encoder's frame rate falls too, so that is found as well.
    expect(findings['demo-church-006'][0]).toMatchObject({ id: 'starvation', severity: 'critical' });
    expect(ids('demo-church-006')).toEqual(['frame-rate-unstable', 'starvation']);
    expect(health['demo-church-006']).toBe('STARVING');
    expect(Object.entries(health).filter(([, h]) => h === 'STARVING')).toHaveLength(1);
  });

  it('demo-classroom-007 has an unstable frame rate', () => {
    expect(ids('demo-classroom-007')).toEqual(['frame-rate-unstable']);
  });

  it('ended sessions have metrics only while they were live', async () => {
    const arn = (await ivs.send(new ListChannelsCommand({ filterByName: 'demo-church-006' }))).channels![0].arn!;
    const live = (await ivs.send(new GetStreamCommand({ channelArn: arn }))).stream!;
    const sessions = (await ivs.send(new ListStreamSessionsCommand({ channelArn: arn }))).streamSessions!;
    expect(sessions.map((s) => !!s.endTime)).toEqual([false, true, true]);
    expect(sessions[0].streamId).toBe(live.streamId);
    const ended = sessions[1];
    const hour = 3_600_000;
    const out = await readChannelMetrics(REGION, {
      channelIds: [arn.split('/').pop()!],
      start: new Date(ended.startTime!.getTime() - hour),
      end: new Date(ended.endTime!.getTime() + hour),
      period: 60,
    });
    const times = out.channels[arn.split('/').pop()!].IngestVideoBitrate.timestamps;
    expect(times.length).toBeGreaterThan(30);
    expect(times[0]).toBeGreaterThanOrEqual(ended.startTime!.getTime() - 60_000);
    expect(times[times.length - 1]).toBeLessThan(ended.endTime!.getTime());
    // Its starvation is among its events, for the session page's time axis.
    const { streamSession } = await ivs.send(new GetStreamSessionCommand({ channelArn: arn, streamId: ended.streamId }));
    expect(streamSession!.truncatedEvents!.map((e) => e.name)).toContain('Starvation Start');
  });
});
