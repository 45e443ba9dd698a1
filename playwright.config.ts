import { defineConfig, devices } from '@playwright/test';
import { baseUrl as baseURL, E2E_DATA_DIR, E2E_EMULATOR_PORT, E2E_PORT, externalBaseUrl as external } from './e2e/servers';

// Real Chromium (Debian's; Playwright cannot download browsers here) against `next start` and a
// fresh local IVS emulator. Set E2E_BASE_URL to run against a server you already have (`next dev`).
const CI = !!process.env.CI;

export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/global-setup.ts',
  workers: 2,
  fullyParallel: false,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--no-sandbox'],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, dependencies: ['setup'] },
  ],
  webServer: external
    ? undefined
    : [
        {
          // No --state: every run starts from the same seeded emulator.
          command: `npx tsx emulator/cli.ts --port ${E2E_EMULATOR_PORT} --host 127.0.0.1 --seed 30`,
          url: `http://127.0.0.1:${E2E_EMULATOR_PORT}/_emulator/health`,
          reuseExistingServer: false,
          timeout: 60_000,
          stdout: 'ignore',
          stderr: 'pipe',
        },
        {
          command: `npx next start -p ${E2E_PORT}`,
          url: `http://localhost:${E2E_PORT}/api/health`,
          reuseExistingServer: false,
          timeout: 120_000,
          stdout: 'ignore',
          stderr: 'pipe',
          env: {
            IVS_MODE: 'local',
            IVS_LOCAL_PORT: String(E2E_EMULATOR_PORT),
            AUTH_SECRET: 'e2e-only-secret-not-for-production-0123456789',
            AUTH_URL: `http://localhost:${E2E_PORT}`,
            AUTH_TRUST_HOST: 'true',
            DATA_DIR: E2E_DATA_DIR,
          },
        },
      ],
});
