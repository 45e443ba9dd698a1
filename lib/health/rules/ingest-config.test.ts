import { describe, expect, it } from 'vitest';
import { limitsFor } from '../channel-limits';
import { ctx } from '../test-fixtures';
import type { IngestVideo } from '../types';
import { ingestConfigRule } from './ingest-config';

const run = (v: IngestVideo, channelType: 'BASIC' | 'STANDARD' = 'STANDARD') =>
  ingestConfigRule(ctx({ channelType, ingest: { video: [v], audio: [] } }));
const obs1080p30 = { videoWidth: 1920, videoHeight: 1080, targetFramerate: 30, targetBitrate: 6_000_000 };

describe('ingestConfigRule', () => {
  it('accepts 1080p30 at 6 Mbps on STANDARD, and portrait 1080×1920', () => {
    expect(run(obs1080p30)).toEqual([]);
    expect(run({ ...obs1080p30, videoWidth: 1080, videoHeight: 1920 })).toEqual([]);
  });

  it('refuses 1440p, naming the resolution and the type', () => {
    const [f] = run({ ...obs1080p30, videoWidth: 2560, videoHeight: 1440 });
    expect(f).toMatchObject({ id: 'resolution-over-limit', severity: 'critical', window: null });
    expect(f.detail).toContain('2560×1440; a STANDARD channel accepts at most 1920×1080');
  });

  it('flags a target bitrate over the limit: 8.6 Mbps on STANDARD, 2 Mbps at 480p on BASIC', () => {
    expect(run({ ...obs1080p30, targetBitrate: 8_600_000 }).map((f) => f.id)).toEqual(['target-bitrate-over-limit']);
    expect(run({ ...obs1080p30, targetBitrate: 8_500_000 })).toEqual([]);
    expect(run({ videoWidth: 852, videoHeight: 480, targetBitrate: 2_000_000 }, 'BASIC')[0].detail).toContain('at most 1.5 Mbps at 480p');
    expect(run({ videoWidth: 1280, videoHeight: 720, targetBitrate: 2_000_000 }, 'BASIC')).toEqual([]);
  });

  it('flags a target frame rate over 60 fps, not 60', () => {
    expect(run({ ...obs1080p30, targetFramerate: 120 }).map((f) => f.id)).toEqual(['target-frame-rate-over-limit']);
    expect(run({ ...obs1080p30, targetFramerate: 60 })).toEqual([]);
  });

  it('checks B-frames only where a limit is documented (none is for low-latency channels)', () => {
    expect(limitsFor('STANDARD').maxBFrames).toBeNull();
    expect(run({ ...obs1080p30, bFrames: 3 })).toEqual([]);
    const limited = { ...ctx({ ingest: { video: [{ bFrames: 2 }], audio: [] } }), limits: { ...limitsFor('STANDARD'), maxBFrames: 0 } };
    expect(ingestConfigRule(limited).map((f) => f.id)).toEqual(['b-frames-over-limit']);
    const none = { ...ctx({ ingest: { video: [{ bFrames: 0 }], audio: [] } }), limits: { ...limitsFor('STANDARD'), maxBFrames: 0 } };
    expect(ingestConfigRule(none)).toEqual([]);
  });

  it('names the track when there are several', () => {
    const ingest = {
      video: [
        { track: 'Track0', ...obs1080p30 },
        { track: 'Track1', videoWidth: 3840, videoHeight: 2160 },
      ],
      audio: [],
    };
    expect(ingestConfigRule(ctx({ ingest })).map((f) => f.id)).toEqual(['resolution-over-limit (Track1)']);
  });
});
