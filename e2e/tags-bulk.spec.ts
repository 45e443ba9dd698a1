import { CreateChannelCommand, DeleteChannelCommand, ListTagsForResourceCommand, UntagResourceCommand, type IvsClient } from '@aws-sdk/client-ivs';
import { regionClient, useRegion } from './playback-keys-helpers';
import { asRole, emulator, expect, test, uniqueName } from './fixtures';

// Bulk tagging, the tag filter and export on the channel list. Channels are made per test with a
// unique name prefix, and the list is narrowed to them with the IVS name filter.

const tagsOf = async (ivs: IvsClient, resourceArn: string) => (await ivs.send(new ListTagsForResourceCommand({ resourceArn }))).tags ?? {};

async function makeChannels(ivs: IvsClient, prefix: string, n: number, tags?: Record<string, string>): Promise<string[]> {
  const arns: string[] = [];
  // A few at a time: the e2e emulator does not enforce quotas, but the machine is small.
  for (let i = 0; i < n; i += 10) {
    const batch = Array.from({ length: Math.min(10, n - i) }, (_, j) => ivs.send(new CreateChannelCommand({ name: `${prefix}-${i + j}`, tags })));
    arns.push(...(await Promise.all(batch)).map((o) => o.channel!.arn!));
  }
  return arns;
}

