import {
  CreateChannelCommand,
  DeleteChannelCommand,
  DeletePlaybackKeyPairCommand,
  ImportPlaybackKeyPairCommand,
  StartViewerSessionRevocationCommand,
} from '@aws-sdk/client-ivs';
import type { Locator, Page } from '@playwright/test';
import { generateKeyPairSync } from 'node:crypto';
import { asRole, emulator, emulatorUrl, expect, idOf, pinRegion, test, uniqueName } from './fixtures';
import { deleteAllKeyPairs, pem, regionClient } from './playback-keys-helpers';

// The whole playback path in a real browser: the channel page's test player (hls.js) loads the
// emulator's live HLS, and for private channels the emulator checks the token as IVS does.
// A region of its own, because playback key pairs are capped at 3 per region.
const REGION = 'ap-northeast-1';
const ivs = regionClient(REGION);
const created: string[] = [];
let keyArn: string | undefined;
const key = pem.p384();

async function liveChannel(authorized: boolean) {
  const { channel } = await ivs.send(new CreateChannelCommand({ name: uniqueName('e2e-player'), authorized }));
  created.push(channel!.arn!);
  await emulator.startStream(channel!.arn!);
  const file = channel!.playbackUrl!.split('/').pop()!;
  return { arn: channel!.arn!, id: idOf(channel!.arn!), localUrl: `${emulatorUrl}/_emulator/playback/${file}` };
}

// The player's and the token generator's controls are disabled until their part of the page has
// hydrated, so clicks and fills below wait for that by themselves.
const player = (page: Page) => page.getByTestId('test-player');
const status = (page: Page) => page.getByTestId('test-player-status');

// Playing means decoded frames and a clock that moves, not just a loaded playlist.
async function expectPlaying(page: Page) {
  await expect(player(page)).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
  const video = page.getByLabel('Test player');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  const t0 = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 }).toBeGreaterThan(t0 + 0.5);
}

async function signInPage(page: Page, privateKey: string, viewerId?: string): Promise<Locator> {
  const panel = page.getByRole('region', { name: 'Playback token' });
  await panel.getByRole('textbox', { name: /Private key \(PEM\)/ }).fill(privateKey);
  await panel.getByLabel('Expires in').selectOption({ label: '10 minutes' });
  if (viewerId) {
    await panel.getByLabel('Viewer id').fill(viewerId);
    await panel.getByLabel('Viewer session version').fill('1');
  }
  await panel.getByRole('button', { name: 'Generate token' }).click();
  await expect(panel.getByTestId('token-output')).toBeVisible();
  return panel;
}

test.describe.configure({ mode: 'serial', timeout: 90_000 });
test.use({ storageState: asRole('viewer') });

test.beforeAll(async () => {
  await deleteAllKeyPairs(ivs);
  keyArn = (await ivs.send(new ImportPlaybackKeyPairCommand({ publicKeyMaterial: key.publicKey, name: uniqueName('e2e-player') }))).keyPair!
    .arn!;
});
test.afterAll(async () => {
  for (const arn of created) {
    await emulator.stopStream(arn).catch(() => undefined);
    await ivs.send(new DeleteChannelCommand({ arn })).catch(() => undefined);
  }
  if (keyArn) await ivs.send(new DeletePlaybackKeyPairCommand({ arn: keyArn })).catch(() => undefined);
  ivs.destroy();
});
test.beforeEach(async ({ context, baseURL }) => pinRegion(context, baseURL, REGION));

test('a public live channel plays from the local emulator', async ({ page }) => {
  const channel = await liveChannel(false);
  // In the server's HTML the controls are disabled: before hydration a click on Play did nothing.
  const html = await (await page.request.get(`/channels/${channel.id}`)).text();
  expect(html).toMatch(/data-testid="test-player"[^]*?<fieldset[^>]*disabled/);
  await page.goto(`/channels/${channel.id}`);
  await expect(player(page)).toBeVisible({ timeout: 30_000 });
  // No token field on a public channel.
  await expect(player(page).getByLabel('Token to play with')).toHaveCount(0);
  const playlist = page.waitForRequest((r) => r.url().startsWith(channel.localUrl));
  await player(page).getByRole('button', { name: 'Play' }).click();
  await playlist;
  await expectPlaying(page);
  await expect(status(page)).toHaveText('Playing.');
});

test('an offline channel shows no test player; it follows the live state without a reload', async ({ page }) => {
  const channel = await liveChannel(false);
  await emulator.stopStream(channel.arn);
  await page.goto(`/channels/${channel.id}`);
  await expect(page.getByTestId('playback-url')).toBeVisible({ timeout: 30_000 });
  await expect(player(page)).toHaveCount(0);
  // The live panel polls every 10 s; the player appears and goes away with it.
  await emulator.startStream(channel.arn);
  await expect(player(page)).toBeVisible({ timeout: 25_000 });
  await emulator.stopStream(channel.arn);
  await expect(player(page)).toHaveCount(0, { timeout: 25_000 });
});

test('a private channel refuses playback without a valid token and plays with one signed in the page', async ({ page }) => {
  const channel = await liveChannel(true);
  await page.goto(`/channels/${channel.id}`);
  await expect(player(page)).toBeVisible({ timeout: 30_000 });

  await player(page).getByRole('button', { name: 'Play' }).click();
  await expect(status(page)).toHaveText('This channel is private: paste a playback token first.');
  // The emulator itself refuses the browser without a token (and CSP/CORS let the page ask).
  const refused = await page.evaluate(async (url) => {
    const res = await fetch(url);
    return { status: res.status, body: await res.text() };
  }, channel.localUrl);
  expect(refused.status).toBe(403);
  expect(refused.body).toContain('token_required');

  // A token signed by a key that was never imported is refused by the emulator, shown in the page.
  const stranger = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const strangerPanel = await signInPage(page, stranger);
  await strangerPanel.getByRole('button', { name: 'Play with this token' }).click();
  await expect(status(page)).toContainText('Playback refused (403)', { timeout: 30_000 });
  await expect(status(page)).toContainText('matches no playback key pair');

  // The imported key's token plays.
  const panel = await signInPage(page, key.privateKey);
  await panel.getByRole('button', { name: 'Play with this token' }).click();
  await expect(player(page).getByLabel('Token to play with')).toHaveValue(await panel.getByLabel('Playback token').inputValue());
  await expectPlaying(page);
});

test("a revoked viewer's token is refused, a newer session version plays", async ({ page }) => {
  const channel = await liveChannel(true);
  await page.goto(`/channels/${channel.id}`);
  await expect(player(page)).toBeVisible({ timeout: 30_000 });
  const panel = await signInPage(page, key.privateKey, 'e2e-revoked');
  await ivs.send(
    new StartViewerSessionRevocationCommand({
      channelArn: channel.arn,
      viewerId: 'e2e-revoked',
      viewerSessionVersionsLessThanOrEqualTo: 1,
    }),
  );
  await panel.getByRole('button', { name: 'Play with this token' }).click();
  await expect(status(page)).toContainText('Playback refused (403)', { timeout: 30_000 });
  await expect(status(page)).toContainText('has been revoked');

  await panel.getByLabel('Viewer session version').fill('2');
  await panel.getByRole('button', { name: 'Generate token' }).click();
  await panel.getByRole('button', { name: 'Play with this token' }).click();
  await expectPlaying(page);
});
