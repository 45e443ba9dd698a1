import type { RegionState } from '../state';
import { CHANNEL_DIMENSION, CHANNEL_METRICS, NAMESPACE, REGION_METRICS } from './catalogue';
import { invalidNextToken, validationError } from './errors';
import { USAGE_METRICS } from './usage';

const PAGE = 500;
// ListMetrics shows metrics with data in the last two weeks; RecentlyActive=PT3H the last 3 hours.
const LISTED_FOR_MS = 14 * 86400_000;
const RECENT_MS = 3 * 3600_000;

interface MetricOut {
  Namespace: string;
  MetricName: string;
  Dimensions: { Name: string; Value: string }[];
}

function activeSince(state: RegionState, sinceMs: number, nowMs: number): { channelIds: string[]; any: boolean } {
  const channelIds: string[] = [];
  for (const [arn, sessions] of state.sessions) {
    if (sessions.some((s) => (s.endTime ? Date.parse(s.endTime) : nowMs) >= sinceMs)) channelIds.push(arn.slice(arn.lastIndexOf('/') + 1));
  }
  return { channelIds, any: channelIds.length > 0 };
}

export function listMetrics(state: RegionState, input: Record<string, unknown>, now: Date): Record<string, unknown> {
  const { Namespace, MetricName, Dimensions = [], NextToken, RecentlyActive } = input;
  if (RecentlyActive !== undefined && RecentlyActive !== 'PT3H')
    throw validationError('The value for parameter RecentlyActive must be PT3H.');
  if (!Array.isArray(Dimensions) || Dimensions.length > 30)
    throw validationError('The parameter Dimensions must be a list of at most 30 filters.');
  const nowMs = now.getTime();
  const { channelIds, any } = activeSince(state, nowMs - (RecentlyActive ? RECENT_MS : LISTED_FOR_MS), nowMs);
  const all: MetricOut[] = [];
  for (const id of channelIds)
    for (const m of [...CHANNEL_METRICS, ...USAGE_METRICS])
      all.push({ Namespace: NAMESPACE, MetricName: m, Dimensions: [{ Name: CHANNEL_DIMENSION, Value: id }] });
  if (any) for (const m of [...REGION_METRICS, ...USAGE_METRICS]) all.push({ Namespace: NAMESPACE, MetricName: m, Dimensions: [] });
  const filters = Dimensions as { Name?: string; Value?: string }[];
  const matching = all.filter(
    (m) =>
      (Namespace === undefined || m.Namespace === Namespace) &&
      (MetricName === undefined || m.MetricName === MetricName) &&
      filters.every((f) => m.Dimensions.some((d) => d.Name === f.Name && (f.Value === undefined || d.Value === f.Value))),
  );
  let offset = 0;
  if (NextToken !== undefined) {
    offset = typeof NextToken === 'string' && /^\d+$/.test(NextToken) ? Number(NextToken) : -1;
    if (offset <= 0 || offset >= matching.length) throw invalidNextToken();
  }
  const page = matching.slice(offset, offset + PAGE);
  return { Metrics: page, ...(offset + PAGE < matching.length ? { NextToken: String(offset + PAGE) } : {}) };
}
