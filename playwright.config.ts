import { defineConfig, devices } from '@playwright/test';
import os from 'node:os';
import { GITHUB_ACCOUNTS, GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET, GITHUB_SECONDARY_ADMIN_EMAIL } from './e2e/github-accounts';
import { E2E_CRON_SECRET, E2E_EVENTBRIDGE_SECRET } from './e2e/eventbridge-secret';
import { OIDC_ACCOUNTS, OIDC_ADMIN_GROUP, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_OPERATOR_GROUP } from './e2e/oidc-accounts';
import { CONSOLE_NODE_ENV, CONSOLE_NODE_FLAGS } from './scripts/node-flags.mjs';
import {
  awsBaseUrl,
  baseUrl as baseURL,
  E2E_AWS_DATA_DIR,
  E2E_AWS_PORT,
  E2E_DATA_DIR,
  E2E_EMULATOR_PORT,
  E2E_PORT,
  emulatorUrl,
  externalBaseUrl as external,
  githubEnterpriseUrl,
  oidcIssuerUrl,
} from './e2e/servers';

// Real Chromium (Debian's; Playwright cannot download browsers here) against `next start` and a
// fresh local IVS emulator; a second `next start` of the same build runs in aws mode with sign-in
// through a local OpenID Connect issuer (e2e/aws-mode.spec.ts) and a stand-in GitHub Enterprise
// Server (e2e/github-sign-in.spec.ts). Set E2E_BASE_URL to run against a server you already have
// (`next dev`); those specs are skipped then.
const CI = !!process.env.CI;

// The console as `npm start` and the image run it, with the Node flags and environment that keep its
// memory down (scripts/node-flags.mjs says why).
const NEXT_START = `node ${CONSOLE_NODE_FLAGS.join(' ')} node_modules/next/dist/bin/next start`;

// What the machine can carry. Besides Chromium the suite runs two `next start`s, the emulator, an
// OpenID Connect issuer and a GitHub stand-in, all on this machine. On 2 cores with one of them kept
// busy, 2 workers took 7.6 min and their tests 774 s added up, one of them past its time twice;
// 1 worker took 9.1 min and 474 s, none late. A second browser there buys little and makes every
// page slower, so one worker per two cores, at most 2.
const workers = Math.max(1, Math.min(2, Math.floor(os.availableParallelism() / 2)));

// Budgets for the slowest machine the suite is meant for (2 cores, one busy with something else),
// with room to spare: there a sign-in through an identity provider's form took up to 12 s and a
// page's first view after start-up several seconds, so a test gets 60 s and one expectation 15 s.
// Specs wait on what a user waits on (a URL, a visible state, a response), never on a fixed delay,
// and a test that needs longer says so itself (test.describe.configure({ timeout })).
// The servers answer every route once before the first test (e2e/warm-up.ts).

