import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

// First-load JS per page of a production build, as a browser on a cold cache downloads it: Next lists
// each route's first-load chunks in .next/diagnostics/route-bundle-stats.json; each chunk is weighed
// gzipped at level 9 and the route's chunks are summed. `/_not-found` is a bare Next page (framework,
// router, root layout), so every other page is held to a multiple of it: what a page adds on top of
// Next itself is what this budget limits. (It was `/` until `/` became the account overview, whose
// console shell would have loosened every budget by 6 % without a word.) Used by `npm run bench -- page-weight` and test/build/page-weight.

export const STATS_FILE = path.join('.next', 'diagnostics', 'route-bundle-stats.json');
export const BASELINE_ROUTE = '/_not-found';
export const BUDGET_RATIO = 1.25;

/**
 * Pages held, for now, to a looser ratio than BUDGET_RATIO, each with why and the way to remove it.
 * Empty: the channel page and the token generator were, until their form checks (zod) moved out of
 * the first load (components/forms/use-lazy-module loads them when a form is first used).
 */
export const BUDGET_EXCEPTIONS: Record<string, { ratio: number; why: string }> = {};

export interface RouteBundleStat {
  route: string;
  firstLoadChunkPaths: string[];
}

export interface RouteWeight {
  route: string;
  /** Sum of the gzip -9 sizes of the route's first-load chunks, in bytes. */
  bytes: number;
  /** bytes / the baseline route's bytes. */
  ratio: number;
  /** The most the route may weigh: BUDGET_RATIO (or its BUDGET_EXCEPTIONS ratio) x the baseline, in bytes. */
  budget: number;
  pass: boolean;
  /** Chunks the baseline route does not load, heaviest first: what the page adds. */
  extra: Array<{ chunk: string; bytes: number }>;
}

/** The build's route stats; throws (never returns empty) when there is no build to read. */
export function readRouteBundleStats(root: string): RouteBundleStat[] {
  const file = path.join(root, STATS_FILE);
  if (!existsSync(file)) throw new Error(`No production build: ${file} is missing. Run \`npx next build\` first.`);
  const stats = JSON.parse(readFileSync(file, 'utf8')) as RouteBundleStat[];
  if (!Array.isArray(stats) || !stats.length) throw new Error(`${file} lists no routes.`);
  return stats;
}

/** gzip -9 size of each chunk file, relative to the project root (as the stats name them). */
export function gzipSizer(root: string): (chunk: string) => number {
  const sizes = new Map<string, number>();
  return (chunk) => {
    let size = sizes.get(chunk);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(root, chunk)), { level: 9 }).length;
      sizes.set(chunk, size);
    }
    return size;
  };
}

/** Every route's first-load weight against the budget, heaviest first. */
export function weighRoutes(stats: RouteBundleStat[], sizeOf: (chunk: string) => number, ratio = BUDGET_RATIO): RouteWeight[] {
  const baseline = stats.find((s) => s.route === BASELINE_ROUTE);
  if (!baseline) throw new Error(`The build has no ${BASELINE_ROUTE} route to compare the pages with.`);
  const sum = (chunks: string[]) => chunks.reduce((total, chunk) => total + sizeOf(chunk), 0);
  const baseBytes = sum(baseline.firstLoadChunkPaths);
  const baseChunks = new Set(baseline.firstLoadChunkPaths);
  return stats
    .map(({ route, firstLoadChunkPaths: chunks }) => {
      const budget = Math.floor(baseBytes * (ratio === BUDGET_RATIO ? (BUDGET_EXCEPTIONS[route]?.ratio ?? ratio) : ratio));
      const bytes = sum(chunks);
      const extra = chunks
        .filter((chunk) => !baseChunks.has(chunk))
        .map((chunk) => ({ chunk, bytes: sizeOf(chunk) }))
        .sort((a, b) => b.bytes - a.bytes);
      return { route, bytes, ratio: bytes / baseBytes, budget, pass: bytes <= budget, extra };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

/** The build in `root`, weighed. */
export function pageWeights(root: string): RouteWeight[] {
  return weighRoutes(readRouteBundleStats(root), gzipSizer(root));
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The pages that chart stream health, weighed against the channel list (issue 13: charts load only there). */
export const CHARTED_ROUTES = ['/channels/[id]', '/channels/[id]/sessions/[streamId]'] as const;
export const CHART_BASELINE_ROUTE = '/channels';

export interface RouteComparison {
  route: string;
  bytes: number;
  /** bytes / the baseline route's bytes. */
  ratio: number;
  /** What the route loads that the baseline does not, in bytes (gzip -9, summed). */
  extraBytes: number;
}

/** Each of `routes` against `baseline` (all weighed by weighRoutes); throws when the build lacks one. */
export function compareWith(weights: RouteWeight[], baseline: string, routes: readonly string[]): RouteComparison[] {
  const find = (route: string) => {
    const w = weights.find((r) => r.route === route);
    if (!w) throw new Error(`The build has no ${route} route.`);
    return w;
  };
  const base = find(baseline);
  const baseChunks = new Set(base.extra.map((c) => c.chunk));
  return routes.map((route) => {
    const w = find(route);
    // extra lists chunks beyond `/`; beyond the baseline is that minus what the baseline adds itself.
    const extraBytes = w.extra.filter((c) => !baseChunks.has(c.chunk)).reduce((sum, c) => sum + c.bytes, 0);
    return { route, bytes: w.bytes, ratio: w.bytes / base.bytes, extraBytes };
  });
}
