import { describe, expect, it } from 'vitest';
import {
  CloudWatchClient,
  CloudWatchServiceException,
  GetMetricDataCommand,
  InvalidNextToken,
  ListMetricsCommand,
  type GetMetricDataCommandInput,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import { CreateChannelCommand, GetStreamCommand, GetStreamSessionCommand, ListStreamsCommand } from '@aws-sdk/client-ivs';
import { CREDENTIALS, REGION, setupEmulator } from './helpers';

// The local CloudWatch, driven by the real @aws-sdk/client-cloudwatch (awsJson1_0 with awsQuery
// compatibility) over HTTP on the emulator's one port.
const env = setupEmulator();
const cw = () => new CloudWatchClient({ endpoint: env.url, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
const idOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);
const METRICS = ['IngestVideoBitrate', 'IngestAudioBitrate', 'IngestFramerate', 'KeyframeInterval', 'ConcurrentViews'];

const query = (id: string, channelId: string, metric: string, period = 5, stat = 'Average'): MetricDataQuery => ({
  Id: id,
  MetricStat: {
    Metric: { Namespace: 'AWS/IVS', MetricName: metric, Dimensions: [{ Name: 'Channel', Value: channelId }] },
    Period: period,
    Stat: stat,
  },
});

async function liveChannel(name: string, start: Record<string, unknown> = {}) {
  const { channel } = await env.ivs.send(new CreateChannelCommand({ name }));
  await env.control.ok('POST', 'streams/start', { channelArn: channel!.arn, ...start });
  return { arn: channel!.arn!, id: idOf(channel!.arn!) };
}

const minutesAgo = (m: number) => new Date(Math.floor(Date.now() / 60_000) * 60_000 - m * 60_000);

async function series(input: GetMetricDataCommandInput) {
  const out = await cw().send(new GetMetricDataCommand(input));
  return Object.fromEntries((out.MetricDataResults ?? []).map((r) => [r.Id!, r]));
}

describe('GetMetricData for AWS/IVS', () => {
  it('serves every channel metric from a live stream, keyed by the channel id, on 5-second periods', async () => {
    const { arn, id } = await liveChannel('steady', { startedSecondsAgo: 900, viewerCount: 42 });
    const out = await series({
      MetricDataQueries: METRICS.map((m, i) => query(`m${i}`, id, m)),
      StartTime: minutesAgo(10),
      EndTime: minutesAgo(2),
    });
    const [video, audio, fps, keyframe, views] = METRICS.map((_, i) => out[`m${i}`]);
    for (const r of [video, audio, fps, keyframe, views]) {
      expect(r.StatusCode).toBe('Complete');
      expect(r.Values).toHaveLength(96); // 8 minutes of 5-second periods
      expect(r.Timestamps!.every((t) => t.getTime() % 5000 === 0)).toBe(true);
    }
    expect(video.Label).toBe('IngestVideoBitrate');
    // Newest first by default (ScanBy TimestampDescending).
    expect(video.Timestamps![0].getTime()).toBeGreaterThan(video.Timestamps![1].getTime());
    // Mbps: a STANDARD channel's default encoder sends 6 Mbps, give or take its 4 % wobble.
    expect(Math.min(...video.Values!)).toBeGreaterThan(5.7);
    expect(Math.max(...video.Values!)).toBeLessThan(6.3);
    for (const v of audio.Values!) expect(v).toBeCloseTo(0.16, 2);
    for (const v of fps.Values!) expect(v).toBeCloseTo(30, 0);
    expect(new Set(keyframe.Values)).toEqual(new Set([2]));
    expect(new Set(views.Values)).toEqual(new Set([42]));
    // The ARN is not the dimension value: nothing is recorded under it.
    const byArn = await series({
      MetricDataQueries: [query('a', arn, 'IngestVideoBitrate')],
      StartTime: minutesAgo(10),
      EndTime: minutesAgo(2),
    });
    expect(byArn.a.Values).toEqual([]);
  });

  it('answers the same values for the same question (deterministic per stream)', async () => {
    const { id } = await liveChannel('repeat', { startedSecondsAgo: 600 });
    const input = { MetricDataQueries: [query('v', id, 'IngestVideoBitrate', 10)], StartTime: minutesAgo(8), EndTime: minutesAgo(1) };
    const a = await series(input);
    const b = await series(input);
    expect(a.v.Values!.length).toBe(42);
    expect(b.v.Values).toEqual(a.v.Values);
    expect(new Set(a.v.Values).size).toBeGreaterThan(1); // it wobbles like a real encoder
  });

  it('shows injected faults while they last: keyframe interval, bitrate drop, frame-rate drop, starvation', async () => {
    const { arn, id } = await liveChannel('faulty', { startedSecondsAgo: 1200, ingest: { videoBitrate: 4_000_000, framerate: 60 } });
    const episode = (kind: string, startMin: number, value?: number) =>
      env.control.episode(arn, { kind, value, durationSeconds: 120, startOffsetSeconds: -startMin * 60 });
    await episode('keyframeInterval', 16, 4);
    await episode('bitrateDrop', 12, 0.25);
    await episode('framerateDrop', 8, 20);
    await episode('starve', 4);
    const out = await series({
      MetricDataQueries: ['IngestVideoBitrate', 'IngestFramerate', 'KeyframeInterval'].map((m, i) => query(`q${i}`, id, m, 60, 'Maximum')),
      StartTime: minutesAgo(18),
      EndTime: minutesAgo(1),
      ScanBy: 'TimestampAscending',
    });
    const at = (r: { Timestamps?: Date[]; Values?: number[] }, minAgo: number) =>
      r.Values![r.Timestamps!.findIndex((t) => t.getTime() === minutesAgo(minAgo).getTime())];
    const [video, fps, keyframe] = [out.q0, out.q1, out.q2];
    expect(video.Timestamps![0].getTime()).toBeLessThan(video.Timestamps![1].getTime());
    expect(at(keyframe, 17)).toBe(2);
    expect(at(keyframe, 15)).toBe(4);
    expect(at(keyframe, 13)).toBe(2);
    expect(at(video, 13)).toBeGreaterThan(3.8);
    expect(at(video, 11)).toBeLessThan(1.1); // a quarter of 4 Mbps
    expect(at(fps, 9)).toBeGreaterThan(59);
    expect(at(fps, 7)).toBeCloseTo(20, 0);
    expect(at(video, 3)).toBeLessThan(0.25); // starving: next to nothing arrives
    expect(at(fps, 3)).toBeLessThanOrEqual(5.1);
  });

  it('a starvation episode makes the stream STARVING in GetStream and ListStreams while it lasts', async () => {
    const { arn } = await liveChannel('starving', { startedSecondsAgo: 300 });
    await env.control.ok('POST', 'streams/episode', { channelArn: arn, kind: 'starve', durationSeconds: 60, startOffsetSeconds: -120 });
    expect((await env.ivs.send(new GetStreamCommand({ channelArn: arn }))).stream!.health).toBe('HEALTHY'); // that one is over
    await env.control.ok('POST', 'streams/episode', { channelArn: arn, kind: 'starve', durationSeconds: 60 });
    expect((await env.ivs.send(new GetStreamCommand({ channelArn: arn }))).stream!.health).toBe('STARVING');
    const starving = await env.ivs.send(new ListStreamsCommand({ filterBy: { health: 'STARVING' } }));
    expect(starving.streams!.map((s) => s.channelArn)).toContain(arn);
    // The session reports both episodes as IVS does: the past one started and ended, the current one
    // started only (its end has not happened yet). Newest first.
    const { streamSession } = await env.ivs.send(new GetStreamSessionCommand({ channelArn: arn }));
    const health = streamSession!.truncatedEvents!.filter((e) => e.type === 'IVS Stream Health Change').map((e) => e.name);
    expect(health).toEqual(['Starvation Start', 'Starvation End', 'Starvation Start']);
    const times = streamSession!.truncatedEvents!.map((e) => e.eventTime!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('refuses an episode it cannot apply, and one for a channel that is not live', async () => {
    const { arn } = await liveChannel('episodes');
    expect((await env.control.call('POST', 'streams/episode', { channelArn: arn, kind: 'melt', durationSeconds: 5 })).status).toBe(400);
    expect(
      (await env.control.call('POST', 'streams/episode', { channelArn: arn, kind: 'bitrateDrop', value: 2, durationSeconds: 5 })).status,
    ).toBe(400);
    expect((await env.control.call('POST', 'streams/episode', { channelArn: arn, kind: 'starve' })).status).toBe(400);
    expect((await env.control.call('POST', 'streams/start', { channelArn: arn, ingest: { framerate: 'fast' } })).status).toBe(400);
    await env.control.stopStream(arn);
    expect((await env.control.call('POST', 'streams/episode', { channelArn: arn, kind: 'starve', durationSeconds: 5 })).status).toBe(409);
  });

  it('has data points only while the stream was live', async () => {
    const { arn, id } = await liveChannel('ended', { startedSecondsAgo: 300 });
    await env.control.stopStream(arn);
    const out = await series({
      MetricDataQueries: [query('v', id, 'IngestVideoBitrate', 60, 'SampleCount')],
      StartTime: minutesAgo(30),
      EndTime: new Date(Date.now() + 120_000),
    });
    const times = out.v.Timestamps!.map((t) => t.getTime());
    expect(times.length).toBeGreaterThanOrEqual(5);
    expect(times.length).toBeLessThanOrEqual(6);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.now() - 6 * 60_000);
    // A channel that never went live has no data; neither does a metric IVS does not publish.
    const { channel } = await env.ivs.send(new CreateChannelCommand({ name: 'never' }));
    const none = await series({
      MetricDataQueries: [query('a', idOf(channel!.arn!), 'IngestVideoBitrate'), query('b', id, 'NoSuchMetric')],
      StartTime: minutesAgo(30),
      EndTime: minutesAgo(0),
    });
    expect(none.a.Values).toEqual([]);
    expect(none.b.Values).toEqual([]);
  });

  it('pages by MaxDatapoints with NextToken, and the pages add up to the whole answer', async () => {
    const { id } = await liveChannel('paged', { startedSecondsAgo: 600 });
    const input = {
      MetricDataQueries: [query('a', id, 'IngestVideoBitrate', 30), query('b', id, 'IngestFramerate', 30)],
      StartTime: minutesAgo(6),
      EndTime: minutesAgo(1),
    };
    const whole = await series(input);
    expect(whole.a.Values).toHaveLength(10);
    const seen: Record<string, number[]> = { a: [], b: [] };
    let token: string | undefined;
    let calls = 0;
    do {
      const page = await cw().send(new GetMetricDataCommand({ ...input, MaxDatapoints: 7, NextToken: token }));
      calls++;
      token = page.NextToken;
      const points = page.MetricDataResults!.reduce((n, r) => n + r.Values!.length, 0);
      expect(points).toBeLessThanOrEqual(7);
      for (const r of page.MetricDataResults!) {
        expect(r.StatusCode).toBe(token ? 'PartialData' : 'Complete');
        seen[r.Id!].push(...r.Values!);
      }
    } while (token);
    expect(calls).toBe(3); // 20 points, 7 a page
    expect(seen.a).toEqual(whole.a.Values);
    expect(seen.b).toEqual(whole.b.Values);
  });

  it('refuses input the real service refuses, with the SDK’s error classes', async () => {
    const now = new Date();
    const base = { StartTime: minutesAgo(5), EndTime: now };
    const expectError = async (input: Partial<GetMetricDataCommandInput>, name: string, text: RegExp) => {
      const err = await cw()
        .send(
          new GetMetricDataCommand({
            MetricDataQueries: [query('a', 'abcdABCDefgh', 'IngestVideoBitrate')],
            ...base,
            ...input,
          } as GetMetricDataCommandInput),
        )
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(err).toBeInstanceOf(CloudWatchServiceException);
      const e = err as CloudWatchServiceException;
      expect(e.name).toBe(name);
      expect(e.$metadata.httpStatusCode).toBe(400);
      expect(e.message).toMatch(text);
      return e;
    };
    const many = Array.from({ length: 501 }, (_, i) => query(`q${i}`, 'abcdABCDefgh', 'IngestVideoBitrate'));
    await expectError({ MetricDataQueries: many }, 'ValidationError', /greater than 500/);
    await expectError({ MetricDataQueries: [query('a', 'x', 'IngestVideoBitrate', 7)] }, 'ValidationError', /not a valid period/);
    await expectError(
      { MetricDataQueries: [query('a', 'x', 'IngestVideoBitrate', 5, 'Median')] },
      'ValidationError',
      /not a valid statistic/,
    );
    await expectError({ MetricDataQueries: [query('Bad-id', 'x', 'IngestVideoBitrate')] }, 'ValidationError', /Id is invalid/);
    await expectError(
      { MetricDataQueries: [query('a', 'x', 'IngestVideoBitrate'), query('a', 'x', 'IngestFramerate')] },
      'ValidationError',
      /not unique/,
    );
    await expectError({ StartTime: now, EndTime: now }, 'ValidationError', /StartTime must be less than/);
    await expectError({ ScanBy: 'Sideways' as never }, 'ValidationError', /ScanBy/);
    await expectError({ MaxDatapoints: 0 }, 'ValidationError', /MaxDatapoints/);
    const bad = await expectError({ NextToken: 'not-a-token' }, 'InvalidNextToken', /NextToken/);
    expect(bad).toBeInstanceOf(InvalidNextToken);
    await expectError(
      { MetricDataQueries: [query('a', 'x', 'IngestVideoBitrate', 1)], StartTime: undefined },
      'MissingRequiredParameterException',
      /StartTime/,
    );
  });

  it('keeps 1-second data for 3 hours only; older data is read at 60-second periods', async () => {
    const { id } = await liveChannel('aged', { startedSecondsAgo: 5 * 3600 });
    const old = { StartTime: minutesAgo(4 * 60 + 10), EndTime: minutesAgo(4 * 60) };
    const fine = await series({ MetricDataQueries: [query('v', id, 'IngestVideoBitrate', 5)], ...old });
    const coarse = await series({ MetricDataQueries: [query('v', id, 'IngestVideoBitrate', 60)], ...old });
    expect(fine.v.Values).toEqual([]);
    expect(coarse.v.Values).toHaveLength(10);
  });

  it('counts its calls beside the IVS ones, and signs for the monitoring service only', async () => {
    await env.control.resetRequests();
    await series({
      MetricDataQueries: [query('a', 'abcdABCDefgh', 'IngestVideoBitrate')],
      StartTime: minutesAgo(5),
      EndTime: minutesAgo(0),
    });
    expect(await env.control.requests()).toEqual({ GetMetricData: 1 });
    const wrongSecret = new CloudWatchClient({
      endpoint: env.url,
      region: REGION,
      credentials: { accessKeyId: 'test', secretAccessKey: 'nope' },
      maxAttempts: 1,
    });
    const err = await wrongSecret.send(new ListMetricsCommand({})).then(
      () => undefined,
      (e: unknown) => e as CloudWatchServiceException,
    );
    expect(err?.name).toBe('InvalidSignatureException');
    expect(err?.$metadata.httpStatusCode).toBe(403);
  });
});

describe('ListMetrics for AWS/IVS', () => {
  it('lists the channel metrics of channels with recent streams, filtered by dimension', async () => {
    const { id } = await liveChannel('listed');
    const out = await cw().send(new ListMetricsCommand({ Namespace: 'AWS/IVS', Dimensions: [{ Name: 'Channel', Value: id }] }));
    expect(out.Metrics!.map((m) => m.MetricName).sort()).toEqual([...METRICS, 'LiveInputTime', 'LiveDeliveredTime', 'RecordedTime'].sort());
    expect(out.Metrics![0].Dimensions).toEqual([{ Name: 'Channel', Value: id }]);
  });
});
