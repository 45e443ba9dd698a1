import { describe, expect, it } from 'vitest';
import { ingestLimitTables, type LimitRow } from './ingest-limits';

const obs = {
  track: 'Track0',
  codec: 'avc1.64002A',
  profile: 'High',
  level: '4.2',
  targetBitrate: 6_000_000,
  targetFramerate: 30,
  videoWidth: 1920,
  videoHeight: 1080,
};
const audio = { track: 'Track0', codec: 'mp4a.40.2', targetBitrate: 160_000, sampleRate: 48_000, channels: 2 };
const rowOf = (rows: LimitRow[], setting: string) => rows.find((r) => r.setting === setting)!;

describe('ingestLimitTables', () => {
  it('shows every setting of a healthy 1080p30 stream within the STANDARD limits', () => {
    const [video, sound] = ingestLimitTables({ video: [obs], audio: [audio] }, 'STANDARD', 2);
    expect(video.kind).toBe('video');
    expect(rowOf(video.rows, 'Resolution')).toMatchObject({ value: '1920×1080', verdict: 'within', verdictText: 'Within the limit' });
    expect(rowOf(video.rows, 'Target bitrate')).toMatchObject({
      value: '6 Mbps video + 0.16 Mbps audio = 6.16 Mbps',
      limit: '8.5 Mbps, video and audio together',
      verdict: 'within',
    });
    expect(rowOf(video.rows, 'Frame rate')).toMatchObject({ value: '30 fps', limit: '60 fps', verdict: 'within' });
    expect(rowOf(video.rows, 'Keyframe interval')).toMatchObject({ value: '2 s (typical, from CloudWatch)', verdict: 'within' });
    expect(rowOf(video.rows, 'Profile').value).toBe('High');
    expect(sound.rows.map((r) => r.value)).toEqual(['mp4a.40.2', '160 kbps', '48,000 Hz', '2']);
  });

  it('flags in words what is over the BASIC limits, and a keyframe interval that is not recommended', () => {
    const [video] = ingestLimitTables(
      { video: [{ ...obs, videoWidth: 2560, videoHeight: 1440, targetFramerate: 120, targetBitrate: 4_000_000 }], audio: [] },
      'BASIC',
      4,
    );
    expect(rowOf(video.rows, 'Resolution')).toMatchObject({ verdict: 'over', verdictText: 'Over the limit' });
    expect(rowOf(video.rows, 'Target bitrate')).toMatchObject({ limit: '3.5 Mbps above 480p', verdict: 'over' });
    expect(rowOf(video.rows, 'Frame rate').verdict).toBe('over');
    expect(rowOf(video.rows, 'Keyframe interval')).toMatchObject({ verdict: 'advice', verdictText: 'Not recommended' });
  });

  it('counts the audio toward the input limit: 3.5 Mbps of video is within BASIC alone, over it with its audio', () => {
    const at = (a: (typeof audio)[]) =>
      rowOf(
        ingestLimitTables({ video: [{ ...obs, videoHeight: 720, videoWidth: 1280, targetBitrate: 3_500_000 }], audio: a }, 'BASIC')[0].rows,
        'Target bitrate',
      );
    expect(at([])).toMatchObject({ value: '3.5 Mbps', limit: '3.5 Mbps above 480p', verdict: 'within' });
    expect(at([audio])).toMatchObject({
      value: '3.5 Mbps video + 0.16 Mbps audio = 3.66 Mbps',
      verdict: 'over',
      verdictText: 'Over the limit',
    });
  });

  it('holds BASIC at 480p to 1.5 Mbps, and takes portrait video as the same pixel budget turned', () => {
    const [sd] = ingestLimitTables(
      { video: [{ ...obs, videoWidth: 854, videoHeight: 480, targetBitrate: 2_000_000 }], audio: [] },
      'BASIC',
    );
    expect(rowOf(sd.rows, 'Target bitrate')).toMatchObject({ limit: '1.5 Mbps at 480p and below', verdict: 'over' });
    const [portrait] = ingestLimitTables({ video: [{ ...obs, videoWidth: 1080, videoHeight: 1920 }], audio: [] }, 'STANDARD');
    expect(rowOf(portrait.rows, 'Resolution').verdict).toBe('within');
  });

  it('says the keyframe interval was not reported without CloudWatch data, and judges nothing it does not know', () => {
    const [video] = ingestLimitTables({ video: [{ track: 'Track0' }], audio: [] }, 'ADVANCED_SD');
    expect(rowOf(video.rows, 'Keyframe interval')).toMatchObject({ value: 'Not reported', verdict: 'none' });
    expect(rowOf(video.rows, 'Resolution')).toMatchObject({ value: '—', verdict: 'none' });
    expect(rowOf(video.rows, 'Resolution').limit).toContain('viewers get up to 480p');
  });

  it('one table per track, video first, named by track', () => {
    const tables = ingestLimitTables({ video: [obs, { ...obs, track: 'Track1', videoHeight: 720 }], audio: [audio] }, 'STANDARD');
    expect(tables.map((t) => `${t.kind}:${t.track}`)).toEqual(['video:Track0', 'video:Track1', 'audio:Track0']);
  });
});
