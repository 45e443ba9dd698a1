import { CreateChannelCommand } from '@aws-sdk/client-ivs';
import type { Page } from '@playwright/test';
import { asRole, emulator, emulatorUrl, expect, idOf, pinRegion, test, uniqueName } from './fixtures';

// /live as a health board left open: no reloads anywhere below (a marker on window proves it), only the
// board's own 10 s refresh. Other specs share the emulator and start streams of their own, so the
// assertions are about our channels' rows, and "first" means nothing but starving channels above it.
test.beforeEach(({ context, baseURL }) => pinRegion(context, baseURL!));
test.use({ storageState: asRole('viewer') });

async function episode(channelArn: string, kind: string, durationSeconds: number) {
  const res = await fetch(`${emulatorUrl}/_emulator/streams/episode`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channelArn, kind, durationSeconds }),
  });
  if (!res.ok) throw new Error(`episode answered ${res.status}: ${await res.text()}`);
}

async function openBoard(page: Page) {
  await page.goto('/live');
  await expect(page.getByRole('table', { name: /Live channels/ })).toBeVisible();
  await page.evaluate(() => ((window as { __notReloaded?: boolean }).__notReloaded = true));
}
const notReloaded = (page: Page) => page.evaluate(() => (window as { __notReloaded?: boolean }).__notReloaded === true);
const healthOfRows = (page: Page) =>
  page
    .locator('tbody tr:not([data-ended])')
    .evaluateAll((rows) =>
      rows.map((r) => ({ id: r.getAttribute('data-channel-id'), health: r.querySelector('td:nth-child(2)')?.textContent?.trim() })),
    );

test.describe('/live health board, left open', () => {
  test('shows a channel that goes live after the page loaded, with its bitrate, then lets it go when it ends', async ({ page, ivs }) => {
    test.setTimeout(120_000);
    const name = uniqueName('e2e-board-new');
    const arn = (await ivs.send(new CreateChannelCommand({ name }))).channel!.arn!;
    await openBoard(page);
    const row = page.locator(`tr[data-channel-id="${idOf(arn)}"]`);
    await expect(row).toHaveCount(0);

    await emulator.startStream(arn, { viewerCount: 9_100_000, health: 'STARVING' });
    // Snapshot refresh (5 s) + board cache (5 s) + the page's 10 s poll: well within 25 s.
    await expect(row).toBeVisible({ timeout: 25_000 });
    await expect(row.getByRole('link', { name })).toBeVisible();
    await expect(row).toContainText('9,100,000 viewers');
    // The bitrate cell: a sparkline with its summary, or a sentence saying there is no data yet.
    await expect(row.locator('td').nth(3)).toContainText(/Mbps|No bitrate data/);
    expect(await notReloaded(page)).toBe(true);

    await emulator.stopStream(arn);
    await expect(row).toContainText('Ended', { timeout: 25_000 });
    await expect(row).toHaveCount(0, { timeout: 45_000 });
    expect(await notReloaded(page)).toBe(true);
  });

  test('ranks a channel that starts starving above every channel that is not starving', async ({ page, ivs }) => {
    test.setTimeout(120_000);
    const name = uniqueName('e2e-board-starve');
    const arn = (await ivs.send(new CreateChannelCommand({ name }))).channel!.arn!;
    // Few viewers and healthy: ranked below the channels with findings, far from the top.
    await fetch(`${emulatorUrl}/_emulator/streams/start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channelArn: arn, viewerCount: 3, health: 'HEALTHY', startedSecondsAgo: 600 }),
    });
    const id = idOf(arn);
    await expect(async () => {
      await openBoard(page);
      await expect(page.locator(`tr[data-channel-id="${id}"]`)).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 25_000 });
    await expect(page.locator(`tr[data-channel-id="${id}"]`)).toContainText('healthy');

    await episode(arn, 'starve', 300);
    await expect(page.locator(`tr[data-channel-id="${id}"]`)).toContainText('starving', { timeout: 25_000 });
    const rows = await healthOfRows(page);
    const at = rows.findIndex((r) => r.id === id);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(rows.slice(0, at).every((r) => r.health === 'starving')).toBe(true);
    expect(await notReloaded(page)).toBe(true);
    await emulator.stopStream(arn);
  });
});
