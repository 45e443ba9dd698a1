import type { Browser, Page } from '@playwright/test';
import { CreateChannelCommand, DeleteChannelCommand } from '@aws-sdk/client-ivs';
import { expect, expectRefusedAtLogin, test, uniqueName } from './fixtures';
import { OIDC_ACCOUNTS, OIDC_PASSWORD, type OidcAccount } from './oidc-accounts';
import { awsBaseUrl, externalBaseUrl, githubEnterpriseUrl, oidcIssuerUrl } from './servers';

// The production path: the console in aws mode (IVS through IVS_ENDPOINT, which here is the e2e
// emulator; credentials from the SDK's default chain) with sign-in through an OpenID Connect issuer
// (e2e/oidc-issuer.ts), whose own login form Chromium fills in. Roles come from its groups claim.
// The same console's GitHub sign-in: e2e/github-sign-in.spec.ts.

test.skip(!!externalBaseUrl, 'E2E_BASE_URL is set: the aws-mode console and its OIDC issuer are only started with the suite’s own servers');
test.use({ baseURL: awsBaseUrl });

const ssoButton = (page: Page) => page.getByRole('button', { name: 'Sign in with Test IdP' });
const userMenu = (page: Page) => page.getByRole('button', { name: /account menu/i });

/** From the console's login page through the issuer's form; resolves once back on the console's origin. */
async function signInAtIssuer(page: Page, account: OidcAccount, callbackPath = '/channels') {
  await page.goto(callbackPath);
  await expect(page).toHaveURL(/\/login/);
  await ssoButton(page).click();
  await expect(page).toHaveURL(new RegExp(`^${oidcIssuerUrl}/interaction/`));
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(OIDC_PASSWORD);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.origin === awsBaseUrl && !url.pathname.startsWith('/api/auth'));
}

/** A fresh browser (no console or issuer session) signed in as this account. */
async function signedIn(browser: Browser, account: OidcAccount, callbackPath?: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: awsBaseUrl });
  const page = await context.newPage();
  await signInAtIssuer(page, account, callbackPath);
  return page;
}

async function openUserMenu(page: Page) {
  const trigger = userMenu(page);
  await trigger.click();
  await expect(trigger).toHaveAttribute('aria-expanded', 'true');
  return page.locator(`[id="${await trigger.getAttribute('aria-controls')}"]`);
}

test('the login page offers the identity providers, no demo users and no Local IVS badge', async ({ page, request }) => {
  await page.goto('/channels');
  await expect(page).toHaveURL(/\/login/);
  await expect(ssoButton(page)).toBeVisible();
  await expect(page.getByText('Amazon IVS, us-west-2.')).toBeVisible();
  await expect(page.getByLabel('Username')).toHaveCount(0);
  await expect(page.getByLabel('Password')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Demo users' })).toHaveCount(0);
  await expect(page.getByText('Local IVS')).toHaveCount(0);
  // Not just hidden: Auth.js has no demo provider to post credentials to.
  const providers = await (await request.get('/api/auth/providers')).json();
  expect(Object.keys(providers)).toEqual(['oidc', 'github']);
  // A sign-in form may lead to the console and its identity providers, nowhere else.
  const csp = (await request.get('/login')).headers()['content-security-policy'];
  expect(csp).toContain(`form-action 'self' ${oidcIssuerUrl} ${githubEnterpriseUrl};`);
});

test('an operator-group user signs in at the issuer, reads channels through IVS_ENDPOINT and signs out', async ({ browser, ivs }) => {
  const name = uniqueName('aws-mode');
  const { channel } = await ivs.send(new CreateChannelCommand({ name }));
  const page = await signedIn(browser, OIDC_ACCOUNTS.operator, `/channels?name=${name}`);
  try {
    await expect(page).toHaveURL(new RegExp(`/channels\\?name=${name}$`));
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
    await expect(page.getByText('Local IVS')).toHaveCount(0);
    await expect(userMenu(page)).toContainText('operator');
    const menu = await openUserMenu(page);
    await expect(menu).toContainText(OIDC_ACCOUNTS.operator.email);
    await expect(menu).toContainText('operator');
    // Operators have no audit log.
    await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);

    await menu.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect(ssoButton(page)).toBeVisible();
    await page.goto('/channels');
    await expect(page).toHaveURL(/\/login/);
    await expect(ssoButton(page)).toBeVisible();
  } finally {
    await page.context().close();
    await ivs.send(new DeleteChannelCommand({ arn: channel!.arn }));
  }
});

test('an admin-group user is an admin and sees their sign-in in the audit log', async ({ browser }) => {
  const { admin } = OIDC_ACCOUNTS;
  const page = await signedIn(browser, admin);
  try {
    await expect(userMenu(page)).toContainText('admin');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
    await page.goto(`/audit?action=session.sign-in&user=${encodeURIComponent(admin.email)}`);
    const row = page.getByRole('row').filter({ hasText: admin.email });
    await expect(row.first()).toContainText('success');
    await expect(row.first()).toContainText('admin');
  } finally {
    await page.context().close();
  }
});

// Refused at the console after a successful sign-in at the issuer, each with the reason on /login.
const REFUSED = [
  { who: 'no group', account: OIDC_ACCOUNTS.noGroup, error: 'AccessDenied', message: /no role in this console/i },
  {
    who: 'an admin email in the admin group, which the issuer says is unverified',
    account: OIDC_ACCOUNTS.unverified,
    error: 'EmailUnverified',
    message: /email address is not verified/i,
  },
  {
    who: 'no email claim (though in the operator group)',
    account: OIDC_ACCOUNTS.noEmail,
    error: 'NoEmail',
    message: /did not send an email address/i,
  },
];

// One sign-in per test, so each has the time of one whatever the machine; serial, because the last
// reads the audit records the others leave (a retry runs the group again).
test.describe.serial('identities the console cannot give a role', () => {
  for (const { who, account, error, message } of REFUSED) {
    test(`are refused on the login page: ${who}`, async ({ browser }) => {
      const page = await signedIn(browser, account);
      try {
        await expectRefusedAtLogin(page, error, message, ssoButton(page));
      } finally {
        await page.context().close();
      }
    });
  }

  test('are each audited as a denied sign-in', async ({ browser }) => {
    const admin = await signedIn(browser, OIDC_ACCOUNTS.admin);
    try {
      for (const { account } of REFUSED) {
        // The audit log knows a user by email, or by the ID token's subject when it had none.
        const user = 'withholdsEmail' in account ? `sub:${account.email}` : account.email;
        await admin.goto(`/audit?action=session.sign-in&user=${encodeURIComponent(user)}`);
        const rows = admin.getByRole('row').filter({ hasText: user });
        await expect(rows.first()).toContainText('denied');
        await expect(rows.filter({ hasText: 'success' })).toHaveCount(0);
      }
    } finally {
      await admin.context().close();
    }
  });
});
