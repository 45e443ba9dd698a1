import { CreateChannelCommand, IvsClient } from '@aws-sdk/client-ivs';
import type { Page } from '@playwright/test';
import { asRole, emulator, emulatorUrl, expect, idOf, pinRegion, test, uniqueName } from './fixtures';

// The overview at / and find-anywhere, across regions. Our channels live in three regions other specs
// leave alone enough for what is asserted here; us-east-1 (used by no other spec) refuses everything
// while this test runs, as a region whose IAM policy denies the console would.
const REFUSING = 'us-east-1';
const REGIONS = ['us-west-2', 'eu-west-1', 'ap-south-1'] as const;

test.use({ storageState: asRole('viewer') });
test.beforeEach(({ context, baseURL }) => pinRegion(context, baseURL!));

const regionSwitcher = (page: Page) => page.getByLabel('Region', { exact: true });
const row = (page: Page, region: string) => page.locator(`tr[data-region="${region}"]`);

function client(region: string) {
  return new IvsClient({ endpoint: emulatorUrl, region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
}

test('the overview shows every region with one refusing, and find-anywhere opens channels in their own region', async ({ page }) => {
  const prefix = uniqueName('e2e-overview');
  const arns: Record<string, string> = {};
  for (const region of REGIONS) {
    const ivs = client(region);
    arns[region] = (await ivs.send(new CreateChannelCommand({ name: `${prefix}-${region}`, tags: { 'e2e-find': prefix } }))).channel!.arn!;
    ivs.destroy();
  }
  await emulator.startStream(arns['eu-west-1'], { viewerCount: 4242 });
  const refusal = { region: REFUSING };
  await emulator.injectFault('*', 'AccessDeniedException', 100_000, refusal);
  try {
    // "Read again" re-reads any region read more than 5 s ago (the warm-up read them all): retried until then.
    await expect(async () => {
      await page.goto('/?fresh=1');
      await expect(row(page, REFUSING)).toContainText(/Access denied: .*ivs:ListChannels/, { timeout: 2_000 });
      await expect(row(page, 'eu-west-1')).toContainText('4,242', { timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    for (const region of REGIONS) await expect(row(page, region).locator('td').last()).toHaveText('OK');

    // A region's name switches the console to it and opens its channels.
    await row(page, 'eu-west-1')
      .getByRole('button', { name: /^Open eu-west-1/ })
      .click();
    await expect(page).toHaveURL(/\/channels$/);
    await expect(regionSwitcher(page)).toHaveValue('eu-west-1');

    // By name, from the header: the channel in each region, and what the refusing region said.
    const find = page.getByRole('searchbox', { name: 'Find anywhere' });
    await find.fill(prefix);
    await find.press('Enter');
    const matches = page.getByRole('table', { name: 'Matches' });
    for (const region of REGIONS) await expect(matches.getByRole('row').filter({ hasText: `${prefix}-${region}` })).toContainText(region);
    await expect(page.getByRole('alert').filter({ hasText: REFUSING })).toContainText('Access denied');
    await matches.getByRole('button', { name: `Open channel ${prefix}-ap-south-1 in ap-south-1` }).click();
    await expect(page).toHaveURL(new RegExp(`/channels/${idOf(arns['ap-south-1'])}$`));
    await expect(regionSwitcher(page)).toHaveValue('ap-south-1');
    await expect(page.getByRole('heading', { name: `${prefix}-ap-south-1` })).toBeVisible();

    // A pasted ARN opens directly in its own region.
    await find.fill(arns['eu-west-1']);
    await find.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/channels/${idOf(arns['eu-west-1'])}$`));
    await expect(regionSwitcher(page)).toHaveValue('eu-west-1');
    await expect(page.getByRole('heading', { name: `${prefix}-eu-west-1` })).toBeVisible();
  } finally {
    await emulator.clearFaults('*', refusal);
    await emulator.stopStream(arns['eu-west-1']).catch(() => undefined);
    // The region is remembered per user: put the default back for everyone else.
    if (
      (await regionSwitcher(page)
        .inputValue()
        .catch(() => 'us-west-2')) !== 'us-west-2'
    ) {
      await regionSwitcher(page).selectOption('us-west-2');
      await expect(regionSwitcher(page)).toBeEnabled();
      await expect(regionSwitcher(page)).toHaveValue('us-west-2');
    }
  }
});
