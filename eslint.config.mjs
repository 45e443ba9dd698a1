import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { defineConfig, globalIgnores } from 'eslint/config';

// Dependencies point down: app/ -> components/ -> lib/. Shared code that reached into a route file
// broke whenever the route moved; a component that needs an action keeps it in its own folder.
const UP_TO_APP = {
  regex: String.raw`^(@/app|(\.\./)+app)(/|$)`,
  message: 'components/ and lib/ must not import from app/: move the code next to its user or pass it in as a prop.',
};
const UP_TO_COMPONENTS = {
  regex: String.raw`^(@/components|(\.\./)+components)(/|$)`,
  message: 'lib/ must not import from components/: move the shared code into lib/.',
};

// lib/ivs is the only code that talks to IVS; tests may drive the SDK themselves.
const IVS_SDK = {
  name: '@aws-sdk/client-ivs',
  message: 'Only lib/ivs talks to IVS: add a function there (it takes the region) and call that.',
};
// lib/metrics is the only code that reads CloudWatch.
const CLOUDWATCH_SDK = {
  name: '@aws-sdk/client-cloudwatch',
  message: 'Only lib/metrics reads CloudWatch: add a function there (it takes the region) and call that.',
};
// lib/quotas is the only code that reads Service Quotas.
const SERVICE_QUOTAS_SDK = {
  name: '@aws-sdk/client-service-quotas',
  message: 'Only lib/quotas reads Service Quotas: add a function there (it takes the region) and call that.',
};
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
// The SDK's paginate* helpers refuse the shared client when it was made by another bundle's copy of
// the SDK (which it is in the production server): page with lib/ivs/list-all.ts's pagesOf instead.
const IVS_PAGINATORS = {
  group: ['@aws-sdk/client-ivs'],
  importNamePattern: '^paginate',
  message: 'Page with pagesOf from lib/ivs/list-all.ts: the SDK paginators reject a client from another bundle.',
};

// One block per set of files, since a later block's options for the rule replace an earlier one's.
const restrict = (files, { ignores = [], patterns = [], paths = [] }) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns, paths }] },
});

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  restrict(['app/**'], { ignores: TESTS, paths: [IVS_SDK, CLOUDWATCH_SDK, SERVICE_QUOTAS_SDK] }),
  restrict(['components/**'], { patterns: [UP_TO_APP] }),
  restrict(['components/**'], { ignores: TESTS, patterns: [UP_TO_APP], paths: [IVS_SDK, CLOUDWATCH_SDK, SERVICE_QUOTAS_SDK] }),
  restrict(['lib/**'], { patterns: [UP_TO_APP, UP_TO_COMPONENTS, IVS_PAGINATORS] }),
  restrict(['lib/**'], {
    ignores: ['lib/ivs/**', 'lib/metrics/**', 'lib/quotas/**', ...TESTS],
    patterns: [UP_TO_APP, UP_TO_COMPONENTS],
    paths: [IVS_SDK, CLOUDWATCH_SDK, SERVICE_QUOTAS_SDK],
  }),
  restrict(['lib/ivs/**'], {
    ignores: TESTS,
    patterns: [UP_TO_APP, UP_TO_COMPONENTS, IVS_PAGINATORS],
    paths: [CLOUDWATCH_SDK, SERVICE_QUOTAS_SDK],
  }),
  restrict(['lib/metrics/**'], {
    ignores: TESTS,
    patterns: [UP_TO_APP, UP_TO_COMPONENTS, IVS_PAGINATORS],
    paths: [IVS_SDK, SERVICE_QUOTAS_SDK],
  }),
  restrict(['lib/quotas/**'], {
    ignores: TESTS,
    patterns: [UP_TO_APP, UP_TO_COMPONENTS, IVS_PAGINATORS],
    paths: [IVS_SDK, CLOUDWATCH_SDK],
  }),
  globalIgnores(['.next/**', 'out/**', 'build/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', '.data/**']),
]);
