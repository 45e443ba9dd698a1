import { createHash } from 'node:crypto';
import type { RegionState } from '../state';
import { isValidPeriod } from './catalogue';
import { invalidNextToken, missingParameter, validationError } from './errors';
import { SeriesIndex, type MetricRef } from './series';
import { aggregate, isValidStat } from './stats';

export const MAX_QUERIES = 500;
export const DEFAULT_MAX_DATAPOINTS = 100_800;
const MAX_PERIODS_PER_QUERY = 100_800;
const ID_PATTERN = /^[a-z][a-zA-Z0-9_]{0,254}$/;

interface Query {
  Id: string;
  Label?: string;
  ReturnData?: boolean;
  MetricStat: { Metric: MetricRef; Period: number; Stat: string; Unit?: string };
}

interface Point {
  query: number;
  t: number; // seconds
  v: number;
}

// StartTime/EndTime arrive as epoch seconds (awsJson's default timestamp format).
function epochSeconds(v: unknown, name: string): number {
  if (v === undefined || v === null) throw missingParameter(name);
  if (typeof v !== 'number' || !Number.isFinite(v)) throw validationError(`The parameter ${name} must be a timestamp.`);
  return v;
}

function checkQueries(raw: unknown): Query[] {
  if (raw === undefined || raw === null) throw missingParameter('MetricDataQueries');
  if (!Array.isArray(raw)) throw validationError('The parameter MetricDataQueries must be a list.');
  if (raw.length === 0) throw validationError('The collection MetricDataQueries must not be empty.');
  if (raw.length > MAX_QUERIES) throw validationError(`The collection MetricDataQueries must not have a size greater than ${MAX_QUERIES}.`);
  const ids = new Set<string>();
  return raw.map((q: Record<string, unknown>, i) => {
    const at = `MetricDataQueries.member.${i + 1}`;
    if (typeof q?.Id !== 'string') throw missingParameter(`${at}.Id`);
    if (!ID_PATTERN.test(q.Id))
      throw validationError(
        `The value ${q.Id} for parameter ${at}.Id is invalid: it must start with a lowercase letter and contain only letters, digits and underscores.`,
      );
    if (ids.has(q.Id)) throw validationError(`The value ${q.Id} for parameter ${at}.Id is not unique.`);
    ids.add(q.Id);
    if (q.Expression !== undefined)
      throw validationError(`${at}: metric math Expression is not served by the local emulator; use MetricStat.`);
    const stat = q.MetricStat as Query['MetricStat'] | undefined;
    if (!stat) throw validationError(`${at} must contain exactly one of Expression and MetricStat.`);
    if (!stat.Metric?.MetricName) throw missingParameter(`${at}.MetricStat.Metric.MetricName`);
    if (!isValidPeriod(stat.Period)) {
      throw validationError(
        `The value ${String(stat.Period)} for parameter ${at}.MetricStat.Period is not a valid period. Valid values are 1, 5, 10, 20, 30, and any multiple of 60.`,
      );
    }
    if (typeof stat.Stat !== 'string' || !isValidStat(stat.Stat))
      throw validationError(`The value ${String(stat.Stat)} for parameter ${at}.MetricStat.Stat is not a valid statistic.`);
    return q as unknown as Query;
  });
}

// Period starts in [start, end): CloudWatch rounds StartTime down to the period (under a minute) or
// to the minute, so buckets fall on clock boundaries.
function bucketStarts(startSec: number, endSec: number, period: number): number[] {
  const first = Math.floor(startSec / Math.min(period, 60)) * Math.min(period, 60);
  // Not a CloudWatch limit: it keeps one local call from computing millions of empty periods.
  if ((endSec - first) / period > MAX_PERIODS_PER_QUERY) {
    throw validationError(
      `The local emulator computes at most ${MAX_PERIODS_PER_QUERY} periods per query; use a longer Period or a shorter time range.`,
    );
  }
  const out: number[] = [];
  for (let t = first; t < endSec; t += period) out.push(t);
  return out;
}

// The token names the request it continues (a hash of everything but NextToken), where it stopped,
// and the clock of the first page, so later pages of a live series do not shift under the reader.
function encodeToken(fingerprint: string, offset: number, asOfMs: number): string {
  return Buffer.from(JSON.stringify({ f: fingerprint, o: offset, a: asOfMs })).toString('base64url');
}

function decodeToken(token: unknown, fingerprint: string): { offset: number; asOfMs: number } {
  if (typeof token !== 'string') throw invalidNextToken();
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { f?: unknown; o?: unknown; a?: unknown };
    if (t.f === fingerprint && Number.isInteger(t.o) && (t.o as number) > 0 && Number.isFinite(t.a))
      return { offset: t.o as number, asOfMs: t.a as number };
  } catch {
    // reported below
  }
  throw invalidNextToken();
}

export function getMetricData(state: RegionState, input: Record<string, unknown>, now: Date): Record<string, unknown> {
  const queries = checkQueries(input.MetricDataQueries);
  const startSec = epochSeconds(input.StartTime, 'StartTime');
  const endSec = epochSeconds(input.EndTime, 'EndTime');
  if (startSec >= endSec) throw validationError('The parameter StartTime must be less than the parameter EndTime.');
  const scanBy = input.ScanBy ?? 'TimestampDescending';
  if (scanBy !== 'TimestampDescending' && scanBy !== 'TimestampAscending') {
    throw validationError(
      `The value ${String(scanBy)} for parameter ScanBy is invalid. Valid values are TimestampDescending, TimestampAscending.`,
    );
  }
  const maxDatapoints = input.MaxDatapoints ?? DEFAULT_MAX_DATAPOINTS;
  if (typeof maxDatapoints !== 'number' || !Number.isInteger(maxDatapoints) || maxDatapoints < 1) {
    throw validationError('The parameter MaxDatapoints must be a positive integer.');
  }
  const { NextToken: token, ...rest } = input;
  const fingerprint = createHash('sha256').update(JSON.stringify(rest)).digest('base64url').slice(0, 22);
  const { offset, asOfMs } = token === undefined ? { offset: 0, asOfMs: now.getTime() } : decodeToken(token, fingerprint);

  const index = new SeriesIndex(state, asOfMs);
  const points: Point[] = [];
  queries.forEach((q, i) => {
    if (q.ReturnData === false) return;
    const { Metric, Period, Stat } = q.MetricStat;
    for (const t of bucketStarts(startSec, endSec, Period)) {
      const v = aggregate(index.samples(Metric, t, Period), Stat);
      if (v !== undefined) points.push({ query: i, t, v });
    }
  });
  const sign = scanBy === 'TimestampAscending' ? 1 : -1;
  points.sort((a, b) => sign * (a.t - b.t) || a.query - b.query);
  if (offset > points.length) throw invalidNextToken();
  const page = points.slice(offset, offset + maxDatapoints);
  const more = offset + page.length < points.length;

  const byQuery = new Map<number, Point[]>();
  for (const p of page) {
    const list = byQuery.get(p.query);
    if (list) list.push(p);
    else byQuery.set(p.query, [p]);
  }
  const results = queries.flatMap((q, i) => {
    if (q.ReturnData === false) return [];
    const mine = byQuery.get(i) ?? [];
    return [
      {
        Id: q.Id,
        Label: q.Label ?? q.MetricStat.Metric.MetricName,
        Timestamps: mine.map((p) => p.t),
        Values: mine.map((p) => p.v),
        StatusCode: more ? 'PartialData' : 'Complete',
      },
    ];
  });
  return { MetricDataResults: results, ...(more ? { NextToken: encodeToken(fingerprint, offset + page.length, asOfMs) } : {}) };
}
