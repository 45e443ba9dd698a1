import { test as setup } from '@playwright/test';
import { asRole, ROLES, signIn } from './fixtures';

// One real sign-in per demo user; specs reuse the saved cookies with `test.use({ storageState: asRole(role) })`.
for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, role);
    await page.context().storageState({ path: asRole(role) });
  });
}
