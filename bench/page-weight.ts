import {
  BASELINE_ROUTE,
  BUDGET_EXCEPTIONS,
  BUDGET_RATIO,
  CHART_BASELINE_ROUTE,
  CHARTED_ROUTES,
  compareWith,
  kb,
  pageWeights,
} from '../scripts/page-weight';
import { repoRoot } from './processes';
import { printTable } from './report';

// First-load JS of every page of the existing build (run `npx next build` first), gzip -9 per chunk,
// against BUDGET_RATIO x the bare `/` page. test/build/page-weight.test.ts fails on the same numbers.
export async function run(): Promise<void> {
  const routes = pageWeights(repoRoot);
  console.log(`\nFirst-load JS per route (gzip -9 per chunk, summed); budget ${BUDGET_RATIO}x ${BASELINE_ROUTE} (* an exception, below):`);
  printTable(
    routes.map((r) => ({
      metric: r.route,
      value: `${kb(r.bytes)}  ${r.ratio.toFixed(2)}x`,
      target: `<= ${kb(r.budget)}${BUDGET_EXCEPTIONS[r.route] ? ` (${BUDGET_EXCEPTIONS[r.route].ratio}x *)` : ''}`,
      pass: r.pass,
    })),
  );
  for (const [route, { ratio, why }] of Object.entries(BUDGET_EXCEPTIONS)) console.log(`* ${route} is held to ${ratio}x for now: ${why}`);
  // What the heaviest page loads beyond `/`, to show where its weight comes from.
  const [heaviest] = routes;
  if (heaviest.extra.length) {
    console.log(
      `\n${heaviest.route} loads beyond ${BASELINE_ROUTE}: ${heaviest.extra.map((c) => `${c.chunk.split('/').pop()} ${kb(c.bytes)}`).join(', ')}`,
    );
  }
  // The charted pages against the channel list, whatever charts the build holds (issue 13).
  console.log(`\nFirst-load JS of the charted pages against ${CHART_BASELINE_ROUTE} (gzip -9 per chunk, summed):`);
  printTable(
    compareWith(routes, CHART_BASELINE_ROUTE, CHARTED_ROUTES).map((c) => ({
      metric: c.route,
      value: `${kb(c.bytes)}  ${c.ratio.toFixed(2)}x ${CHART_BASELINE_ROUTE} (+${kb(c.extraBytes)} not in ${CHART_BASELINE_ROUTE})`,
    })),
  );
  const base = routes.find((r) => r.route === CHART_BASELINE_ROUTE)!;
  console.log(`${CHART_BASELINE_ROUTE}: ${kb(base.bytes)} (${base.bytes} bytes)`);
}
