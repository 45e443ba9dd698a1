import type { EventMarker, ShadedSpan } from '@/lib/health/annotations';
import type { ChannelType, Finding, HealthMetrics } from '@/lib/health/types';

// The answer of GET /api/channels/[id]/health (client-safe: types only): everything the live channel
// page's "Stream health" section draws, in one response.

export interface ChannelHealthDto {
  channelId: string;
  channelType: ChannelType;
  /** The window, epoch ms, and the metrics' period in seconds. */
  start: number;
  end: number;
  period: number;
  /** The newest session is still going. */
  live: boolean;
  /** The channel streamed at some point in the window (any data point, or a session overlapping it). */
  hasData: boolean;
  series: HealthMetrics;
  /** The newest session overlapping the window, or null. */
  session: { streamId: string; startTime: number; endTime: number | null; videoHeight?: number } | null;
  shaded: ShadedSpan[];
  markers: EventMarker[];
  /** lib/health's diagnose over the window, worst first. */
  findings: Finding[];
}
