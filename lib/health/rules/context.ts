import { limitsFor, type ChannelTypeLimits } from '../channel-limits';
import { pointsOf, periodOf, toMs } from '../series';
import type { DiagnosisInput, Finding, WindowScope } from '../types';

/** What every rule sees: the input, its channel type's limits, and the window the metric rules judge. */
export interface RuleContext {
  input: DiagnosisInput;
  limits: ChannelTypeLimits;
  /** End of the window, epoch ms. */
  end: number;
  windowMs: number;
  scope: WindowScope;
}

export type Rule = (ctx: RuleContext) => Finding[];

export const DEFAULT_WINDOW_MS = 10 * 60_000;

/** The window ends at `now`, else at the end of the newest metric point, else at the newest event. */
export function contextFor(input: DiagnosisInput): RuleContext {
  const ends = Object.values(input.metrics ?? {}).map((s) => {
    const points = pointsOf(s);
    return points.length ? points[points.length - 1].t + periodOf(points) : -Infinity;
  });
  const eventTimes = (input.events ?? []).map((e) => toMs(e.eventTime) ?? -Infinity);
  const latest = Math.max(-Infinity, ...ends, ...eventTimes);
  return {
    input,
    limits: limitsFor(input.channelType),
    end: input.now ?? (Number.isFinite(latest) ? latest : 0),
    windowMs: input.windowMs ?? DEFAULT_WINDOW_MS,
    scope: input.windowScope ?? 'recent',
  };
}
