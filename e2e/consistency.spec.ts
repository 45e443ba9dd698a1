import {
  CreateChannelCommand,
  DeletePlaybackKeyPairCommand,
  ImportPlaybackKeyPairCommand,
  ListPlaybackKeyPairsCommand,
  type IvsClient,
} from '@aws-sdk/client-ivs';
import type { Page } from '@playwright/test';
import { asRole, emulator, expect, idOf, pinRegion, test, uniqueName } from './fixtures';
import { pem } from './playback-keys-helpers';

// What a screen-reader user and a newcomer meet: every control named once, one announcement per
// event, one way to be refused, one time format, a theme that follows the OS.

test.beforeEach(({ context, baseURL }) => pinRegion(context, baseURL!));

async function newChannel(ivs: IvsClient) {
  const out = await ivs.send(new CreateChannelCommand({ name: uniqueName('e2e-names') }));
  return { arn: out.channel!.arn!, id: idOf(out.channel!.arn!), keyArn: out.streamKey!.arn! };
}

// Buttons do nothing before hydration; the stream key field says when React has taken over.
async function openChannel(page: Page, id: string) {
  await page.goto(`/channels/${id}`);
  await expect(page.locator('[data-hydrated]').first()).toHaveAttribute('data-hydrated', 'true', { timeout: 20_000 });
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

test.describe('as operator', () => {
  test.use({ storageState: asRole('operator') });

  test('the channel page names each button once: channel tags, stream key tags and the two stream key copies', async ({ page, ivs }) => {
    const ch = await newChannel(ivs);
    await openChannel(page, ch.id);
    for (const name of [
      'Copy stream key',
      'Copy key for the encoder',
      'Add tag',
      'Save tags',
      'Add stream key tag',
      'Save stream key tags',
    ]) {
      await expect(button(page, name), name).toHaveCount(1);
    }
    // The channel's editor and the key's editor each hold their own pair.
    await expect(page.getByRole('region', { name: 'Tags', exact: true }).getByRole('button', { name: 'Add tag', exact: true })).toHaveCount(
      1,
    );
    await expect(
      page.getByRole('region', { name: 'Stream key tags' }).getByRole('button', { name: 'Add stream key tag', exact: true }),
    ).toHaveCount(1);
    // Their fields too: the first row of each editor has a name of its own.
    await button(page, 'Add tag').click();
    await button(page, 'Add stream key tag').click();
    await expect(page.getByRole('textbox', { name: 'Tag key 1', exact: true })).toHaveCount(1);
    await expect(page.getByRole('textbox', { name: 'Stream key tag key 1', exact: true })).toHaveCount(1);
  });

  test('a rotation is announced by one status region, not two', async ({ page, ivs }) => {
    const ch = await newChannel(ivs);
    await openChannel(page, ch.id);
    await button(page, 'Rotate key').click();
    await page.getByRole('dialog', { name: 'Rotate the stream key?' }).getByRole('button', { name: 'Rotate key' }).click();
    const announced = page.getByRole('status').filter({ hasText: 'The stream key was rotated.' });
    await expect(announced).toHaveCount(1);
    await expect(announced).toBeVisible();
  });

  test('the account button reads as "Account menu: name, role role"', async ({ page }) => {
    await page.goto('/channels');
    await expect(page.getByRole('button', { name: /^Account menu: operator ?, ?operator role$/ })).toBeVisible();
  });

  test('the stream session and live panel show times in one format, in UTC', async ({ page, ivs }) => {
    const ch = await newChannel(ivs);
    await emulator.startStream(ch.arn);
    await page.goto(`/channels/${ch.id}`);
    const format = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/;
    const times = page.locator('main time');
    await expect(times.first()).toBeVisible();
    // The live panel's start and the session list's start: the same moment, written the same way.
    expect(await times.count()).toBeGreaterThanOrEqual(2);
    for (const text of await times.allTextContents()) expect(text).toMatch(format);
    await page.locator('a[href*="/sessions/"]').first().click();
    await expect(page.locator('main time').first()).toBeVisible();
    for (const text of await page.locator('main time').allTextContents()) expect(text).toMatch(format);
  });

  test('a stream key reveal is found in the audit log by the channel as well as by the key', async ({ page, ivs, browser, baseURL }) => {
    const ch = await newChannel(ivs);
    await openChannel(page, ch.id);
    await button(page, 'Reveal stream key').click();
    await expect(page.locator('#stream-key')).toHaveAttribute('data-revealed', 'true');

    const context = await browser.newContext({ storageState: asRole('admin') });
    await pinRegion(context, baseURL!);
    const admin = await context.newPage();
    try {
      for (const resource of [ch.arn, ch.keyArn]) {
        await admin.goto(`/audit?action=stream-key.reveal&resource=${encodeURIComponent(resource)}`);
        const rows = admin.getByRole('table', { name: 'Audit log' }).getByRole('row').filter({ hasText: 'stream-key.reveal' });
        await expect(rows).toHaveCount(1);
        await expect(rows).toContainText(ch.keyArn);
        await expect(rows).toContainText(`of ${ch.arn}`);
      }
    } finally {
      await context.close();
    }
  });
});

test.describe('as admin', () => {
  test.use({ storageState: asRole('admin') });

  test('/playback-keys names its table and each row’s Copy ARN button differently', async ({ page, ivs }) => {
    // Two pairs at least (the quota is 3 per region); the ones made here are deleted again.
    const have = (await ivs.send(new ListPlaybackKeyPairsCommand({}))).keyPairs ?? [];
    const made: string[] = [];
    for (let i = have.length; i < 2; i++) {
      made.push(
        (await ivs.send(new ImportPlaybackKeyPairCommand({ name: uniqueName('e2e-names'), publicKeyMaterial: pem.p384().publicKey })))
          .keyPair!.arn!,
      );
    }
    try {
      await page.goto('/playback-keys');
      const table = page.getByRole('table', { name: 'Playback key pairs' });
      await expect(table).toBeVisible();
      const copies = table.getByRole('button', { name: /^Copy ARN/ });
      expect(await copies.count()).toBeGreaterThanOrEqual(2);
      const names = await copies.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent));
      expect(new Set(names).size, names.join(', ')).toBe(names.length);
    } finally {
      for (const arn of made) await ivs.send(new DeletePlaybackKeyPairCommand({ arn }));
    }
  });
});

