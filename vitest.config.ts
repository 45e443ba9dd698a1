import { defineConfig } from 'vitest/config';
import path from 'node:path';

// Three suites: fast unit tests beside the code, the emulator contract suite that drives the
// real @aws-sdk/client-ivs over HTTP, and checks of the production build.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname), 'server-only': path.resolve(__dirname, 'test/server-only-stub.ts') } },
  test: {
    // As the console runs (scripts/start.mjs): the embedded store's WebAssembly is never compiled a second
    // time by V8's optimising tier, which cost memory and, here, a sixth of the store tests' time (69.9 s
    // against 57.8 s for lib/store, lib/jobs, lib/audit and lib/events on two cores).
    execArgv: ['--liftoff-only'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{lib,components,app,emulator,scripts}/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
          exclude: ['emulator/contract/**', 'test/build/**', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        // Checks of the production build (page weight): they need `next build` first, so npm test runs
        // them after its build step (`npm run test:build`).
        extends: true,
        test: { name: 'build', include: ['test/build/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'contract', include: ['emulator/contract/**/*.test.ts'], environment: 'node', testTimeout: 20_000 },
      },
    ],
  },
});
