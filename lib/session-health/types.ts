// What the session page and its polling route carry (client-safe: plain data, no SDK types).
import type { ChannelType, DecodedEvent, Finding, HealthMetrics } from '@/lib/health';
import type { TrackTable } from './ingest-limits';
import type { EventMarker, ShadedSpan } from '@/lib/health/annotations';

export interface SessionEventView extends DecodedEvent {
  eventTime: string | null;
}

export interface SessionHealth {
  channelId: string;
  streamId: string;
  channelName: string;
  channelType: ChannelType;
  startTime: string | null;
  endTime: string | null;
  recordingConfigurationName: string;
  live: boolean;
  /** The charts' x range, epoch ms: the session with a small margin (lib/session-health/window.ts). */
  window: { start: number; end: number };
  /** The period the metrics were read at, seconds (0 when they could not be read). */
  period: number;
  series: HealthMetrics;
  videoHeight?: number;
  markers: EventMarker[];
  shaded: ShadedSpan[];
  findings: Finding[];
  /** What the diagnosis looked at, for "No problems found" to mean something. */
  checked: string[];
  events: SessionEventView[];
  ingestTables: TrackTable[];
  /** Resolution or absence of the CloudWatch data, or why it could not be read; null when all is there. */
  metricsNote: string | null;
  fetchedAt: number;
}
