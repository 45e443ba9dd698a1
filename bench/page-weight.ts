import { BASELINE_ROUTE, BUDGET_EXCEPTIONS, BUDGET_RATIO, kb, pageWeights } from '../scripts/page-weight';
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
}
