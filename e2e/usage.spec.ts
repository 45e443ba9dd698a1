import { CreateChannelCommand, IvsClient } from '@aws-sdk/client-ivs';
import type { Page } from '@playwright/test';
import { asRole, emulator, emulatorUrl, expect, pinRegion, test, uniqueName } from './fixtures';

// /usage adds up what the emulator simulated (its CloudWatch computes the usage metrics from the
// sessions), and /live shows channels live in two regions at once. Our channels carry a tag of their
// own, so the report's row for that tag value is ours whatever other specs stream.
test.use({ storageState: asRole('viewer') });
test.beforeEach(({ context, baseURL }) => pinRegion(context, baseURL!, 'us-west-2'));

function client(region: string) {
  return new IvsClient({ endpoint: emulatorUrl, region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
}

// streams/start with a start in the past, which the fixtures' startStream does not offer.
async function startBackdated(channelArn: string, startedSecondsAgo: number, viewerCount: number) {
  const res = await fetch(`${emulatorUrl}/_emulator/streams/start`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channelArn, startedSecondsAgo, viewerCount }),
  });
  if (!res.ok) throw new Error(`streams/start: ${res.status} ${await res.text()}`);
}

const cell = (page: Page, row: string, col: string) => page.locator(`tr[data-usage-row="${row}"] td[data-col="${col}"]`);

test('the usage report adds up a simulated hour and half hour by tag, and the CSV says the same', async ({ page }) => {
  const prefix = uniqueName('e2e-usage');
  const ivs = client('us-west-2');
  const tags = { 'e2e-usage': prefix };
  const standard = (await ivs.send(new CreateChannelCommand({ name: `${prefix}-std`, type: 'STANDARD', tags }))).channel!.arn!;
  const basic = (await ivs.send(new CreateChannelCommand({ name: `${prefix}-basic`, type: 'BASIC', tags }))).channel!.arn!;
  ivs.destroy();
  // An hour with 10 viewers and half an hour with 4: 1.5 input hours, 10 + 2 = 12 delivered hours, peak 10.
  await startBackdated(standard, 3600, 10);
  await startBackdated(basic, 1800, 4);
  await emulator.stopStream(standard);
  await emulator.stopStream(basic);

  const query = `range=24h&group=tag&tag=e2e-usage&fresh=1`;
  // "fresh" re-reads channel listings older than 5 s: retried until our channels are listed.
  await expect(async () => {
    await page.goto(`/usage?${query}`);
    await expect(cell(page, prefix, 'input')).toHaveText('1.50', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(cell(page, prefix, 'input-STANDARD')).toHaveText('1.00');
  await expect(cell(page, prefix, 'input-BASIC')).toHaveText('0.50');
  await expect(cell(page, prefix, 'delivered')).toHaveText('12.00');
  await expect(cell(page, prefix, 'recorded')).toHaveText('0.00');
  await expect(cell(page, prefix, 'peak')).toHaveText('10');

  const csv = await page.request.get(`/api/usage/export?${query}`);
  expect(csv.headers()['content-type']).toContain('text/csv');
  // Columns: tag value, channels, input hours BASIC, STANDARD, ADVANCED_SD, ADVANCED_HD, input, delivered, recorded, peak.
  const line = (await csv.text()).split('\r\n').find((l) => l.startsWith(`"${prefix}"`));
  expect(line).toBe(`"${prefix}","2","0.5","1","0","0","1.5","12","0","10"`);

  // A custom period is checked next to its fields.
  await page.goto('/usage?range=custom&from=2026-12-02T10:00&to=2026-12-02T09:00');
  await expect(page.locator('#usage-to-error')).toHaveText('The end must be at least a minute after the start.');
});

test('/live shows every region at once', async ({ page }) => {
  const prefix = uniqueName('e2e-live-all');
  const arns: Record<string, string> = {};
  for (const region of ['eu-west-1', 'ap-south-1']) {
    const ivs = client(region);
    arns[region] = (await ivs.send(new CreateChannelCommand({ name: `${prefix}-${region}` }))).channel!.arn!;
    ivs.destroy();
    await emulator.startStream(arns[region], { viewerCount: 3 });
  }
  try {
    await page.goto('/live');
    await page.getByRole('link', { name: 'All regions' }).click();
    await expect(page).toHaveURL(/\/live\?all=1$/);
    for (const region of Object.keys(arns))
      await expect(page.locator(`section[data-live-region="${region}"]`).getByRole('link', { name: `${prefix}-${region}` })).toBeVisible({
        timeout: 15_000,
      });
  } finally {
    for (const arn of Object.values(arns)) await emulator.stopStream(arn).catch(() => undefined);
  }
});
