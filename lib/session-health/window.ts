// The time window a stream session's charts and diagnosis cover (client-safe, pure).

// A little air either side of the session, so its first and last points are not on the chart's edge.
const MARGIN_SHARE = 0.05;
const MIN_MARGIN_MS = 30_000;
const MAX_MARGIN_MS = 5 * 60_000;

export interface SessionWindow {
  /** Epoch ms of the chart's x range (session start minus the margin). */
  start: number;
  /** Session end plus the margin, never past `now`; `now` itself while the session is live. */
  end: number;
  /** The session itself: start to end, or to `now` while live. */
  sessionStart: number;
  sessionEnd: number;
  live: boolean;
}

const ms = (iso: string | null | undefined): number | null => {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? t : null;
};

/** The session's own window with a small margin: startTime to endTime, or to now while it is live. */
export function sessionWindow(startTime: string | null, endTime: string | null, now: number): SessionWindow {
  const live = !endTime;
  const sessionEnd = Math.min(ms(endTime) ?? now, now);
  const sessionStart = Math.min(ms(startTime) ?? sessionEnd, sessionEnd);
  const margin = Math.round(Math.min(MAX_MARGIN_MS, Math.max(MIN_MARGIN_MS, (sessionEnd - sessionStart) * MARGIN_SHARE)) / 1000) * 1000;
  // Whole seconds: CloudWatch's periods start on them, and a window that moves by milliseconds on every
  // poll would re-bucket nothing but still look different in a cache key.
  const floor = (t: number) => Math.floor(t / 1000) * 1000;
  return {
    start: floor(sessionStart - margin),
    end: floor(live ? now : Math.min(sessionEnd + margin, now)),
    sessionStart,
    sessionEnd,
    live,
  };
}