export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/global-setup.ts',
  workers,
  fullyParallel: false,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  timeout: 60_000,
  expect: { timeout: 15_000 },
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
          // No --state: every run starts from the same seeded emulator. It also sends its streams' EventBridge
          // events to the console's intake, so each happening reaches the console twice (EventBridge and the
          // watcher) and e2e/events.spec.ts sees it once.
          command:
            `npx tsx emulator/cli.ts --port ${E2E_EMULATOR_PORT} --host 127.0.0.1 --seed 30 ` +
            `--eventbridge-url http://localhost:${E2E_PORT}/api/events/eventbridge --eventbridge-secret ${E2E_EVENTBRIDGE_SECRET}`,
          url: `http://127.0.0.1:${E2E_EMULATOR_PORT}/_emulator/health`,
          reuseExistingServer: false,
          timeout: 60_000,
          stdout: 'ignore',
          stderr: 'pipe',
        },
        {
          command: `node e2e/fresh-data-dir.mjs ${E2E_DATA_DIR} && ${NEXT_START} -p ${E2E_PORT}`,
          url: `http://localhost:${E2E_PORT}/api/health`,
          reuseExistingServer: false,
          timeout: 120_000,
          stdout: 'ignore',
          stderr: 'pipe',
          env: {
            ...CONSOLE_NODE_ENV,
            IVS_MODE: 'local',
            IVS_LOCAL_PORT: String(E2E_EMULATOR_PORT),
            AUTH_SECRET: 'e2e-only-secret-not-for-production-0123456789',
            AUTH_URL: `http://localhost:${E2E_PORT}`,
            AUTH_TRUST_HOST: 'true',
            DATA_DIR: E2E_DATA_DIR,
            // The event watcher looks every 2 s, so e2e/events.spec.ts sees its events within seconds.
            EVENTS_WATCH_SECONDS: '2',
            // The EventBridge intake on, and alert notifications sent every second (e2e/alerts.spec.ts).
            EVENTBRIDGE_SECRET: E2E_EVENTBRIDGE_SECRET,
            ALERTS_DISPATCH_SECONDS: '1',
            // What Vercel Cron would call (e2e/events.spec.ts calls it as Vercel does).
            CRON_SECRET: E2E_CRON_SECRET,
          },
        },
        {
          // The issuer for the aws-mode console below (e2e/aws-mode.spec.ts).
          command: 'npx tsx e2e/oidc-issuer.ts',
          url: `${oidcIssuerUrl}/.well-known/openid-configuration`,
          reuseExistingServer: false,
          timeout: 60_000,
          stdout: 'ignore',
          stderr: 'pipe',
        },
        {
          // The GitHub Enterprise Server stand-in for the same console (e2e/github-sign-in.spec.ts).
          command: 'npx tsx e2e/github-oauth.ts',
          url: `${githubEnterpriseUrl}/status`,
          reuseExistingServer: false,
          timeout: 60_000,
          stdout: 'ignore',
          stderr: 'pipe',
        },
        {
          // The same build in aws mode: IVS through IVS_ENDPOINT (the emulator, with the keys it accepts
          // passed the way real AWS keys are, through the SDK's credential chain), sign-in via OIDC or GitHub.
          command: `node e2e/fresh-data-dir.mjs ${E2E_AWS_DATA_DIR} && ${NEXT_START} -p ${E2E_AWS_PORT}`,
          url: `${awsBaseUrl}/api/health`,
          reuseExistingServer: false,
          timeout: 120_000,
          stdout: 'ignore',
          stderr: 'pipe',
          env: {
            ...CONSOLE_NODE_ENV,
            IVS_MODE: 'aws',
            AWS_REGION: 'us-west-2',
            IVS_ENDPOINT: emulatorUrl,
            // Stream-health metrics from the emulator's CloudWatch too: no test reaches real AWS.
            CLOUDWATCH_ENDPOINT: emulatorUrl,
            AWS_ACCESS_KEY_ID: 'test',
            AWS_SECRET_ACCESS_KEY: 'test',
            // The emulator's account, carried by the credentials as real ones can: no STS call to AWS.
            AWS_ACCOUNT_ID: '123456789012',
            AUTH_SECRET: 'e2e-only-aws-mode-secret-not-for-production-9876543210',
            AUTH_URL: awsBaseUrl,
            AUTH_OIDC_ISSUER: oidcIssuerUrl,
            AUTH_OIDC_ID: OIDC_CLIENT_ID,
            AUTH_OIDC_SECRET: OIDC_CLIENT_SECRET,
            AUTH_OIDC_NAME: 'Test IdP',
            AUTH_GITHUB_ID: GITHUB_CLIENT_ID,
            AUTH_GITHUB_SECRET: GITHUB_CLIENT_SECRET,
            AUTH_GITHUB_ENTERPRISE_URL: githubEnterpriseUrl,
            ROLE_ADMIN_GROUPS: OIDC_ADMIN_GROUP,
            ROLE_OPERATOR_GROUPS: OIDC_OPERATOR_GROUP,
            // Each matches by email only if the provider says the address is verified (they say not),
            // and the GitHub user's secondary address must not count, only the primary one.
            ROLE_ADMIN_EMAILS: [
              OIDC_ACCOUNTS.unverified.email,
              GITHUB_ACCOUNTS.admin.emails[0].email,
              GITHUB_ACCOUNTS.unverified.emails[0].email,
              GITHUB_SECONDARY_ADMIN_EMAIL,
            ].join(','),
            ROLE_OPERATOR_EMAILS: GITHUB_ACCOUNTS.operator.emails[0].email,
            ROLE_VIEWER_EMAILS: GITHUB_ACCOUNTS.privateEmail.emails[1].email,
            ROLE_DEFAULT: '',
            DATA_DIR: E2E_AWS_DATA_DIR,
            // Its own store: a second watcher of the same emulator would only add calls no spec needs.
            EVENTS_WATCH_SECONDS: '0',
          },
        },
      ],
});
