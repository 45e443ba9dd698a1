import 'server-only';
import { GetStreamSessionCommand, ListStreamSessionsCommand } from '@aws-sdk/client-ivs';
import { ingestFromSession } from '@/lib/health/ingest';
import type { IngestInput, StreamEventInput } from '@/lib/health/types';
import { ivsClient } from '@/lib/ivs/client';
import { isIvsError } from '@/lib/ivs/errors';
import { sharedRead } from '@/lib/ivs/read-cache';

// What the stream-health view needs from IVS besides metrics: the channel's recent session spans
// (reconnect loops) and the newest session's ingest configuration and events (starvation, decoded
// event codes). Raw enough for lib/health's diagnose, which reads fields the session view's DTO
// (lib/ivs/streams.ts) flattens into display strings.

export interface SessionSpanMs {
  streamId: string;
  startTime: number;
  /** null while the session is live. */
  endTime: number | null;
}

export interface RecentSessions {
  /** Newest first, as IVS lists them: one ListStreamSessions page (50 sessions). */
  spans: SessionSpanMs[];
  /** The newest session's details, or null when the channel has never streamed. */
  latest: (SessionSpanMs & { ingest: IngestInput; events: StreamEventInput[] }) | null;
}

const ms = (d: Date | undefined): number | null => (d ? new Date(d).getTime() : null);

async function readRecentSessions(region: string, channelArn: string): Promise<RecentSessions> {
  const client = ivsClient(region);
  const page = await client.send(new ListStreamSessionsCommand({ channelArn, maxResults: 50 }));
  const spans = (page.streamSessions ?? [])
    .map((s) => ({ streamId: s.streamId ?? '', startTime: ms(s.startTime) ?? NaN, endTime: ms(s.endTime) }))
    .filter((s) => s.streamId && Number.isFinite(s.startTime));
  const newest = spans[0];
  if (!newest) return { spans, latest: null };
  try {
    const { streamSession: s } = await client.send(new GetStreamSessionCommand({ channelArn, streamId: newest.streamId }));
    if (!s) return { spans, latest: null };
    const events = (s.truncatedEvents ?? []).map((e) => ({
      name: e.name,
      type: e.type,
      code: e.code,
      eventTime: e.eventTime ? new Date(e.eventTime).toISOString() : undefined,
    }));
    return { spans, latest: { ...newest, endTime: ms(s.endTime), ingest: ingestFromSession(s), events } };
  } catch (error) {
    // Listed a moment ago, gone now (IVS keeps sessions for a limited time): no details to show.
    if (isIvsError(error, 'ResourceNotFoundException')) return { spans, latest: null };
    throw error;
  }
}

/**
 * Two IVS calls (ListStreamSessions, GetStreamSession of the newest), shared by every viewer of the
 * channel for the read cache's few seconds, so polling pages cost IVS per channel, not per viewer.
 */
export function recentSessions(region: string, channelArn: string): Promise<RecentSessions> {
  return sharedRead(region, JSON.stringify(['RecentSessions', channelArn]), () => readRecentSessions(region, channelArn));
}
