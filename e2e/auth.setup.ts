import { test as setup } from '@playwright/test';
import { asRole, ROLES, signIn } from './fixtures';

// One real sign-in per demo user; specs reuse the saved cookies with `test.use({ storageState: asRole(role) })`.
// The region cookie is pinned to us-west-2: without it a page falls back to the user's saved region
// preference, which a region-switching spec may be changing at that moment.
for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page, baseURL }) => {
    await signIn(page, role);
    await page.context().addCookies([{ name: 'ivs-region', value: 'us-west-2', url: baseURL!, httpOnly: true, sameSite: 'Lax' }]);
    await page.context().storageState({ path: asRole(role) });
  });
}
