import { test as setup } from '@playwright/test';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { asRole, ROLES, signIn } from './fixtures';

// One real sign-in per demo user; specs reuse the saved cookies with `test.use({ storageState: asRole(role) })`.
// The region cookie is pinned to us-west-2: without it a page falls back to the user's saved region
// preference, which a region-switching spec may be changing at that moment.
for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page, baseURL }) => {
    await signIn(page, role);
    await page.context().addCookies([{ name: 'ivs-region', value: 'us-west-2', url: baseURL!, httpOnly: true, sameSite: 'Lax' }]);
    // Written whole and renamed, so a concurrent run never reads half a file.
    const file = asRole(role);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(await page.context().storageState(), null, 2));
    renameSync(`${file}.${process.pid}.tmp`, file);
  });
}
