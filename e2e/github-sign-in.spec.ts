import type { Browser, Page } from '@playwright/test';
import { expect, expectRefusedAtLogin, test } from './fixtures';
import { GITHUB_ACCOUNTS, GITHUB_CLIENT_ID, GITHUB_PASSWORD, type GitHubAccount } from './github-accounts';
import { awsBaseUrl, externalBaseUrl, githubEnterpriseUrl } from './servers';

// GitHub sign-in on the aws-mode console (AUTH_GITHUB_ENTERPRISE_URL), through the stand-in GitHub
// Enterprise Server of e2e/github-oauth.ts and its own login form. Roles come from ROLE_*_EMAILS,
// matched only against an address GitHub says is verified (see playwright.config.ts for the lists).

test.skip(
  !!externalBaseUrl,
  'E2E_BASE_URL is set: the aws-mode console and its GitHub stand-in are only started with the suite’s own servers',
);
test.use({ baseURL: awsBaseUrl });

const githubButton = (page: Page) => page.getByRole('button', { name: 'Sign in with GitHub Enterprise' });
const userMenu = (page: Page) => page.getByRole('button', { name: /account menu/i });

/** From the console's login page through GitHub's form; resolves once back on the console's origin. */
async function signInAtGitHub(page: Page, account: GitHubAccount) {
  await page.goto('/channels');
  await expect(page).toHaveURL(/\/login/);
  await githubButton(page).click();
  await expect(page).toHaveURL(new RegExp(`^${githubEnterpriseUrl}/login/oauth/authorize\\?`));
  await page.getByLabel('Username or email address').fill(account.login);
  await page.getByLabel('Password').fill(GITHUB_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.origin === awsBaseUrl && !url.pathname.startsWith('/api/auth'));
}

async function signedIn(browser: Browser, account: GitHubAccount): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: awsBaseUrl })).newPage();
  await signInAtGitHub(page, account);
  return page;
}

async function expectSignedInAs(page: Page, email: string, role: string) {
  await expect(page).toHaveURL(/\/channels$/);
  await expect(userMenu(page)).toContainText(role);
  const trigger = userMenu(page);
  await trigger.click();
  const menu = page.locator(`[id="${await trigger.getAttribute('aria-controls')}"]`);
  await expect(menu).toContainText(email);
  await expect(menu).toContainText(role);
}

test('the login page offers both identity providers, and GitHub is asked with state and PKCE', async ({ page, request }) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Sign in with Test IdP' })).toBeVisible();
  await expect(githubButton(page)).toBeVisible();
  const providers = await (await request.get('/api/auth/providers')).json();
  expect(providers.github).toMatchObject({ name: 'GitHub Enterprise', type: 'oauth' });

  await githubButton(page).click();
  await expect(page.getByRole('heading', { name: 'Sign in to GitHub Enterprise' })).toBeVisible();
  const asked = new URL(page.url()).searchParams;
  expect(asked.get('client_id')).toBe(GITHUB_CLIENT_ID);
  expect(asked.get('redirect_uri')).toBe(`${awsBaseUrl}/api/auth/callback/github`);
  expect(asked.get('scope')?.split(' ')).toContain('user:email');
  expect(asked.get('state')).toBeTruthy();
  expect(asked.get('code_challenge_method')).toBe('S256');
});

test('a user whose public email is in ROLE_OPERATOR_EMAILS is an operator', async ({ browser }) => {
  const page = await signedIn(browser, GITHUB_ACCOUNTS.operator);
  try {
    await expectSignedInAs(page, GITHUB_ACCOUNTS.operator.publicEmail, 'operator');
  } finally {
    await page.context().close();
  }
});

test('a user with a private email gets the role of the primary verified address from /user/emails, not of a secondary one', async ({
  browser,
}) => {
  const { privateEmail } = GITHUB_ACCOUNTS;
  const page = await signedIn(browser, privateEmail);
  try {
    // The secondary address is in ROLE_ADMIN_EMAILS: only the primary one (a viewer) counts.
    await expectSignedInAs(page, privateEmail.emails.find((e) => e.primary)!.email, 'viewer');
  } finally {
    await page.context().close();
  }
});

// GitHub itself refuses a token to a user whose primary email is unverified (unverified_user_email);
// the console says why. A verified address on no list gets "no role".
const REFUSED = [
  {
    who: 'an admin address as unverified primary email',
    account: GITHUB_ACCOUNTS.unverified,
    error: 'OAuthCallbackError',
    message: /primary email address is not verified/i,
  },
  { who: 'a verified address on no list', account: GITHUB_ACCOUNTS.stranger, error: 'AccessDenied', message: /no role in this console/i },
];

// One sign-in per test, so each has the time of one whatever the machine; serial, because the last
// reads the audit records the others leave (a retry runs the group again).
test.describe.serial('GitHub users the console cannot give a role', () => {
  for (const { who, account, error, message } of REFUSED) {
    test(`are refused with a reason: ${who}`, async ({ browser }) => {
      const page = await signedIn(browser, account);
      try {
        await expectRefusedAtLogin(page, error, message, githubButton(page));
      } finally {
        await page.context().close();
      }
    });
  }

  test('are each audited as a denied sign-in', async ({ browser }) => {
    const admin = await signedIn(browser, GITHUB_ACCOUNTS.admin);
    try {
      await expect(userMenu(admin)).toContainText('admin');
      // GitHub refused before saying who the user was, so the record names GitHub and the reason.
      await admin.goto(`/audit?action=session.sign-in&user=${encodeURIComponent('unknown GitHub user')}`);
      const unverified = admin.getByRole('row').filter({ hasText: 'unverified_user_email' });
      await expect(unverified.first()).toContainText('denied');
      await expect(unverified.first()).toContainText('primary email address is not verified');

      const stranger = GITHUB_ACCOUNTS.stranger.publicEmail;
      await admin.goto(`/audit?action=session.sign-in&user=${encodeURIComponent(stranger)}`);
      const rows = admin.getByRole('row').filter({ hasText: stranger });
      await expect(rows.first()).toContainText('denied');
      await expect(rows.filter({ hasText: 'success' })).toHaveCount(0);

      // The address the unverified user claimed never signed in.
      const claimed = GITHUB_ACCOUNTS.unverified.emails[0].email;
      await admin.goto(`/audit?action=session.sign-in&user=${encodeURIComponent(claimed)}`);
      await expect(admin.getByRole('heading', { name: 'Audit log' })).toBeVisible();
      await expect(admin.getByRole('row').filter({ hasText: claimed })).toHaveCount(0);
    } finally {
      await admin.context().close();
    }
  });
});
