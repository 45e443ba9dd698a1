import { defineConfig } from 'vitest/config';
import path from 'node:path';

// Two suites: fast unit tests beside the code, and the emulator contract suite that drives the
// real @aws-sdk/client-ivs over HTTP.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname), 'server-only': path.resolve(__dirname, 'test/server-only-stub.ts') } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['{lib,components,app,emulator,scripts}/**/*.test.{ts,tsx}', 'test/**/*.test.ts'], exclude: ['emulator/contract/**', 'node_modules/**'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'contract', include: ['emulator/contract/**/*.test.ts'], environment: 'node', testTimeout: 20_000 },
      },
    ],
  },
});
