import { clockTime, toMs } from '../series';
import { decodeEvent, EVENTBRIDGE_DOC, STARVATION_START } from '../stream-events';
import type { Finding } from '../types';
import type { RuleContext } from './context';

/** Every event that is more than routine (a failure, a takeover, a code, a limit breach), decoded, grouped by name and code. */
export function streamEventsRule({ input }: RuleContext): Finding[] {
  const groups = new Map<string, { times: number[]; decoded: ReturnType<typeof decodeEvent> }>();
  for (const e of input.events ?? []) {
    const decoded = decodeEvent(e);
    // Starvation has its own rule, which counts and times the episodes.
    if (decoded.severity === 'info' || decoded.name === STARVATION_START) continue;
    const key = `${decoded.name}|${decoded.code}`;
    const group = groups.get(key) ?? { times: [], decoded };
    const t = toMs(e.eventTime);
    if (t !== null) group.times.push(t);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ times, decoded }) => {
    times.sort((a, b) => a - b);
    const count = Math.max(1, times.length);
    const when = times.length ? `, last at ${clockTime(times[times.length - 1])}` : '';
    return {
      id: `event:${decoded.name}${decoded.code ? `:${decoded.code}` : ''}`,
      severity: decoded.severity,
      title: `${decoded.name || 'Stream event'}${decoded.code ? ` (${decoded.code})` : ''}`,
      detail: `${decoded.line} Seen ${count === 1 ? 'once' : `${count} times`}${when}.`,
      fix: decoded.fix ?? `Look the event up in the IVS EventBridge documentation (${EVENTBRIDGE_DOC}).`,
      window: times.length ? { start: times[0], end: times[times.length - 1] } : null,
    };
  });
}
