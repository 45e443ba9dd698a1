import type { Page, Request } from '@playwright/test';
import { createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ListPlaybackKeyPairsCommand } from '@aws-sdk/client-ivs';
import { asRole, emulator, expect, pinRegion, test, uniqueName } from './fixtures';
import { deleteAllKeyPairs, fingerprintOf, pem, regionClient } from './playback-keys-helpers';

const REGION = 'ap-northeast-2';
const ivs = regionClient(REGION);

// Every POST body the page sends, to prove what did (not) leave the browser.
function recordPosts(page: Page): string[] {
  const bodies: string[] = [];
  page.on('request', (req: Request) => {
    if (req.method() === 'POST') bodies.push(req.postData() ?? '');
  });
  return bodies;
}

const keyField = (page: Page) => page.getByRole('textbox', { name: 'Public key (PEM)' });
const importButton = (page: Page) => page.getByRole('button', { name: 'Import key pair' });

// Navigation after an action compiles routes on first use under `next dev`: allow for it.
test.describe.configure({ mode: 'serial', timeout: 90_000 });
const AFTER_ACTION = { timeout: 30_000 };
test.beforeAll(async () => deleteAllKeyPairs(ivs));
test.afterAll(async () => {
  await deleteAllKeyPairs(ivs);
  ivs.destroy();
});
test.beforeEach(async ({ context, baseURL }) => pinRegion(context, baseURL, REGION));

