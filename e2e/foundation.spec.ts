import type { Page } from '@playwright/test';
import { asRole, expect, signIn, test, uniqueName, type Role } from './fixtures';

// The console shell everyone relies on: sign-in, roles, region, theme, headers, health (local mode;
// aws mode with OIDC sign-in is aws-mode.spec.ts).

const userMenu = (page: Page) => page.getByRole('button', { name: /account menu/i });
const regionSwitcher = (page: Page) => page.getByLabel('Region', { exact: true });

/** Opens the account menu and returns its panel. */
async function openUserMenu(page: Page) {
  const trigger = userMenu(page);
  await trigger.click();
  await expect(trigger).toHaveAttribute('aria-expanded', 'true');
  return page.locator(`[id="${await trigger.getAttribute('aria-controls')}"]`);
}

async function signOut(page: Page) {
  const menu = await openUserMenu(page);
  await menu.getByRole('button', { name: 'Sign out' }).click();
  // The login form itself, not just the URL: a still-valid session would bounce /login back.
  await expect(page.getByLabel('Username')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
}

// The switcher saves through a server action, then refreshes; wait for both before reading the page.
async function switchRegion(page: Page, region: string) {
  await regionSwitcher(page).selectOption(region);
  await expect(regionSwitcher(page)).toBeEnabled();
  await expect(regionSwitcher(page)).toHaveValue(region);
}

test.describe('signed out', () => {
  test('a console page redirects to the login page', async ({ page }) => {
    await page.goto('/channels');
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  });

  test('a wrong password shows an error and keeps the username', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Username').fill('operator');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // (Next's route announcer is an empty role=alert too.)
    await expect(page.getByRole('alert').filter({ hasText: /invalid|incorrect|wrong/i })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByLabel('Username')).toHaveValue('operator');
  });

  test('failed sign-ins are audited without the password and, past five for one user, refused', async ({ page, browser }) => {
    const username = uniqueName('nobody');
    const password = `wrong-${uniqueName('pw')}`;
    // Each attempt waits for its own answer: the message is the same every time.
    const attempt = async () => {
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password').fill(password);
      const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await answered;
    };
    await page.goto('/login');
    for (let i = 1; i <= 5; i++) {
      await attempt();
      await expect(page.getByRole('alert').filter({ hasText: 'Wrong username or password' })).toBeVisible();
    }
    await attempt();
    await expect(page.getByRole('alert').filter({ hasText: 'Too many failed sign-ins' })).toBeVisible();

    const admin = await (await browser.newContext({ storageState: asRole('admin') })).newPage();
    try {
      await admin.goto(`/audit?action=session.sign-in&user=${username}`);
      const rows = admin.getByRole('row').filter({ hasText: username });
      await expect(rows).toHaveCount(5);
      await expect(rows.first()).toContainText('denied');
      await expect(rows.first()).toContainText('wrong username or password');
      expect(await admin.content()).not.toContain(password);
    } finally {
      await admin.context().close();
    }
  });

  test('/api/health answers JSON ok without a session', async ({ request }) => {
    const res = await request.get('/api/health');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/json');
    expect(await res.json()).toMatchObject({ ok: true });
  });

  test('pages carry the security headers', async ({ request }) => {
    const res = await request.get('/login');
    expect(res.status()).toBe(200);
    const headers = res.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBeTruthy();
  });
});

for (const role of ['admin', 'operator', 'viewer'] as Role[]) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: asRole(role) });

    test('the user menu names the role and the Local IVS badge shows', async ({ page }) => {
      await page.goto('/channels');
      await expect(page.getByText('Local IVS', { exact: true })).toBeVisible();
      await expect(userMenu(page)).toContainText(role);
      const menu = await openUserMenu(page);
      await expect(menu).toContainText(`${role}@local.test`);
      await expect(menu).toContainText(role);
    });
  });
}

test.describe('as viewer', () => {
  test.use({ storageState: asRole('viewer') });

  test('has no audit log link and is refused /audit', async ({ page }) => {
    await page.goto('/channels');
    await expect(page.getByRole('navigation').first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
    const res = await page.goto('/audit');
    await expect(page).toHaveURL(/\/audit$/);
    await expect(page.getByRole('heading', { name: /don.t have access/i })).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    expect(res?.status()).toBe(403);
  });

  test('a missing resource shows the not-found message inside the shell, with one main landmark', async ({ page }) => {
    await page.goto('/recording-configurations/NoSuchConfig99');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('navigation').first()).toBeVisible();
    await expect(page.getByRole('main')).toHaveCount(1);
  });
});

test.describe('as admin', () => {
  test.use({ storageState: asRole('admin') });

  test('the audit log page lists a region switch', async ({ page }) => {
    const since = new Date(Date.now() - 1000).toISOString();
    await page.goto('/channels');
    await switchRegion(page, 'eu-west-1');
    await switchRegion(page, 'us-west-2');

    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect(page).toHaveURL(/\/audit/);
    await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'region.set' }).first()).toBeVisible();

    // Both switches of this test, and nothing else, since it started.
    await page.goto(`/audit?action=region.set&user=admin%40local.test&from=${encodeURIComponent(since)}`);
    const rows = page.getByRole('row').filter({ hasText: 'region.set' });
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText('success');
  });
});

// Fresh contexts (no saved session), so a region or theme chosen here cannot leak into the saved
// sessions other specs use (those carry their own region cookie).
test.describe('preferences', () => {
  test('the chosen region survives a reload, signing in again, and another browser', async ({ page, browser }) => {
    await signIn(page, 'operator');
    await page.goto('/channels');
    try {
      await switchRegion(page, 'ap-northeast-1');
      await page.reload();
      await expect(regionSwitcher(page)).toHaveValue('ap-northeast-1');

      await signOut(page);
      await signIn(page, 'operator');
      await page.goto('/channels');
      await expect(regionSwitcher(page)).toHaveValue('ap-northeast-1');

      const elsewhere = await browser.newContext();
      try {
        const other = await elsewhere.newPage();
        await signIn(other, 'operator');
        await other.goto('/channels');
        await expect(regionSwitcher(other)).toHaveValue('ap-northeast-1');
      } finally {
        await elsewhere.close();
      }
    } finally {
      // The region is remembered per user: put the default back for everyone else.
      await page.goto('/channels');
      await switchRegion(page, 'us-west-2');
    }
  });

  test('dark mode stays on after a reload and can be turned off', async ({ page }) => {
    await signIn(page, 'viewer');
    await page.goto('/channels');
    const html = page.locator('html');
    await expect(html).not.toHaveClass(/\bdark\b/); // Playwright's default colour scheme is light

    let menu = await openUserMenu(page);
    await menu.getByRole('switch', { name: 'Dark mode' }).click();
    await expect(html).toHaveClass(/\bdark\b/);
    await expect(menu.getByRole('switch', { name: 'Dark mode' })).toHaveAttribute('aria-checked', 'true');

    await page.reload();
    await expect(html).toHaveClass(/\bdark\b/);
    menu = await openUserMenu(page);
    await expect(menu.getByRole('switch', { name: 'Dark mode' })).toHaveAttribute('aria-checked', 'true');
    await menu.getByRole('switch', { name: 'Dark mode' }).click();
    await expect(html).not.toHaveClass(/\bdark\b/);
    await page.reload();
    await expect(html).not.toHaveClass(/\bdark\b/);
  });
});
