// The sentence list behind "No problems found": what the diagnosis looked at (client-safe, pure).
import { limitsFor, type ChannelType } from '@/lib/health';

export interface CheckedInput {
  channelType: ChannelType;
  videoHeight?: number;
  hasMetrics: boolean;
  hasIngest: boolean;
  events: number;
  sessions: number;
}

export function checksMade(c: CheckedInput): string[] {
  const limits = limitsFor(c.channelType);
  const metric = c.hasMetrics
    ? [
        `Keyframe interval against the recommended ${limits.keyframeIntervals.join(' s or ')} s`,
        `Frame rate against the ${c.channelType} maximum of ${limits.maxFramerate} fps, and its stability`,
        `Bitrate against the ${c.channelType} maximum of ${limits.maxBitrateMbps(c.videoHeight)} Mbps, and whether it fell`,
      ]
    : ['No CloudWatch metrics to check: keyframe interval, frame rate and bitrate were not judged'];
  return [
    ...metric,
    c.hasIngest
      ? `The encoder's resolution, bitrate and frame rate against the ${c.channelType} limits`
      : 'IVS reported no ingest configuration to check',
    'Starvation (IVS getting no data from the encoder)',
    `Reconnect loops across the channel's ${c.sessions} most recent session${c.sessions === 1 ? '' : 's'}`,
    `${c.events} event${c.events === 1 ? '' : 's'} decoded for failures and error codes`,
  ];
}