test.describe('playback keys as admin', () => {
  test.use({ storageState: asRole('admin') });

  test('each wrong kind of key gets its own message, and a private key is never sent', async ({ page }) => {
    const posts = recordPosts(page);
    await page.goto('/playback-keys/new');
    const cases: [string, RegExp][] = [
      [pem.rsaPublic(), /This is an RSA key/],
      [pem.p256Public(), /another curve \(P-256 \(prime256v1\)\)\. IVS needs P-384/],
      ['-----BEGIN CERTIFICATE-----\nMIIBszCCATmgAwIBAgIUQ7\n-----END CERTIFICATE-----', /This is a certificate.*openssl x509/],
      ['not a key at all', /This is not a PEM public key/],
      [pem.p384().privateKey, /private key must never be uploaded anywhere/i],
    ];
    for (const [text, message] of cases) {
      await keyField(page).fill(text);
      await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
      await expect(keyField(page)).toHaveAttribute('aria-invalid', 'true');
      await expect(importButton(page)).toBeDisabled();
    }
    // Even a forced submit (Enter in the name field) sends nothing while the key is refused.
    await page.getByLabel('Name (optional)').fill('should-not-import');
    await page.getByLabel('Name (optional)').press('Enter');
    await page.waitForTimeout(300);
    expect(posts.filter((b) => b.includes('PRIVATE KEY') || b.includes('should-not-import'))).toEqual([]);
  });

  test('import a P-384 public key from a dropped .pem file, with name and tags', async ({ page }) => {
    const key = pem.p384();
    const name = uniqueName('e2e-pk');
    await page.goto('/playback-keys');
    await expect(page.getByTestId('key-pair-quota')).toContainText('0 of 3 used');
    await page.getByRole('link', { name: 'Import key pair' }).click();
    await page
      .getByLabel('Choose a .pem file: Public key (PEM)')
      .setInputFiles({ name: 'public.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(key.publicKey) });
    await expect(keyField(page)).toHaveValue(key.publicKey);
    await expect(page.getByText('ECDSA P-384 public key — ready to import.')).toBeVisible();
    await page.getByLabel('Name (optional)').fill(name);
    await page.getByRole('button', { name: 'Add tag' }).click();
    await page.getByLabel('Tag 1 key').fill('aws:reserved');
    await importButton(page).click();
    await expect(page.getByText('Tag keys beginning with aws: are reserved for AWS.')).toBeVisible();
    await expect(page.getByLabel('Name (optional)')).toHaveValue(name);
    await page.getByLabel('Tag 1 key').fill('team');
    await page.getByLabel('Tag 1 value').fill('video');
    await importButton(page).click();

    await expect(page.getByRole('heading', { name })).toBeVisible(AFTER_ACTION);
    await expect(page.getByTestId('fingerprint')).toHaveText(fingerprintOf(key.publicKey));
    await page.goto('/playback-keys');
    await expect(page.getByTestId('key-pair-quota')).toContainText('1 of 3 used');
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText(fingerprintOf(key.publicKey));
    await expect(row).toContainText(`arn:aws:ivs:${REGION}:`);
    await expect(row).toContainText('team=video');
  });

  test('generate a pair in the browser: the private key is downloaded, only the public key is sent', async ({ page }) => {
    const posts = recordPosts(page);
    const name = uniqueName('e2e-gen');
    await page.goto('/playback-keys/generate');
    await page.getByLabel('Name (optional)').fill(name);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Generate and download private key' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${name}-private.pem`);
    const privatePem = await readFile((await download.path())!, 'utf8');
    const privateKey = createPrivateKey(privatePem);
    expect(privateKey.asymmetricKeyDetails?.namedCurve).toBe('secp384r1');

    await expect(page.getByRole('status').filter({ hasText: 'Key pair generated' })).toBeVisible(AFTER_ACTION);
    await expect(page.getByText(fingerprintOf(privatePem))).toBeVisible();
    const body = privatePem.split('\n').slice(1, -2).join('');
    expect(posts.some((b) => b.includes('BEGIN PUBLIC KEY'))).toBe(true);
    expect(posts.filter((b) => b.includes('PRIVATE KEY') || b.includes(body.slice(0, 40)))).toEqual([]);
    expect(await page.content()).not.toContain(body.slice(0, 40));
  });

  test('IVS quota errors are explained, and at 3 of 3 Import and Generate are off', async ({ page }) => {
    // Faults are not per region: scope this one to the import named here, not other specs' imports.
    const fault = { resourceName: uniqueName('e2e-pk-quota') };
    await emulator.injectFault('ImportPlaybackKeyPair', 'ServiceQuotaExceededException', 1, fault);
    await page.goto('/playback-keys/new');
    await keyField(page).fill(pem.p384().publicKey);
    await page.getByLabel('Name (optional)').fill(fault.resourceName);
    await importButton(page).click();
    await expect(page.getByRole('alert').filter({ hasText: 'the most IVS allows' })).toBeVisible();
    await emulator.clearFaults('ImportPlaybackKeyPair', fault);

    await importButton(page).click();
    await expect(page.getByTestId('fingerprint')).toBeVisible(AFTER_ACTION);
    await page.goto('/playback-keys');
    await expect(page.getByTestId('key-pair-quota')).toContainText('3 of 3 used');
    await expect(page.getByRole('button', { name: 'Import key pair' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Generate key pair' })).toBeDisabled();
    await page.goto('/playback-keys/new');
    await expect(page.getByText('IVS allows 3 playback key pairs per region')).toBeVisible();
    await expect(keyField(page)).toHaveCount(0);
  });

  test('delete warns that tokens signed with the pair stop working', async ({ page }) => {
    await page.goto('/playback-keys');
    const first = page.getByRole('row').nth(1).getByRole('link');
    const label = (await first.textContent())!.trim();
    await first.click();
    await page.getByRole('button', { name: 'Delete key pair' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('playback token signed with its private key stops working');
    await dialog.getByRole('button', { name: 'Delete key pair' }).click();
    await expect(page).toHaveURL(/\/playback-keys$/, AFTER_ACTION);
    await expect(page.getByTestId('key-pair-quota')).toContainText('2 of 3 used');
    await expect(page.getByRole('row').filter({ hasText: label })).toHaveCount(0);
  });

  test('an import IVS applied but whose answer was lost is reported done, not "already imported"', async ({ page }) => {
    await deleteAllKeyPairs(ivs);
    const key = pem.p384();
    const name = uniqueName('e2e-pk-lost');
    await emulator.injectFaultAfter('ImportPlaybackKeyPair', 'InternalServerException', { resourceName: name });
    await page.goto('/playback-keys/new');
    await keyField(page).fill(key.publicKey);
    await page.getByLabel('Name (optional)').fill(name);
    await importButton(page).click();
    await expect(page.getByRole('heading', { name })).toBeVisible(AFTER_ACTION);
    await expect(page.getByTestId('fingerprint')).toHaveText(fingerprintOf(key.publicKey));
    const { keyPairs = [] } = await ivs.send(new ListPlaybackKeyPairsCommand({}));
    expect(keyPairs.map((k) => k.name)).toEqual([name]);
    expect(page.url()).toMatch(new RegExp(`/playback-keys/${keyPairs[0].arn!.split('/').pop()}$`));
  });
});

test.describe('playback keys as viewer', () => {
  test.use({ storageState: asRole('viewer') });

  test('a viewer reads the list and details but sees no mutation controls', async ({ page }) => {
    await page.goto('/playback-keys');
    await expect(page.getByTestId('key-pair-quota')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Import key pair' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Import key pair' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Generate key pair' })).toHaveCount(0);
    await page.getByRole('row').nth(1).getByRole('link').click();
    await expect(page.getByTestId('fingerprint')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Delete key pair' })).toHaveCount(0);
    for (const path of ['/playback-keys/new', '/playback-keys/generate']) {
      expect((await page.goto(path))?.status(), path).toBe(403);
      await expect(page.getByRole('heading', { level: 1, name: 'You don’t have access to this page' })).toBeVisible();
    }
  });
});
