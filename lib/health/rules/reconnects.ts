import { formatDuration, toMs } from '../series';
import { SESSION_CREATED, SESSION_ENDED, STREAM_END, STREAM_START } from '../stream-events';
import type { Finding } from '../types';
import type { RuleContext } from './context';

// A start this soon after the previous session ended is a reconnect, not a new broadcast.
export const RECONNECT_GAP_MS = 2 * 60_000;
// Reconnects counted within this window; 2 is a warning, 3 or more a loop.
export const RECONNECT_WINDOW_MS = 15 * 60_000;
export const RECONNECT_WARNING = 2;
export const RECONNECT_CRITICAL = 3;

interface Span {
  start: number;
  end: number | null;
}

/** Session spans from ListStreamSessions when given, else paired from the events (Session Created/Ended, else Stream Start/End). */
export function sessionSpans(ctx: RuleContext): Span[] {
  const given = (ctx.input.sessions ?? [])
    .map((s) => ({ start: toMs(s.startTime), end: toMs(s.endTime) }))
    .filter((s): s is Span => s.start !== null);
  if (given.length) return given.sort((a, b) => a.start - b.start);
  const events = (ctx.input.events ?? []).map((e) => ({ name: e.name ?? '', t: toMs(e.eventTime) })).filter((e) => e.t !== null);
  const hasSession = events.some((e) => e.name === SESSION_CREATED || e.name === SESSION_ENDED);
  const [open, close] = hasSession ? [SESSION_CREATED, SESSION_ENDED] : [STREAM_START, STREAM_END];
  const spans: Span[] = [];
  for (const e of events.filter((x) => x.name === open || x.name === close).sort((a, b) => a.t! - b.t! || (a.name === close ? -1 : 1))) {
    const last = spans.at(-1);
    if (e.name === open) spans.push({ start: e.t!, end: null });
    else if (last && last.end === null) last.end = e.t!;
  }
  return spans;
}

/** The encoder connecting, dropping and connecting again: a flaky uplink, or two encoders fighting over one key. */
export function reconnectRule(ctx: RuleContext): Finding[] {
  const spans = sessionSpans(ctx);
  const reconnects = spans
    .slice(1)
    .map((s, i) => ({ at: s.start, gap: spans[i].end === null ? null : s.start - spans[i].end! }))
    .filter((r) => r.gap !== null && r.gap >= 0 && r.gap <= RECONNECT_GAP_MS) as { at: number; gap: number }[];
  // The most reconnects within one window.
  let best: typeof reconnects = [];
  for (let i = 0, j = 0; i < reconnects.length; i++) {
    while (reconnects[i].at - reconnects[j].at > RECONNECT_WINDOW_MS) j++;
    if (i - j + 1 > best.length) best = reconnects.slice(j, i + 1);
  }
  if (best.length < RECONNECT_WARNING) return [];
  const loop = best.length >= RECONNECT_CRITICAL;
  const first = best[0].at;
  const last = best[best.length - 1].at;
  return [
    {
      id: 'reconnect-loop',
      severity: loop ? 'critical' : 'warning',
      title: loop ? 'The encoder is in a reconnect loop' : 'The encoder reconnected',
      detail:
        `The encoder reconnected ${best.length} times in ${formatDuration(Math.max(last - first, 1000))} ` +
        `(offline ${best.map((r) => formatDuration(r.gap)).join(', ')} before each). Each reconnect interrupts viewers.`,
      fix:
        'Check that only one encoder uses this stream key (two encoders knock each other off), that the stream stays within the ' +
        "channel type's limits (IVS disconnects streams over them), and the broadcaster's network.",
      window: { start: first - best[0].gap, end: last },
    },
  ];
}
