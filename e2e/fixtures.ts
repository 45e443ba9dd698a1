import { test as base, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { IvsClient } from '@aws-sdk/client-ivs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { FaultScope } from '../emulator/fault-scope';
import { baseUrl, emulatorUrl } from './servers';

export { expect, emulatorUrl };

export type Role = 'admin' | 'operator' | 'viewer';
export const ROLES: Role[] = ['admin', 'operator', 'viewer'];
export const DEMO_PASSWORD = 'local';

// Sessions are only valid for the server (and AUTH_SECRET) that issued them, and browsers share
// localhost cookies across ports, so each server gets its own folder: a run against `next dev` on
// :3000 must not overwrite the sessions of a run against the e2e server on :3100.
const authDir = path.join(__dirname, '.auth', new URL(baseUrl).host.replace(/[^\w.-]/g, '_'));

/** The storageState file the setup project saved for a role: `test.use({ storageState: asRole('operator') })`. */
export function asRole(role: Role): string {
  return path.join(authDir, `${role}.json`);
}

/** A name no other spec (or retry) uses, since all specs share one emulator. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/**
 * Pins this browser context to a region: the ivs-region cookie wins over the user's saved choice,
 * which other specs (the region switch test among them) change while this one runs.
 */
export async function pinRegion(context: BrowserContext, baseURL: string | undefined, region = 'us-west-2'): Promise<void> {
  await context.addCookies([{ name: 'ivs-region', value: region, url: baseURL ?? 'http://localhost:3000' }]);
}

/**
 * A sign-in the console refused: back on /login with `error` in the URL and its reason shown, and
 * still no way into a page (the sign-in button is offered again).
 */
export async function expectRefusedAtLogin(page: Page, error: string, reason: RegExp, signInButton: Locator): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`/login\\?.*error=${error}`));
  await expect(page.getByRole('alert').filter({ hasText: reason })).toBeVisible();
  await page.goto('/channels');
  await expect(page).toHaveURL(/\/login/);
  await expect(signInButton).toBeVisible();
}

/** The id at the end of an IVS ARN (e2e works it out itself rather than through the app's lib/ivs/arn.ts). */
export function idOf(arn: string): string {
  return arn.split('/').pop()!;
}

/** Signs in through the real login page and waits until the console has taken over. */
export async function signIn(page: Page, role: Role, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Username').fill(role);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

async function control(method: string, route: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${emulatorUrl}/_emulator/${route}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`emulator ${method} /_emulator/${route} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

// Which resource a fault is for. Specs in the other worker share the emulator: a scoped fault fails
// only calls acting on `resourceArn` (or the create call named `resourceName`), never theirs.
const faultQuery = (operation: string, scope: FaultScope) =>
  new URLSearchParams(Object.entries({ operation, ...scope }).filter((e): e is [string, string] => e[1] !== undefined));

export interface StreamOptions {
  health?: 'HEALTHY' | 'STARVING' | 'UNKNOWN';
  viewerCount?: number;
}

/** The emulator's control API: simulate broadcasts, count calls, inject faults. */
export const emulator = {
  url: emulatorUrl,
  startStream: (channelArn: string, opts: StreamOptions = {}) => control('POST', 'streams/start', { channelArn, ...opts }),
  stopStream: (channelArn: string) => control('POST', 'streams/stop', { channelArn }),
  /** Calls per IVS operation since the last reset, e.g. `{ ListChannels: 3 }`. */
  // GET /_emulator/requests answers a bare map of operation -> calls (emulator/control.ts).
  requestCounts: async () => (await control('GET', 'requests')) as Record<string, number>,
  resetRequestCounts: () => control('POST', 'requests/reset'),
  injectFault: (operation: string, error: string, count = 1, scope: FaultScope = {}) =>
    control('POST', 'faults', { operation, error, count, ...scope }),
  /** IVS applies the call, then its answer is lost: a 500, or with 'DropConnection' no answer at all. */
  injectFaultAfter: (operation: string, error: string, scope: FaultScope = {}) =>
    control('POST', 'faults', { operation, error, count: 1, ...scope, when: 'after' }),
  // Only that operation's faults with that scope: specs in the other worker may have queued their own.
  clearFaults: (operation: string, scope: FaultScope = {}) => control('DELETE', `faults?${faultQuery(operation, scope)}`),
};

/** An IVS client for the e2e emulator, for specs that make their own resources. */
export function ivs(): IvsClient {
  return new IvsClient({
    endpoint: emulatorUrl,
    region: 'us-west-2',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
}

export const test = base.extend<{ ivs: IvsClient }>({
  // Per-test client, destroyed afterwards so sockets do not outlive the test. (The second argument is
  // Playwright's `use`, renamed so the React hooks lint rule does not mistake it for React's.)
  ivs: async ({}, provide) => {
    const client = ivs();
    await provide(client);
    client.destroy();
  },
});
