import {
  CreateChannelCommand,
  CreateRecordingConfigurationCommand,
  GetChannelCommand,
  IvsClient,
  ListChannelsCommand,
} from '@aws-sdk/client-ivs';
import { asRole, emulatorUrl, expect, pinRegion, test, uniqueName } from './fixtures';

// Clone to region from the channel list's selection: the preview names what will be made, a bucket in
// the target region is asked for next to its field, and the job copies the channels and their recording
// configuration to ap-northeast-1 with their settings and tags. The property-by-property check is
// lib/jobs/clone-kind.emulator.test.ts.
test.use({ storageState: asRole('operator') });
test.beforeEach(({ context, baseURL }) => pinRegion(context, baseURL));

const TARGET = 'ap-northeast-1';

test('clones the selected channels and their recording configuration to another region', async ({ page, ivs, browser, baseURL }) => {
  const prefix = uniqueName('e2e-clone');
  const rc = await ivs.send(
    new CreateRecordingConfigurationCommand({
      name: `${prefix}-rec`,
      destinationConfiguration: { s3: { bucketName: `${prefix}-oregon` } },
    }),
  );
  const rcArn = rc.recordingConfiguration!.arn!;
  for (const n of [1, 2])
    await ivs.send(
      new CreateChannelCommand({
        name: `${prefix}-${n}`,
        latencyMode: 'NORMAL',
        recordingConfigurationArn: rcArn,
        tags: { team: `t${n}` },
      }),
    );

  await page.goto(`/channels?name=${encodeURIComponent(prefix)}`);
  await expect(page.locator('[data-testid="channel-table"][data-ready]')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('checkbox', { name: 'Select all shown channels' }).check();
  await page.getByRole('button', { name: 'Clone to region…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Clone 2 channels to another region' });
  await dialog.getByLabel('Copy to region').selectOption(TARGET);

  const preview = dialog.getByRole('list', { name: 'Resources to create' });
  await expect(preview.getByRole('listitem')).toHaveCount(3);
  await expect(preview).toContainText(`${prefix}-rec (used by 2)`);
  await expect(dialog).toContainText(`3 resources will be created in ${TARGET}`);

  // The source's bucket is in us-west-2: refused next to the field, and nothing is started.
  const bucket = dialog.getByLabel(`S3 bucket in ${TARGET} for "${prefix}-rec"`);
  await bucket.fill(`${prefix}-oregon`);
  await dialog.getByRole('button', { name: `Copy to ${TARGET}` }).click();
  await expect(bucket).toHaveAccessibleDescription(/IVS records only to a bucket in ap-northeast-1/);
  await bucket.fill(`${prefix}-tokyo`);
  await dialog.getByRole('button', { name: `Copy to ${TARGET}` }).click();

  const progress = page.getByRole('dialog', { name: 'Copying to another region' });
  await expect(progress.getByTestId('job-status')).toHaveText(/^Finished: 3 of 3 done/, { timeout: 30_000 });
  // Each copy's new ARN, per resource.
  await expect(progress.getByRole('list', { name: 'Results per resource' }).getByRole('listitem')).toHaveCount(3);
  await expect(progress.getByRole('list', { name: 'Results per resource' })).toContainText(`Copied as arn:aws:ivs:${TARGET}:`);

  const tokyo = new IvsClient({ endpoint: emulatorUrl, region: TARGET, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const copies = (await tokyo.send(new ListChannelsCommand({ filterByName: prefix }))).channels ?? [];
  expect(copies.map((c) => c.name).sort()).toEqual([`${prefix}-1`, `${prefix}-2`]);
  for (const copy of copies) {
    const { channel } = await tokyo.send(new GetChannelCommand({ arn: copy.arn }));
    expect(channel).toMatchObject({ latencyMode: 'NORMAL', tags: { team: `t${copy.name!.slice(-1)}` } });
    expect(channel!.recordingConfigurationArn).toMatch(new RegExp(`^arn:aws:ivs:${TARGET}:`));
  }
  tokyo.destroy();

  // Each copy is audited as a create, in the target region, in the operator's name.
  const context = await browser.newContext({ storageState: asRole('admin') });
  await pinRegion(context, baseURL);
  const admin = await context.newPage();
  await admin.goto(`/audit?action=channel.create&resource=${encodeURIComponent(copies[0].arn!)}`);
  const row = admin.getByRole('table').locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(TARGET);
  await expect(row).toContainText('operator@');
  await context.close();
});
