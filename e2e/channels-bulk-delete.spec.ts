import { CreateChannelCommand, GetChannelCommand } from '@aws-sdk/client-ivs';
import { asRole, emulator, expect, pinRegion, test, uniqueName } from './fixtures';

// Bulk delete of channels (admins) as a server-side job: a typed confirmation, a result per channel,
// a live channel refused with what to do, and the others gone from IVS.
test.use({ storageState: asRole('admin') });
test.beforeEach(({ context, baseURL }) => pinRegion(context, baseURL));

test('deletes the selected channels as a job; a live one is refused with what to do', async ({ page, ivs }) => {
  const prefix = uniqueName('e2e-bulk-delete');
  const arns: string[] = [];
  for (const n of [1, 2, 3]) arns.push((await ivs.send(new CreateChannelCommand({ name: `${prefix}-${n}` }))).channel!.arn!);
  await emulator.startStream(arns[1]);

  await page.goto(`/channels?name=${encodeURIComponent(prefix)}`);
  await expect(page.locator('[data-testid="channel-table"][data-ready]')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('checkbox', { name: 'Select all shown channels' }).check();
  await page.getByRole('button', { name: 'Delete 3 channels…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete 3 channels?' });
  await confirm.getByLabel('Type 3 to confirm').fill('2');
  await confirm.getByRole('button', { name: 'Delete 3 channels' }).click();
  await expect(confirm.getByLabel('Type 3 to confirm')).toHaveAccessibleDescription('Type 3 to confirm.');
  await confirm.getByLabel('Type 3 to confirm').fill('3');
  await confirm.getByRole('button', { name: 'Delete 3 channels' }).click();

  const progress = page.getByRole('dialog', { name: 'Deleting channels' });
  await expect(progress.getByTestId('job-status')).toContainText('Finished: 2 of 3 done, 1 failed', { timeout: 20_000 });
  await expect(progress.locator('li[data-status="failed"]')).toContainText('Stop the stream first');
  const gone = await Promise.all(
    arns.map((arn) =>
      ivs.send(new GetChannelCommand({ arn })).then(
        () => false,
        () => true,
      ),
    ),
  );
  expect(gone).toEqual([true, false, true]);
  await progress.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('table', { name: 'Channels' }).locator('tbody tr')).toHaveCount(1);
  await emulator.stopStream(arns[1]);
});

test.describe('as operator', () => {
  test.use({ storageState: asRole('operator') });
  test('sees no bulk delete', async ({ page, ivs }) => {
    const name = uniqueName('e2e-no-delete');
    await ivs.send(new CreateChannelCommand({ name }));
    await page.goto(`/channels?name=${encodeURIComponent(name)}`);
    await page.getByRole('checkbox', { name: `Select ${name}` }).check();
    await expect(page.getByRole('region', { name: 'Bulk actions' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Delete/ })).toHaveCount(0);
  });
});
