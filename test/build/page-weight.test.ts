import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASELINE_ROUTE, BUDGET_RATIO, kb, pageWeights } from '../../scripts/page-weight';

// Needs a production build (`npx next build`); npm test runs this right after its build step, as the
// `build` vitest project. Without a build it fails, it does not skip: sizes are deterministic, so a
// page that grows past its budget fails here every time. `npm run bench -- page-weight` prints the table.
const routes = pageWeights(path.resolve(__dirname, '../..'));

describe(`first-load JS of every page stays within ${BUDGET_RATIO}x of ${BASELINE_ROUTE} (gzip -9)`, () => {
  it.each(routes.map((r) => [r.route, r] as const))('%s', (_route, r) => {
    const adds = r.extra.map((c) => `${path.basename(c.chunk)} ${kb(c.bytes)}`).join(', ');
    expect(
      r.bytes,
      `${r.route} loads ${kb(r.bytes)} (${r.ratio.toFixed(2)}x); the budget is ${kb(r.budget)}. Beyond ${BASELINE_ROUTE}: ${adds}`,
    ).toBeLessThanOrEqual(r.budget);
  });
});
