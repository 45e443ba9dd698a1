import type { LiveStream, StreamEvent, StreamSessionRec } from '../records';
import type { RegionState } from '../state';

// A stream is STARVING while a `starve` episode of its session lasts, whatever health it was started
// or set with, so GetStream and ListStreams agree with the metrics.
export function effectiveHealth(state: RegionState, live: LiveStream, nowMs: number): string {
  const session = state.sessions.get(live.channelArn)?.find((s) => s.streamId === live.streamId);
  const starving = session?.signal?.episodes.some((e) => e.kind === 'starve' && Date.parse(e.from) <= nowMs && nowMs < Date.parse(e.to));
  return starving ? 'STARVING' : live.health;
}

const HEALTH_CHANGE = 'IVS Stream Health Change';

/**
 * The session's events with its starvation episodes as IVS reports them (Starvation Start/End, type
 * IVS Stream Health Change), oldest first. Made at read time, so an episode's end is not reported
 * before it happens and a stream still starving has a Start and no End.
 */
export function eventsAt(session: StreamSessionRec, nowMs: number): StreamEvent[] {
  const starvation: StreamEvent[] = [];
  for (const e of session.signal?.episodes ?? []) {
    if (e.kind !== 'starve' || Date.parse(e.from) > nowMs) continue;
    starvation.push({ name: 'Starvation Start', type: HEALTH_CHANGE, eventTime: e.from });
    const endMs = Math.min(Date.parse(e.to), session.endTime ? Date.parse(session.endTime) : Infinity);
    if (endMs <= nowMs) starvation.push({ name: 'Starvation End', type: HEALTH_CHANGE, eventTime: new Date(endMs).toISOString() });
  }
  if (starvation.length === 0) return session.truncatedEvents;
  // Stable: at the same instant the stored order (Session Created before Stream Start) is kept.
  return [...session.truncatedEvents, ...starvation].sort((a, b) => Date.parse(a.eventTime) - Date.parse(b.eventTime)).slice(-500);
}
