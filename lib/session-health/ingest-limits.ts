// The session's ingest configuration beside its channel type's limits, one table per track
// (client-safe, pure). The comparisons are the ones lib/health's ingest-config rule makes, so the
// table and the findings never disagree.
import { limitsFor, type ChannelType, type IngestAudio, type IngestInput, type IngestVideo } from '@/lib/health';

/** `over`: above the type's limit (IVS may disconnect); `advice`: allowed but not what IVS recommends. */
export type Verdict = 'over' | 'advice' | 'within' | 'none';

export interface LimitRow {
  setting: string;
  value: string;
  limit: string;
  verdict: Verdict;
  /** Words for the verdict, so it never rests on colour alone. */
  verdictText: string;
}

export interface TrackTable {
  kind: 'video' | 'audio';
  track: string;
  rows: LimitRow[];
}

// Within this much of 2 s or 1 s the keyframe interval is on the recommendation (lib/health's tolerance).
const KEYFRAME_TOLERANCE_S = 0.25;
const NO_LIMIT = 'No limit for the channel type';

const round = (x: number) => String(Math.round(x * 100) / 100);
const dash = (s: string | number | undefined) => (s === undefined || s === '' || s === 0 ? '—' : String(s));

function row(setting: string, value: string, limit: string, verdict: Verdict, verdictText?: string): LimitRow {
  const words: Record<Verdict, string> = { over: 'Over the limit', advice: 'Not recommended', within: 'Within the limit', none: '' };
  return {
    setting,
    value,
    limit,
    verdict: value === '—' && verdict !== 'none' ? 'none' : verdict,
    verdictText: verdictText ?? words[verdict],
  };
}

function videoRows(v: IngestVideo, type: ChannelType, keyframeSeconds: number | null, audioMbps: number): LimitRow[] {
  const limits = limitsFor(type);
  const w = v.videoWidth ?? 0;
  const h = v.videoHeight ?? 0;
  // Portrait is the same pixel budget turned: long side against long side, as the diagnosis compares.
  const [long, short] = w >= h ? [w, h] : [h, w];
  const maxMbps = limits.maxBitrateMbps(short || undefined);
  const mbps = (v.targetBitrate ?? 0) / 1e6;
  const fps = v.targetFramerate ?? 0;
  const output = limits.transcoded ? ` (viewers get up to ${limits.outputHeight}p)` : '';
  const rows = [
    row('Codec', dash(v.codec), NO_LIMIT, 'none'),
    row('Profile', dash(v.profile), NO_LIMIT, 'none'),
    row('Level', dash(v.level), NO_LIMIT, 'none'),
    row(
      'Resolution',
      w && h ? `${w}×${h}` : '—',
      `${limits.maxWidth}×${limits.maxHeight}, either orientation${output}`,
      long > limits.maxWidth || short > limits.maxHeight ? 'over' : 'within',
    ),
    // The type's limit is on the whole input, so the audio the encoder sends with this video counts too.
    row(
      'Target bitrate',
      !mbps
        ? '—'
        : audioMbps
          ? `${round(mbps)} Mbps video + ${round(audioMbps)} Mbps audio = ${round(mbps + audioMbps)} Mbps`
          : `${round(mbps)} Mbps`,
      `${round(maxMbps)} Mbps${audioMbps ? ', video and audio together' : ''}${type === 'BASIC' ? (short && short <= 480 ? ' at 480p and below' : ' above 480p') : ''}`,
      mbps + audioMbps > maxMbps ? 'over' : 'within',
    ),
    row('Frame rate', fps ? `${round(fps)} fps` : '—', `${limits.maxFramerate} fps`, fps > limits.maxFramerate ? 'over' : 'within'),
    keyframeSeconds === null
      ? row('Keyframe interval', 'Not reported', recommendedKeyframes(limits.keyframeIntervals), 'none', 'No CloudWatch data')
      : row(
          'Keyframe interval',
          `${round(keyframeSeconds)} s (typical, from CloudWatch)`,
          recommendedKeyframes(limits.keyframeIntervals),
          limits.keyframeIntervals.some((k) => Math.abs(keyframeSeconds - k) <= KEYFRAME_TOLERANCE_S) ? 'within' : 'advice',
          undefined,
        ),
  ];
  if (v.bFrames !== undefined)
    rows.push(
      row(
        'B-frames',
        String(v.bFrames),
        limits.maxBFrames === null ? NO_LIMIT : String(limits.maxBFrames),
        limits.maxBFrames !== null && v.bFrames > limits.maxBFrames ? 'over' : 'none',
      ),
    );
  if (v.encoder) rows.push(row('Encoder', v.encoder, '—', 'none'));
  return rows;
}

const recommendedKeyframes = (ks: readonly number[]) => `${ks[0]} s (or ${ks.slice(1).join(', ')} s) recommended`;

function audioRows(a: IngestAudio, type: ChannelType): LimitRow[] {
  const kbps = (a.targetBitrate ?? 0) / 1000;
  return [
    row('Codec', dash(a.codec), NO_LIMIT, 'none'),
    row('Target bitrate', kbps ? `${Math.round(kbps)} kbps` : '—', `Counts toward the ${type} input bitrate with the video`, 'none'),
    row('Sample rate', a.sampleRate ? `${a.sampleRate.toLocaleString('en-US')} Hz` : '—', NO_LIMIT, 'none'),
    row('Channels', a.channels ? String(a.channels) : '—', NO_LIMIT, 'none'),
  ];
}

/** One table per track, video first; `keyframeSeconds` is the measured interval when CloudWatch has it. */
export function ingestLimitTables(ingest: IngestInput, type: ChannelType, keyframeSeconds: number | null = null): TrackTable[] {
  // One audio track goes with each video rendition (multitrack sends the same audio alongside all of them).
  const audioMbps = (ingest.audio[0]?.targetBitrate ?? 0) / 1e6;
  return [
    ...ingest.video.map((v, i) => ({
      kind: 'video' as const,
      track: v.track || `Video ${i + 1}`,
      rows: videoRows(v, type, keyframeSeconds, audioMbps),
    })),
    ...ingest.audio.map((a, i) => ({ kind: 'audio' as const, track: a.track || `Audio ${i + 1}`, rows: audioRows(a, type) })),
  ];
}
