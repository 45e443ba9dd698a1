import { CreateChannelCommand, UpdateChannelCommand } from '@aws-sdk/client-ivs';
import type { Download } from '@playwright/test';
import { asRole, expect, pinRegion, test, uniqueName } from './fixtures';

// Export as code from the channel list's selection: CloudFormation and Terraform downloads that name
// the selected channels and adopt them (import). The round trip of every property is lib/iac's test.
test.use({ storageState: asRole('operator') });
test.beforeEach(({ context, baseURL }) => pinRegion(context, baseURL));

const text = async (download: Download) => Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');

test('exports the selected channels as CloudFormation and as Terraform', async ({ page, ivs }) => {
  const prefix = uniqueName('e2e-iac');
  const arns = [];
  for (const n of [1, 2]) arns.push((await ivs.send(new CreateChannelCommand({ name: `${prefix}-${n}` }))).channel!.arn!);
  await page.goto(`/channels?name=${encodeURIComponent(prefix)}`);
  await expect(page.locator('[data-testid="channel-table"][data-ready]')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('checkbox', { name: 'Select all shown channels' }).check();
  const group = page.getByRole('group', { name: 'Export as code' });

  const cfn = page.waitForEvent('download');
  await group.getByRole('link', { name: 'CloudFormation' }).click();
  const yaml = await text(await cfn);
  expect(yaml.match(/^\s+Type: AWS::IVS::Channel$/gm)).toHaveLength(2);
  for (const arn of arns) expect(yaml).toContain(arn);

  const tf = page.waitForEvent('download');
  await group.getByRole('link', { name: 'Terraform' }).click();
  const hcl = await text(await tf);
  expect(hcl.match(/resource "aws_ivs_channel"/g)).toHaveLength(2);
  expect(hcl.match(/^import \{/gm)).toHaveLength(2);
  expect(`${yaml}${hcl}`).not.toMatch(/sk_[a-z0-9-]+_/i);

  // Every channel the filter matches, without selecting: the list's own filter drives the export.
  const all = page.waitForEvent('download');
  await page.getByRole('group', { name: 'Export and bulk tagging' }).getByRole('link', { name: 'All as Terraform' }).click();
  const allHcl = await text(await all);
  expect(allHcl.match(/resource "aws_ivs_channel"/g)).toHaveLength(2);
  for (const arn of arns) expect(allHcl).toContain(arn);

  // Drift: the channel changes after the export; comparing the file names exactly that.
  await ivs.send(new UpdateChannelCommand({ arn: arns[0], latencyMode: 'NORMAL' }));
  await group.getByRole('link', { name: 'Compare a file…' }).click();
  await page.getByLabel('Exported file (CloudFormation YAML or Terraform)').fill(yaml);
  await page.getByRole('button', { name: 'Compare with the account' }).click();
  await expect(page.getByRole('heading', { name: '1 difference in 2 resources' })).toBeVisible();
  const row = page.getByRole('table', { name: 'Differences' }).locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('LatencyMode');
  await expect(row).toContainText('"NORMAL"');

  await page.getByLabel('Exported file (CloudFormation YAML or Terraform)').fill('not: [an export');
  await page.getByRole('button', { name: 'Compare with the account' }).click();
  await expect(page.getByLabel('Exported file (CloudFormation YAML or Terraform)')).toHaveAccessibleDescription(
    /neither a CloudFormation template nor Terraform/,
  );
});
