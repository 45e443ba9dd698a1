import { CreateChannelCommand } from '@aws-sdk/client-ivs';
import type { APIRequestContext, Page } from '@playwright/test';
import { asRole, expect, idOf, pinRegion, signIn, test, uniqueName } from './fixtures';

// Sessions end on the server (lib/auth/sessions.ts): a copy of the session cookie taken before
// sign-out is refused afterwards by a page, a server action, a route handler and Auth.js's own
// session endpoint, which must not hand it a fresh cookie either.

const sessionCookie = /authjs\.session-token/;

async function signOut(page: Page) {
  const trigger = page.getByRole('button', { name: /account menu/i });
  await trigger.click();
  await page
    .locator(`[id="${await trigger.getAttribute('aria-controls')}"]`)
    .getByRole('button', { name: 'Sign out' })
    .click();
  await expect(page.getByLabel('Username')).toBeVisible();
}

/** A raw client with only the saved cookies, as someone who copied them would have. */
async function replay(
  playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } },
  baseURL: string,
  cookies: object[],
) {
  return playwright.request.newContext({ baseURL, storageState: { cookies, origins: [] }, maxRedirects: 0 });
}

test('a session cookie saved before sign-out is refused by pages, actions, routes and /api/auth/session', async ({
  browser,
  playwright,
  ivs,
  baseURL,
}) => {
  const out = await ivs.send(new CreateChannelCommand({ name: uniqueName('e2e-session') }));
  const channelId = idOf(out.channel!.arn!);
  const keyValue = out.streamKey!.value!;

  const context = await browser.newContext();
  await pinRegion(context, baseURL!);
  const page = await context.newPage();
  await signIn(page, 'operator');
  await page.goto(`/channels/${channelId}`);
  await expect(page.locator('[data-hydrated]').first()).toHaveAttribute('data-hydrated', 'true', { timeout: 20_000 });
  const revealRequest = page.waitForRequest(
    (r) => r.method() === 'POST' && !!r.headers()['next-action'] && !!r.postData()?.includes(out.streamKey!.arn!),
  );
  await page.getByRole('button', { name: 'Reveal stream key' }).click();
  const request = await revealRequest;
  await expect(page.locator('#stream-key')).toHaveText(keyValue);
  const saved = await context.cookies();
  expect(saved.some((c) => sessionCookie.test(c.name))).toBe(true);

  const postReveal = (client: APIRequestContext) =>
    client.post(request.url(), {
      headers: {
        'next-action': request.headers()['next-action'],
        'content-type': request.headers()['content-type'],
        accept: 'text/x-component',
        origin: baseURL!,
      },
      data: request.postData() ?? '',
    });

  // The copy works while the session is open: what follows is refused because of the sign-out alone.
  const before = await replay(playwright, baseURL!, saved);
  expect(await (await postReveal(before)).text()).toContain(keyValue);
  expect((await before.get('/api/streams')).status()).toBe(200);
  await before.dispose();

  await signOut(page);
  await context.close();

  const after = await replay(playwright, baseURL!, saved);
  const pageAnswer = await after.get('/channels');
  expect(pageAnswer.status()).toBeGreaterThanOrEqual(300);
  expect(pageAnswer.status()).toBeLessThan(400);
  expect(pageAnswer.headers()['location']).toMatch(/\/login/);

  const action = await (await postReveal(after)).text();
  expect(action).toContain('Unauthenticated');
  expect(action).not.toContain(keyValue);

  expect((await after.get('/api/streams')).status()).toBe(401);

  const session = await after.get('/api/auth/session');
  expect(await session.json()).toBeNull();
  const reissued = session.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie' && sessionCookie.test(h.value));
  // Auth.js may clear the cookie (an empty value, expired), never hand out a new token.
  for (const h of reissued) expect(h.value).toMatch(/authjs\.session-token=;|Max-Age=0|Expires=Thu, 01 Jan 1970/i);
  await after.dispose();
});

test.describe('the sessions page', () => {
  test.use({ storageState: asRole('admin') });

  test('an admin ends another user’s session from the list, and that browser is refused at once', async ({ page, browser, baseURL }) => {
    // Contexts made here would inherit this block's admin cookie: the viewer starts with none.
    const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    await pinRegion(other, baseURL!);
    const viewer = await other.newPage();
    await signIn(viewer, 'viewer');
    await viewer.goto('/channels');
    await expect(viewer).toHaveURL(/\/channels/);

    await page.goto('/');
    await page.getByRole('link', { name: 'Sessions', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Sessions' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Open sessions' });
    await expect(table.getByRole('columnheader')).toHaveText(['User', 'Role', 'Signed in', 'Last seen', 'Provider', 'Actions']);
    await expect(table.locator('tr', { hasText: 'this session' })).toHaveCount(1);
    // Newest sign-in first: the viewer who just signed in is the first viewer row.
    const row = table.locator('tr[data-session-row="viewer@local.test"]').first();
    await expect(row).toContainText('demo');
    const end = row.getByRole('button', { name: /^End session of viewer@local\.test/ });
    const label = await end.getAttribute('aria-label');
    await end.click();
    await expect(page.getByRole('status').filter({ hasText: 'Ended a session of viewer@local.test.' })).toBeVisible();
    await expect(page.getByRole('button', { name: label! })).toHaveCount(0);

    await viewer.goto('/channels');
    await expect(viewer).toHaveURL(/\/login/);
    await other.close();
  });

  test('is for admins only: no link and no page for an operator', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ storageState: asRole('operator') });
    await pinRegion(context, baseURL!);
    const page = await context.newPage();
    await page.goto('/channels');
    await expect(page.getByRole('link', { name: 'Channels' }).first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Sessions', exact: true })).toHaveCount(0);
    await page.goto('/sessions');
    await expect(page.getByRole('heading', { level: 1, name: 'You don’t have access to this page' })).toBeVisible();
    await expect(page).toHaveURL(/\/sessions$/);
    await context.close();
  });
});