test.describe('as viewer', () => {
  test.use({ storageState: asRole('viewer') });

  test('a refused page is one page, in the shell: an h1, the navigation and sign-out', async ({ page }) => {
    for (const path of ['/playback-keys/new', '/playback-keys/generate', '/audit']) {
      expect((await page.goto(path))?.status(), path).toBe(403);
      await expect(page, path).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole('heading', { level: 1, name: 'You don’t have access to this page' })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    }
    await page.getByRole('button', { name: /^Account menu/ }).click();
    await expect(button(page, 'Sign out')).toBeVisible();
  });
});

test('dark mode follows a later change of the OS setting until the user picks a theme', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ storageState: asRole('viewer'), colorScheme: 'light' });
  await pinRegion(context, baseURL!);
  const page = await context.newPage();
  const html = page.locator('html');
  try {
    await page.goto('/channels');
    await expect(html).not.toHaveClass(/\bdark\b/);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(html).toHaveClass(/\bdark\b/);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(html).not.toHaveClass(/\bdark\b/);

    // An explicit choice wins over the OS from then on.
    await page.getByRole('button', { name: /^Account menu/ }).click();
    const toggle = page.getByRole('switch', { name: 'Dark mode' });
    await toggle.click();
    await expect(html).toHaveClass(/\bdark\b/);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(html).toHaveClass(/\bdark\b/);
    await expect(toggle).toHaveAttribute('aria-checked', 'true');

    // Back to "system": the OS decides again, now and later.
    await page.getByRole('button', { name: 'Follow the system setting' }).click();
    await expect(html).not.toHaveClass(/\bdark\b/);
    await expect(page.getByRole('button', { name: 'Follow the system setting' })).toHaveCount(0);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(html).toHaveClass(/\bdark\b/);
  } finally {
    await context.close();
  }
});
