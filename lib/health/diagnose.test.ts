import type { StreamSession } from '@aws-sdk/client-ivs';
import { describe, expect, it } from 'vitest';
import { diagnose, worstSeverity } from './diagnose';
import { ingestFromSession } from './ingest';
import { event, MIN, series, steps, T0 } from './test-fixtures';
import type { DiagnosisInput } from './types';

// A GetStreamSession answer as the SDK returns it (Date objects, newest event first), 1080p30 at 6 Mbps from OBS.
const session = {
  streamId: 'st-1AbCdEfGhIjKlMnOpQrStUv',
  startTime: new Date(T0),
  ingestConfiguration: {
    video: {
      avcProfile: 'High',
      avcLevel: '4.1',
      codec: 'avc1.640029',
      encoder: 'obs-output',
      targetBitrate: 6_000_000,
      targetFramerate: 30,
      videoHeight: 1080,
      videoWidth: 1920,
    },
    audio: { codec: 'mp4a.40.2', targetBitrate: 160_000, sampleRate: 48_000, channels: 2 },
  },
  truncatedEvents: [
    event('Stream Takeover Failure', T0 + 8 * MIN, { type: 'IVS Stream State Change', code: 'StreamTakeoverMediaMismatch' }),
    event('Starvation End', T0 + 6 * MIN + 40_000, { type: 'IVS Stream Health Change' }),
    event('Starvation Start', T0 + 6 * MIN, { type: 'IVS Stream Health Change' }),
    event('Starvation End', T0 + 2 * MIN + 30_000, { type: 'IVS Stream Health Change' }),
    event('Starvation Start', T0 + 2 * MIN, { type: 'IVS Stream Health Change' }),
    event('Stream Start', T0 + 2000, { type: 'IVS Stream State Change' }),
    event('Session Created', T0, { type: 'IVS Stream State Change' }),
  ],
} satisfies StreamSession;

const healthy = (): DiagnosisInput => ({
  channelType: 'STANDARD',
  ingest: ingestFromSession(session),
  metrics: {
    IngestVideoBitrate: series(steps([120, 6])),
    IngestAudioBitrate: series(steps([120, 0.16])),
    IngestFramerate: series(steps([120, 30])),
    KeyframeInterval: series(steps([120, 2])),
    ConcurrentViews: series(steps([120, 42])),
  },
  events: session.truncatedEvents.filter((e) => e.name === 'Session Created' || e.name === 'Stream Start'),
});

describe('diagnose', () => {
  it('finds nothing wrong with a steady 1080p30 stream at 6 Mbps with 2 s keyframes', () => {
    const findings = diagnose(healthy());
    expect(findings).toEqual([]);
    expect(worstSeverity(findings)).toBeNull();
  });

  it('explains a troubled session worst first, each finding with its evidence', () => {
    const input = healthy();
    input.metrics!.KeyframeInterval = series(steps([48, 2], [72, 4]));
    input.events = session.truncatedEvents;
    const findings = diagnose(input);
    expect(findings.map((f) => [f.severity, f.id])).toEqual([
      ['critical', 'starvation'],
      ['warning', 'keyframe-interval'],
      ['warning', 'event:Stream Takeover Failure:StreamTakeoverMediaMismatch'],
    ]);
    expect(findings[0].detail).toContain('2 times in 4 min (70 s starved in all), last at 12:06:00 UTC');
    expect(findings[1].detail).toContain('Keyframe interval 4 s for 6 of the last 10 minutes');
    expect(findings[2].detail).toContain('different media (codec, resolution or track type)');
    expect(worstSeverity(findings)).toBe('critical');
  });

  it("takes the SDK's own StreamSession and its events without conversion", () => {
    const sdk: StreamSession = session;
    expect(diagnose({ channelType: 'STANDARD', ingest: ingestFromSession(sdk), events: sdk.truncatedEvents }).length).toBe(2);
  });

  it('reads the deprecated ingestConfiguration and the multitrack ingestConfigurations alike', () => {
    expect(ingestFromSession(session).video[0]).toMatchObject({ profile: 'High', level: '4.1', videoHeight: 1080 });
    const multi = ingestFromSession({
      ingestConfiguration: session.ingestConfiguration,
      ingestConfigurations: {
        videoConfigurations: [
          { track: 'Track0', videoHeight: 1080 },
          { track: 'Track1', videoHeight: 720 },
        ],
        audioConfigurations: [{ track: 'Track0' }],
      },
    });
    expect(multi.video.map((v) => v.track)).toEqual(['Track0', 'Track1']);
    expect(ingestFromSession({})).toEqual({ video: [], audio: [] });
  });

  it('judges the last 10 minutes of the data unless told the window', () => {
    const input = healthy();
    input.metrics!.KeyframeInterval = series(steps([120, 6], [120, 2]));
    expect(diagnose(input)).toEqual([]);
    expect(diagnose({ ...input, windowMs: 20 * MIN }).map((f) => f.id)).toEqual(['keyframe-interval']);
  });
});
