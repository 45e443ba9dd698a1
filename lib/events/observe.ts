import { eventDedupeKey, type NewConsoleEvent } from '@/lib/events/types';
import type { Finding } from '@/lib/health/types';
import { nameOf, recordingFailedWording, streamEndedWording, TITLES } from '@/lib/events/wording';

// The watcher's judgement, pure: its last look at each live channel (kept in the store), this look, and
// what it learnt about streams that are gone, in; the events to record and the next state, out.

/** A viewer count that falls by more than this share, and by at least VIEWER_DROP_MIN viewers, is a sharp drop. */
export const VIEWER_DROP_SHARE = 0.5;
export const VIEWER_DROP_MIN = 20;

/** What the watcher keeps per live channel between looks (watch_state). */
export interface WatchRow {
  channelArn: string;
  streamId: string;
  health: string;
  viewers: number;
  channelName: string | null;
  channelType: string | null;
  /** Ids of the diagnosis findings seen on this stream so far. */
  findings: string[];
  startedAt: number | null;
  observedAt: number;
}

export interface ObservedStream {
  channelArn: string;
  channelId: string;
  streamId: string;
  health: string;
  viewerCount: number;
  startTime: string | null;
}

export interface Observation {
  region: string;
  /** When IVS answered (epoch ms). */
  at: number;
  streams: ObservedStream[];
  /** False when the listing stopped at its cap: a channel missing from it may still be live. */
  complete: boolean;
  /** Name and type of channels, where known (looked up for new streams). */
  channels: Map<string, { name: string | null; type: string | null }>;
  /** Findings per channel ARN, only for channels diagnosed on this look (the others keep theirs). */
  findings: Map<string, Finding[]>;
}

/** What the watcher found out about a stream that is gone: when it ended, and whether the console stopped it. */
export interface RecordingFailure {
  status: 'Recording Start Failure' | 'Recording End Failure';
  at: number;
  code: string | null;
}

/** What IVS said of an ended stream (lib/events/ivs-reads.ts streamSessionEnd). */
export interface SessionEnd {
  endedAt: number | null;
  recordingFailures: RecordingFailure[];
}

export interface EndInfo extends Partial<Pick<SessionEnd, 'recordingFailures'>> {
  endedAt: number | null;
  stoppedFromConsole: boolean;
}

/** Streams of the last look that are gone now: their channel is off air, or live with a new stream. */
export function goneStreams(prev: WatchRow[], obs: Pick<Observation, 'streams' | 'complete'>): WatchRow[] {
  const live = new Map(obs.streams.map((s) => [s.channelArn, s]));
  return prev.filter((row) => {
    const now = live.get(row.channelArn);
    return now ? now.streamId !== row.streamId : obs.complete;
  });
}

/** Channels live now whose name or type the state does not have yet (the watcher looks them up). */
export function unknownChannels(prev: WatchRow[], obs: Pick<Observation, 'streams'>): string[] {
  const known = new Map(prev.map((r) => [r.channelArn, r]));
  return obs.streams.filter((s) => !known.get(s.channelArn)?.channelType).map((s) => s.channelArn);
}

