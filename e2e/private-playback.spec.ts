import { CreateChannelCommand } from '@aws-sdk/client-ivs';
import type { Page } from '@playwright/test';
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { asRole, emulator, expect, idOf, pinRegion, test, uniqueName } from './fixtures';
import { regionClient } from './playback-keys-helpers';

// Private channels in a region of this spec's own; the token generator calls no IVS API at all.
const REGION = 'ap-south-1';
const ivs = regionClient(REGION);

async function privateChannel() {
  const { channel } = await ivs.send(new CreateChannelCommand({ name: uniqueName('e2e-private'), authorized: true }));
  return { arn: channel!.arn!, id: idOf(channel!.arn!), playbackUrl: channel!.playbackUrl! };
}

const p384 = () => {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }) as string,
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
};

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
const panel = (page: Page, name: string) => page.getByRole('region', { name });

test.describe.configure({ timeout: 90_000 });
test.afterAll(() => ivs.destroy());
test.beforeEach(async ({ context, baseURL }) => pinRegion(context, baseURL, REGION));

test.describe('token generator as viewer', () => {
  test.use({ storageState: asRole('viewer') });

  test('signs an ES384 token in the browser that the public key verifies, with every claim', async ({ page }) => {
    const channel = await privateChannel();
    const key = p384();
    const posts: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && posts.push(r.postData() ?? ''));

    await page.goto('/playback-keys/token');
    await page.getByLabel('Private channel').selectOption(channel.id);
    await expect(page).toHaveURL(new RegExp(`channel=${channel.id}`), { timeout: 30_000 });
    const token = panel(page, 'Playback token');
    await expect(token).toBeVisible({ timeout: 30_000 });
    // A viewer may sign tokens (their own key, no IVS call) but not revoke sessions.
    await expect(panel(page, 'Revoke viewer sessions')).toHaveCount(0);

    const keyBox = token.getByRole('textbox', { name: /Private key \(PEM\)/ });
    await keyBox.fill(
      generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    );
    await expect(token.getByRole('alert').filter({ hasText: 'IVS needs P-384' })).toBeVisible();
    await keyBox.fill(key.privateKey);

    await token.getByLabel('Viewer id').fill('viewer-e2e');
    await token.getByLabel('Expires in').selectOption({ label: '1 day' });
    await token.getByRole('button', { name: 'Generate token' }).click();
    await expect(token.getByText('With a viewer id, IVS accepts tokens that expire within 10 minutes.')).toBeVisible();

    await token.getByLabel('Expires in').selectOption({ label: '10 minutes' });
    await token.getByLabel('Allowed origin').fill('https://watch.example.com');
    await token.getByLabel('Strict origin enforcement').check();
    await token.getByLabel('Viewer session version').fill('2');
    const before = Math.floor(Date.now() / 1000);
    await token.getByRole('button', { name: 'Generate token' }).click();

    const jwt = await token.getByLabel('Playback token').inputValue();
    const after = Math.ceil(Date.now() / 1000);
    const [h, p, s] = jwt.split('.');
    expect(decode(h)).toEqual({ alg: 'ES384', typ: 'JWT' });
    const claims = decode(p);
    expect(claims).toMatchObject({
      'aws:channel-arn': channel.arn,
      'aws:access-control-allow-origin': 'https://watch.example.com',
      'aws:strict-origin-enforcement': true,
      'aws:viewer-id': 'viewer-e2e',
      'aws:viewer-session-version': 2,
    });
    expect(claims.exp).toBeGreaterThanOrEqual(before + 600);
    // Between the click and the answer, however long that took on this machine.
    expect(claims.exp).toBeLessThanOrEqual(after + 600);
    const ok = verify(
      'sha384',
      Buffer.from(`${h}.${p}`),
      { key: createPublicKey(key.publicKey), dsaEncoding: 'ieee-p1363' },
      Buffer.from(s, 'base64url'),
    );
    expect(ok).toBe(true);

    const url = new URL(await token.getByLabel('Playback URL with token').inputValue());
    expect(`${url.origin}${url.pathname}`).toBe(channel.playbackUrl);
    expect(url.searchParams.get('token')).toBe(jwt);
    await expect(token.getByRole('button', { name: 'Copy token' })).toBeVisible();
    await expect(token.getByRole('button', { name: 'Copy URL' })).toBeVisible();
    // Signing happened in the browser: the private key was in no request.
    expect(posts.filter((b) => b.includes('PRIVATE KEY'))).toEqual([]);
  });
});

