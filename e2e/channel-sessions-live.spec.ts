import { CreateChannelCommand } from '@aws-sdk/client-ivs';
import { asRole, emulator, expect, idOf, pinRegion, test, uniqueName } from './fixtures';

// The channel page's "Stream sessions" list follows the live state without a reload: a stream that
// starts while the page is open appears (marked live, linking to its session page) and shows as ended
// once it stops. Up to the live panel's 10 s poll, then one fetch of the list.
test.beforeEach(({ context, baseURL }) => pinRegion(context, baseURL!));
test.use({ storageState: asRole('viewer') });

test('a stream started while the page is open joins the sessions list, then shows as ended', async ({ page, ivs }) => {
  const { channel } = await ivs.send(new CreateChannelCommand({ name: uniqueName('e2e-sessions-live') }));
  const arn = channel!.arn!;
  const id = idOf(arn);
  await page.goto(`/channels/${id}`);
  const list = page.getByRole('region', { name: 'Stream sessions' });
  await expect(list).toContainText('No stream sessions yet');
  await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));

  const { stream } = (await emulator.startStream(arn, { viewerCount: 3 })) as { stream: { streamId: string } };
  const row = list.locator(`li[data-stream-id="${stream.streamId}"]`);
  await expect(row).toBeVisible({ timeout: 25_000 });
  await expect(row).toContainText('Live');
  await expect(row).toContainText('now');
  await expect(list).not.toContainText('No stream sessions yet');

  await emulator.stopStream(arn);
  await expect(row).not.toContainText('now', { timeout: 25_000 });
  await expect(row).not.toContainText('Live');
  await expect(row.locator('time')).toHaveCount(2); // start → end
  // All of it in the same document: no reload.
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);

  await row.getByRole('link', { name: stream.streamId }).click();
  await expect(page).toHaveURL(new RegExp(`/channels/${id}/sessions/${stream.streamId}$`), { timeout: 30_000 });
});
