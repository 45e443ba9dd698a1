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

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ['components/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [UP_TO_APP] }] },
  },
  {
    files: ['lib/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [UP_TO_APP, UP_TO_COMPONENTS] }] },
  },
  globalIgnores(['.next/**', 'out/**', 'build/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', '.data/**']),
]);