test.describe('viewer-session revocation as operator', () => {
  test.use({ storageState: asRole('operator') });

  test('revokes one viewer, then a pasted list in batches of 20 with each result shown', async ({ page }) => {
    const channel = await privateChannel();
    await page.goto(`/playback-keys/token?channel=${channel.id}`);
    const revoke = panel(page, 'Revoke viewer sessions');
    await expect(revoke).toBeVisible({ timeout: 30_000 });

    // Deltas, not a reset: other specs may be counting calls on the same emulator at the same time.
    const before = await emulator.requestCounts();
    await revoke.getByLabel('Viewer id', { exact: true }).fill('viewer-one');
    await revoke.getByLabel('Up to session version (optional)').fill('3');
    await revoke.getByRole('button', { name: 'Revoke viewer', exact: true }).click();
    await expect(revoke.getByRole('status').filter({ hasText: 'IVS started revoking the sessions of viewer viewer-one' })).toBeVisible({
      timeout: 30_000,
    });

    const ids = Array.from({ length: 25 }, (_, i) => `viewer-${i + 1}`);
    const list = revoke.getByLabel('Viewer ids');
    await list.fill(['# comment', ...ids.slice(0, 2), 'x'.repeat(41), ...ids.slice(2)].join('\n'));
    await expect(revoke.getByText('Line 4: A viewer id is at most 40 characters.')).toBeVisible();
    await expect(revoke.getByRole('button', { name: /^Revoke \d+ viewers$/ })).toBeDisabled();
    await list.fill(['# comment', ...ids.slice(0, 2).map((id) => `${id},5`), ...ids.slice(2)].join('\n'));
    await expect(revoke.getByText('25 viewers ready, sent in 2 batches of up to 20.')).toBeVisible();
    await revoke.getByRole('button', { name: 'Revoke 25 viewers' }).click();
    await expect(revoke.getByText('25 started, 0 failed.')).toBeVisible({ timeout: 30_000 });
    await expect(revoke.getByRole('row').filter({ hasText: 'Revocation started' })).toHaveCount(25);
    await expect(revoke.getByRole('row').filter({ hasText: 'viewer-1' }).first()).toContainText('5');

    const after = await emulator.requestCounts();
    const delta = (op: string) => (after[op] ?? 0) - (before[op] ?? 0);
    expect(delta('StartViewerSessionRevocation')).toBe(1);
    expect(delta('BatchStartViewerSessionRevocation')).toBe(2);
  });

  test('a failed batch call marks each of its viewers with the IVS error', async ({ page }) => {
    const channel = await privateChannel();
    await page.goto(`/playback-keys/token?channel=${channel.id}`);
    const revoke = panel(page, 'Revoke viewer sessions');
    await expect(revoke).toBeVisible({ timeout: 30_000 });
    await emulator.injectFault('BatchStartViewerSessionRevocation', 'ValidationException', 1, { resourceArn: channel.arn });
    await revoke.getByLabel('Viewer ids').fill('a\nb\nc');
    await revoke.getByRole('button', { name: 'Revoke 3 viewers' }).click();
    await expect(revoke.getByText('0 started, 3 failed.')).toBeVisible({ timeout: 30_000 });
    await expect(revoke.getByRole('row').filter({ hasText: 'IVS rejected the input' })).toHaveCount(3);
    await emulator.clearFaults('BatchStartViewerSessionRevocation', { resourceArn: channel.arn });
  });
});
