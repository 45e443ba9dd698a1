// What the /live health board sends to the browser (client-safe): one row per live channel, small
// enough that a 50-row page refreshed every 10 s stays light.
import type { Severity } from '@/lib/health/types';
import type { Sparkline } from './sparkline';

export interface BoardRow {
  channelArn: string;
  channelId: string;
  /** Empty when BatchGetChannel did not return the channel (deleted since it went live). */
  name: string;
  streamId: string;
  /** ListStreams' health: HEALTHY, STARVING or UNKNOWN. */
  health: string;
  viewerCount: number;
  startTime: string | null;
  findings: {
    count: number;
    worst: Severity | null;
    /** The worst finding's title, shown as text in the row. */
    top: string | null;
  };
  bitrate: Sparkline;
}

/** A channel that was on the board and is no longer live, kept for a short while so a page can say "Ended". */
export interface EndedChannel {
  channelId: string;
  endedAt: number;
}

export interface BoardPage {
  fetchedAt: number;
  /** Live channels in the region (all pages). */
  total: number;
  page: number;
  pages: number;
  pageSize: number;
  /** The ListStreams pass stopped at its cap: more channels are live than the board ranks. */
  truncated: boolean;
  /** The metrics could not be read this time: findings and sparklines are missing, health and viewers are not. */
  metricsError: string | null;
  rows: BoardRow[];
  ended: EndedChannel[];
}