export function diffObservation(
  prev: WatchRow[],
  obs: Observation,
  ends: Map<string, EndInfo>,
): { events: NewConsoleEvent[]; rows: WatchRow[] } {
  const events: NewConsoleEvent[] = [];
  const before = new Map(prev.map((r) => [r.channelArn, r]));
  const emit = (
    kind: NewConsoleEvent['kind'],
    severity: NewConsoleEvent['severity'],
    row: Pick<WatchRow, 'channelArn' | 'streamId'>,
    occurredAt: number,
    title: string,
    detail: string,
    data: Record<string, unknown> = {},
    discriminator = '',
  ) =>
    events.push({
      kind,
      severity,
      source: 'watcher',
      region: obs.region,
      channelArn: row.channelArn,
      streamId: row.streamId,
      occurredAt,
      title,
      detail,
      dedupeKey: eventDedupeKey(kind, row.channelArn, row.streamId, occurredAt, discriminator),
      data,
    });

  for (const row of goneStreams(prev, obs)) {
    const end = ends.get(row.channelArn) ?? { endedAt: null, stoppedFromConsole: false };
    const at = end.endedAt ?? obs.at;
    const ended = streamEndedWording(end.stoppedFromConsole, nameOf(row));
    emit('stream.ended', ended.severity, row, at, ended.title, ended.detail, { ...ended.data, channelName: row.channelName });
    // Seen in the session's events once it has ended (EventBridge reports them as they happen).
    for (const failure of end.recordingFailures ?? []) {
      const wording = recordingFailedWording(failure.status, nameOf(row), failure.code);
      emit('recording.failed', wording.severity, row, failure.at, wording.title, wording.detail, {
        channelName: row.channelName,
        recordingStatus: failure.status,
        reason: failure.code,
      });
    }
  }

  const rows: WatchRow[] = [];
  for (const s of obs.streams) {
    const old = before.get(s.channelArn);
    const last = old && old.streamId === s.streamId ? old : undefined;
    const channel = obs.channels.get(s.channelArn);
    const row: WatchRow = {
      channelArn: s.channelArn,
      streamId: s.streamId,
      health: s.health,
      viewers: s.viewerCount,
      channelName: channel?.name ?? old?.channelName ?? null,
      channelType: channel?.type ?? old?.channelType ?? null,
      findings: last?.findings ?? [],
      startedAt: s.startTime ? Date.parse(s.startTime) : (last?.startedAt ?? null),
      observedAt: obs.at,
    };
    rows.push(row);
    const name = nameOf(row);

    if (!last) {
      emit(
        'stream.started',
        'info',
        row,
        row.startedAt ?? obs.at,
        TITLES.streamStarted(name),
        `The channel went live; IVS reports its health as ${s.health}.`,
        {
          channelName: row.channelName,
          health: s.health,
          viewers: s.viewerCount,
        },
      );
    }

    const wasStarving = last?.health === 'STARVING';
    if (s.health === 'STARVING' && !wasStarving) {
      emit(
        'starvation.started',
        'critical',
        row,
        obs.at,
        TITLES.starvationStarted(name),
        'IVS stopped receiving data from the encoder: viewers see the picture freeze or buffer. Check the upload bandwidth and the encoder machine.',
        { channelName: row.channelName },
      );
    } else if (wasStarving && s.health !== 'STARVING') {
      emit(
        'starvation.ended',
        'info',
        row,
        obs.at,
        TITLES.starvationEnded(name),
        `IVS receives data from the encoder again (health ${s.health}).`,
        {
          channelName: row.channelName,
          health: s.health,
        },
      );
    } else if (last && last.health !== s.health) {
      emit(
        'health.changed',
        s.health === 'HEALTHY' ? 'info' : 'warning',
        row,
        obs.at,
        `${name}: health ${last.health} → ${s.health}`,
        `IVS reports the stream's health as ${s.health}, was ${last.health}.`,
        { channelName: row.channelName, from: last.health, to: s.health },
        s.health,
      );
    }

    if (last) {
      const lost = last.viewers - s.viewerCount;
      if (lost >= VIEWER_DROP_MIN && lost > last.viewers * VIEWER_DROP_SHARE) {
        emit(
          'viewers.dropped',
          'warning',
          row,
          obs.at,
          `${name} lost ${Math.round((lost / last.viewers) * 100)}% of its viewers`,
          `Viewers fell from ${last.viewers} to ${s.viewerCount} between two looks. A playback problem (or the end of the programme)?`,
          { channelName: row.channelName, from: last.viewers, to: s.viewerCount },
        );
      }
    }

    const findings = obs.findings.get(s.channelArn);
    if (findings) {
      for (const f of findings) {
        if (row.findings.includes(f.id)) continue;
        emit(
          'finding.appeared',
          f.severity,
          row,
          f.window?.start ?? obs.at,
          `${name}: ${f.title}`,
          `${f.detail} ${f.fix}`,
          {
            channelName: row.channelName,
            findingId: f.id,
          },
          f.id,
        );
      }
      row.findings = [...new Set([...row.findings, ...findings.map((f) => f.id)])];
    }
  }
  // A channel missing from a capped listing keeps its row: it may still be live.
  if (!obs.complete) {
    const seen = new Set(rows.map((r) => r.channelArn));
    rows.push(...prev.filter((r) => !seen.has(r.channelArn)));
  }
  return { events, rows };
}
