import type { LiveStream } from '../records';
import type { RegionState } from '../state';

// A stream is STARVING while a `starve` episode of its session lasts, whatever health it was started
// or set with, so GetStream and ListStreams agree with the metrics.
export function effectiveHealth(state: RegionState, live: LiveStream, nowMs: number): string {
  const session = state.sessions.get(live.channelArn)?.find((s) => s.streamId === live.streamId);
  const starving = session?.signal?.episodes.some((e) => e.kind === 'starve' && Date.parse(e.from) <= nowMs && nowMs < Date.parse(e.to));
  return starving ? 'STARVING' : live.health;
}