test.describe('bulk tagging as operator', () => {
  test.use({ storageState: asRole('operator') });
  test.slow();

  test('tags the selected channels with progress and per-channel results; retries the failed one', async ({ page, ivs }) => {
    const prefix = uniqueName('e2e-bulk');
    const arns = await makeChannels(ivs, prefix, 3, { old: 'x', keep: 'y' });
    await page.goto(`/channels?name=${prefix}`);
    await page.getByRole('checkbox', { name: 'Select all shown channels' }).check();
    await page.getByRole('button', { name: 'Tag 3 selected…' }).click();

    const dialog = page.getByRole('dialog', { name: 'Tag 3 channels' });
    await dialog.getByLabel('Bulk tag key 1').fill('aws:nope');
    await expect(dialog.getByLabel('Bulk tag key 1')).toHaveAccessibleDescription('Tag keys beginning with aws: are reserved for AWS.');
    await dialog.getByLabel('Bulk tag key 1').fill('team');
    await dialog.getByLabel('Bulk tag value 1').fill('news');
    await dialog.getByLabel('Remove tag keys').fill('old');

    // One tag call fails (a ValidationException: neither the SDK nor the queue retries it): the user sees which.
    await emulator.injectFault('TagResource', 'ValidationException', 1);
    await dialog.getByRole('button', { name: 'Apply to 3 channels' }).click();

    const running = page.getByRole('dialog', { name: 'Tagging 3 channels' });
    const status = running.getByTestId('bulk-tag-status');
    await expect(status).toContainText('Finished: 2 of 3 done, 1 failed', { timeout: 30_000 });
    await expect(running.getByRole('progressbar', { name: 'Bulk tagging progress' })).toHaveAttribute('value', '3');
    await expect(running.locator('li[data-status="failed"]')).toHaveCount(1);
    await expect(running.locator('li[data-status="done"]')).toHaveCount(2);

    await running.getByRole('button', { name: 'Retry failed (1)' }).click();
    await expect(status).toContainText('Finished: 3 of 3 done', { timeout: 30_000 });
    for (const arn of arns) expect(await tagsOf(ivs, arn)).toEqual({ team: 'news', keep: 'y' });
    await running.getByRole('button', { name: 'Done' }).click();
  });

  test('tags every channel matching the filter across pages, then filters and exports by tag', async ({ page, context, baseURL }) => {
    // Server actions from one browser run one at a time: the queue reaches 10 calls/s only when an
    // action answers within 100 ms (next start does; a busy next dev may not).
    test.setTimeout(240_000);
    // A region of its own, so 105 channels (two IVS pages) do not crowd the other specs' lists.
    const REGION = 'ap-south-1';
    const ivs = regionClient(REGION);
    await useRegion(context, baseURL, REGION);
    const prefix = uniqueName('e2e-pages');
    const arns = await makeChannels(ivs, prefix, 105);
    const key = `bulk-${prefix.slice(-6)}`;
    try {
      await page.goto(`/channels?name=${prefix}`);
      await page.getByRole('button', { name: 'Tag all matching…' }).click();
      const form = page.getByRole('dialog', { name: 'Tag 105 channels' });
      await expect(form).toBeVisible({ timeout: 30_000 });
      await form.getByLabel('Bulk tag key 1').fill(key);
      await form.getByLabel('Bulk tag value 1').fill('on');
      await form.getByRole('button', { name: 'Apply to 105 channels' }).click();

      const running = page.getByRole('dialog', { name: 'Tagging 105 channels' });
      await expect(running.getByTestId('bulk-tag-status')).toContainText(/Working: \d+ of 105 done/);
      // 105 calls at 10 per second: about 11 s (longer against a slow dev server).
      await expect(running.getByTestId('bulk-tag-status')).toContainText('Finished: 105 of 105 done', { timeout: 120_000 });
      expect(await tagsOf(ivs, arns[0])).toEqual({ [key]: 'on' });
      expect(await tagsOf(ivs, arns[104])).toEqual({ [key]: 'on' });
      await running.getByRole('button', { name: 'Done' }).click();

      // Untag five, then filter by the tag: every page is searched and only the 100 still tagged show.
      for (const arn of arns.slice(0, 5)) await ivs.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: [key] }));
      await page.getByLabel('Tag key').fill(key);
      await page.getByLabel('Tag value (optional)').fill('on');
      await page.getByRole('button', { name: 'Filter by tag' }).click();
      await expect(page.getByText('100 of 105 channels have this tag (all pages searched).')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole('table', { name: 'Channels' }).locator('tbody tr')).toHaveCount(100);

      // Export under the current filter (name + tag): CSV download with the tag column, JSON with tags.
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Export CSV' }).click();
      const csv = await (await (await download).createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
      const lines = csv.trimEnd().split('\r\n');
      expect(lines).toHaveLength(101);
      expect(lines[0]).toContain(`tag:${key}`);
      expect(csv).not.toMatch(/sk_[a-z0-9-]+_/i);

      const res = await page.request.get(`/api/channels/export?format=json&name=${prefix}&tagKey=${key}&tagValue=on`);
      expect(res.headers()['content-disposition']).toMatch(/attachment; filename="channels-ap-south-1-.*\.json"/);
      const body = (await res.json()) as { count: number; channels: { tags: Record<string, string> }[] };
      expect(body.count).toBe(100);
      expect(body.channels.every((c) => c.tags[key] === 'on')).toBe(true);
      expect(JSON.stringify(body)).not.toMatch(/streamKey|passphrase|sk_/i);
    } finally {
      for (const arn of arns) await ivs.send(new DeleteChannelCommand({ arn })).catch(() => undefined);
      ivs.destroy();
    }
  });
});

test.describe('channel list as viewer', () => {
  test.use({ storageState: asRole('viewer') });

  test('can filter and export, but sees no bulk tagging or selection', async ({ page, ivs }) => {
    const prefix = uniqueName('e2e-view');
    await makeChannels(ivs, prefix, 2, { team: 'news' });
    await page.goto(`/channels?name=${prefix}&tagKey=team&tagValue=news`);
    await expect(page.getByText(/^2 of \d+ channels have this tag/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('link', { name: 'Export CSV' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Tag all matching…' })).toHaveCount(0);
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    const res = await page.request.get(`/api/channels/export?format=csv&name=${prefix}`);
    expect(res.status()).toBe(200);
    expect((await res.text()).trimEnd().split('\r\n')).toHaveLength(3);
  });
});
