import {
  CreateChannelCommand,
  DeleteChannelCommand,
  UntagResourceCommand,
  CreatePlaybackRestrictionPolicyCommand,
  CreateRecordingConfigurationCommand,
  DeletePlaybackKeyPairCommand,
  DeletePlaybackRestrictionPolicyCommand,
  DeleteRecordingConfigurationCommand,
  ImportPlaybackKeyPairCommand,
  ListPlaybackKeyPairsCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  type IvsClient,
} from '@aws-sdk/client-ivs';
import type { Page } from '@playwright/test';
import { generateKeyPairSync } from 'node:crypto';
import { regionClient } from './playback-keys-helpers';
import { asRole, emulator, expect, idOf, pinRegion, test, uniqueName } from './fixtures';

// Tags: the editor on every taggable resource, bulk tagging, the tag filter and export on the channel
// list. Each test makes its own resources (shared emulator) and checks the result in IVS through the
// SDK, not only on the page. One file on purpose: tests here queue emulator faults for TagResource /
// UntagResource, and Playwright runs one file's tests one after another, so they never consume each
// other's faults (no other spec calls the tag operations).

const tagsOf = async (ivs: IvsClient, resourceArn: string) => (await ivs.send(new ListTagsForResourceCommand({ resourceArn }))).tags ?? {};

/** Changes `team` to `sports`, removes `old`, adds `env=prod`; then saves. */
// `noun` is what the editor's buttons call a row: the channel page's second editor says "stream key tag".
// Its fields and list are named with it too ("Stream key tag key 2"), so no two fields on the page share a name.
async function editTags(page: Page, region: string, noun = 'tag') {
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  const editor = page.getByRole('region', { name: region, exact: true });
  const rows = editor.getByRole('list', { name: `${Noun}s` }).getByRole('listitem');
  await expect(rows).toHaveCount(2);
  // Rows are sorted by key: old, team.
  await editor.getByRole('button', { name: `Remove ${noun} old` }).click();
  await editor.getByLabel(`${Noun} value 1`, { exact: true }).fill('sports');
  await editor.getByRole('button', { name: `Add ${noun}` }).click();
  await editor.getByLabel(`${Noun} key 2`, { exact: true }).fill('env');
  await editor.getByLabel(`${Noun} value 2`, { exact: true }).fill('prod');
  await expect(editor.getByText('Unsaved: 2 to add or change, 1 to remove')).toBeVisible();
  await editor.getByRole('button', { name: `Save ${noun}s` }).click();
  // Saved: nothing is pending any more (a toast from an earlier save could still be showing).
  await expect(editor.getByText(/^Unsaved:/)).toHaveCount(0, { timeout: 30_000 });
  await expect(editor.getByRole('alert')).toHaveCount(0);
}

// Playback key pairs (3), recording configurations (20) and policies are capped per region; this
// spec keeps those in a region no other spec uses.
const REGION = 'eu-central-1';
const START = { team: 'news', old: 'x' };
const END = { team: 'sports', env: 'prod' };

test.describe('tag editor as operator', () => {
  // Saves go through server actions; a cold dev server compiles them on first use.
  test.slow();
  test.use({ storageState: asRole('operator') });

  test('channel and stream key: only the difference is saved', async ({ page, ivs }) => {
    const out = await ivs.send(new CreateChannelCommand({ name: uniqueName('e2e-tags'), tags: START }));
    const channelArn = out.channel!.arn!;
    const keyArn = out.streamKey!.arn!;
    await ivs.send(new TagResourceCommand({ resourceArn: keyArn, tags: START }));

    await page.goto(`/channels/${idOf(channelArn)}`);
    await editTags(page, 'Tags');
    expect(await tagsOf(ivs, channelArn)).toEqual(END);

    await editTags(page, 'Stream key tags', 'stream key tag');
    expect(await tagsOf(ivs, keyArn)).toEqual(END);
    // The channel's tags were not touched by the stream key's save.
    expect(await tagsOf(ivs, channelArn)).toEqual(END);
  });

  test('recording configuration and restriction policy (in a region of their own, quotas are per region)', async ({
    page,
    context,
    baseURL,
  }) => {
    test.slow();
    const ivs = regionClient(REGION);
    await pinRegion(context, baseURL, REGION);
    const rc = await ivs.send(
      new CreateRecordingConfigurationCommand({
        name: uniqueName('e2e-tags'),
        destinationConfiguration: { s3: { bucketName: 'e2e-tags-bucket' } },
        tags: START,
      }),
    );
    const rcArn = rc.recordingConfiguration!.arn!;
    const policy = await ivs.send(new CreatePlaybackRestrictionPolicyCommand({ name: uniqueName('e2e-tags'), tags: START }));
    const policyArn = policy.playbackRestrictionPolicy!.arn!;
    try {
      await page.goto(`/recording-configurations/${idOf(rcArn)}`);
      await editTags(page, 'Tags');
      expect(await tagsOf(ivs, rcArn)).toEqual(END);

      await page.goto(`/restriction-policies/${idOf(policyArn)}`);
      await editTags(page, 'Tags');
      expect(await tagsOf(ivs, policyArn)).toEqual(END);
    } finally {
      await ivs.send(new DeleteRecordingConfigurationCommand({ arn: rcArn })).catch(() => undefined);
      await ivs.send(new DeletePlaybackRestrictionPolicyCommand({ arn: policyArn })).catch(() => undefined);
      ivs.destroy();
    }
  });

  test('playback key pair (in a region of its own: key pairs are capped at 3 per region)', async ({ page, context, baseURL }) => {
    const ivs = regionClient(REGION);
    const { keyPairs = [] } = await ivs.send(new ListPlaybackKeyPairsCommand({}));
    for (const k of keyPairs) await ivs.send(new DeletePlaybackKeyPairCommand({ arn: k.arn! }));
    const publicKeyMaterial = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey.export({
      type: 'spki',
      format: 'pem',
    }) as string;
    const pair = await ivs.send(new ImportPlaybackKeyPairCommand({ publicKeyMaterial, name: uniqueName('e2e-tags'), tags: START }));
    const arn = pair.keyPair!.arn!;

    await pinRegion(context, baseURL, REGION);
    await page.goto(`/playback-keys/${idOf(arn)}`);
    await editTags(page, 'Tags');
    expect(await tagsOf(ivs, arn)).toEqual(END);
    ivs.destroy();
  });

  test('invalid tags are explained per row before saving, and nothing is sent', async ({ page, ivs }) => {
    const out = await ivs.send(new CreateChannelCommand({ name: uniqueName('e2e-tags'), tags: { team: 'news' } }));
    const arn = out.channel!.arn!;
    await page.goto(`/channels/${idOf(arn)}`);
    const editor = page.getByRole('region', { name: 'Tags', exact: true });

    await editor.getByRole('button', { name: 'Add tag' }).click();
    const key = editor.getByLabel('Tag key 2');
    await key.fill('aws:owner');
    await key.blur();
    await expect(key).toHaveAttribute('aria-invalid', 'true');
    await expect(key).toHaveAccessibleDescription('Tag keys beginning with aws: are reserved for AWS.');

    await key.fill('team');
    await expect(key).toHaveAccessibleDescription('Tag key "team" is used twice.');

    await key.fill('ok');
    const value = editor.getByLabel('Tag value 2');
    await value.fill('semi;colon');
    await value.blur();
    await expect(value).toHaveAccessibleDescription(/letters, digits, spaces and _ \. : \/ = \+ - @ only/);

    await editor.getByRole('button', { name: 'Add tag' }).click();
    await editor.getByLabel('Tag key 3').fill('k'.repeat(129));
    await editor.getByRole('button', { name: 'Save tags' }).click();
    await expect(editor.getByLabel('Tag key 3')).toHaveAccessibleDescription('Tag keys are at most 128 characters.');
    // The user's input stays, and IVS was not asked.
    await expect(value).toHaveValue('semi;colon');
    expect(await tagsOf(ivs, arn)).toEqual({ team: 'news' });
  });

  test('a failed removal leaves the editor showing what was saved and what was not', async ({ page, ivs }) => {
    const out = await ivs.send(new CreateChannelCommand({ name: uniqueName('e2e-tags'), tags: START }));
    const arn = out.channel!.arn!;
    await page.goto(`/channels/${idOf(arn)}`);
    const editor = page.getByRole('region', { name: 'Tags', exact: true });
    await editor.getByRole('button', { name: 'Remove tag old' }).click();
    await editor.getByLabel('Tag value 1').fill('sports');

    // A ValidationException is not retried by the SDK, so one queued fault fails exactly this call.
    await emulator.injectFault('UntagResource', 'ValidationException', 1, { resourceArn: arn });
    await editor.getByRole('button', { name: 'Save tags' }).click();
    const alert = editor.getByRole('alert');
    await expect(alert).toContainText('Some changes were not saved', { timeout: 30_000 });
    await expect(alert).toContainText('Removing “old” failed, so it is still on the resource');
    expect(await tagsOf(ivs, arn)).toEqual({ team: 'sports', old: 'x' });
    // The saved change is no longer pending; the removal still is, and can be saved again.
    await expect(editor.getByText('Unsaved: 0 to add or change, 1 to remove')).toBeVisible();
    await editor.getByRole('button', { name: 'Save tags' }).click();
    await expect(page.getByText('Tags saved.')).toBeVisible();
    expect(await tagsOf(ivs, arn)).toEqual({ team: 'sports' });
  });
});

test.describe('tag editor as viewer', () => {
  test.use({ storageState: asRole('viewer') });

  test('shows tags without any control to change them', async ({ page, ivs }) => {
    const out = await ivs.send(new CreateChannelCommand({ name: uniqueName('e2e-tags'), tags: { team: 'news' } }));
    await page.goto(`/channels/${idOf(out.channel!.arn!)}`);
    const editor = page.getByRole('region', { name: 'Tags', exact: true });
    await expect(editor.getByText('team')).toBeVisible();
    await expect(editor.getByText('news')).toBeVisible();
    await expect(editor.getByRole('textbox')).toHaveCount(0);
    await expect(editor.getByRole('button')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Save tags' })).toHaveCount(0);
  });
});

// Channel list: channels are made per test with a unique name prefix, and the list is narrowed to
// them with the IVS name filter.
async function makeChannels(ivs: IvsClient, prefix: string, n: number, tags?: Record<string, string>): Promise<string[]> {
  const arns: string[] = [];
  // A few at a time: the e2e emulator does not enforce quotas, but the machine is small.
  for (let i = 0; i < n; i += 10) {
    const batch = Array.from({ length: Math.min(10, n - i) }, (_, j) =>
      ivs.send(new CreateChannelCommand({ name: `${prefix}-${i + j}`, tags })),
    );
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

    // The second channel's tag call fails (a ValidationException: neither the SDK nor the queue retries it): the user sees which.
    await emulator.injectFault('TagResource', 'ValidationException', 1, { resourceArn: arns[1] });
    await dialog.getByRole('button', { name: 'Apply to 3 channels' }).click();

    const running = page.getByRole('dialog', { name: 'Tagging 3 channels' });
    const status = running.getByTestId('job-status');
    await expect(status).toContainText('Finished: 2 of 3 done, 1 failed', { timeout: 30_000 });
    await expect(running.getByRole('progressbar', { name: 'Job progress' })).toHaveAttribute('value', '3');
    await expect(running.locator('li[data-status="failed"]')).toHaveCount(1);
    await expect(running.locator('li[data-status="failed"]')).toContainText(idOf(arns[1]));
    await expect(running.locator('li[data-status="done"]')).toHaveCount(2);

    await running.getByRole('button', { name: 'Retry failed (1)' }).click();
    await expect(status).toContainText('Finished: 3 of 3 done', { timeout: 30_000 });
    for (const arn of arns) expect(await tagsOf(ivs, arn)).toEqual({ team: 'news', keep: 'y' });
    await running.getByRole('button', { name: 'Done' }).click();
  });

  test('a bulk tag job of 300 channels goes on after its page closes; another operator watches it finish on /jobs', async ({
    page,
    context,
    baseURL,
    browser,
  }) => {
    // 300 TagResource calls at the pacer's 9.8 per second: about 31 s.
    test.setTimeout(240_000);
    // A region of its own (as the 105-channel test below), emptied afterwards.
    const JOB_REGION = 'ap-south-1';
    const ivs = regionClient(JOB_REGION);
    await pinRegion(context, baseURL, JOB_REGION);
    const prefix = uniqueName('e2e-job');
    const arns = await makeChannels(ivs, prefix, 300);
    const key = `job-${prefix.slice(-6)}`;
    const other = await browser.newContext({ storageState: asRole('admin') });
    try {
      await page.goto(`/channels?name=${prefix}`);
      await page.getByRole('button', { name: 'Tag all matching…' }).click();
      const form = page.getByRole('dialog', { name: 'Tag 300 channels' });
      await expect(form).toBeVisible({ timeout: 30_000 });
      await form.getByLabel('Bulk tag key 1').fill(key);
      await form.getByLabel('Bulk tag value 1').fill('on');
      await form.getByRole('button', { name: 'Apply to 300 channels' }).click();
      await expect(page.getByRole('dialog', { name: 'Tagging 300 channels' }).getByTestId('job-status')).toBeVisible();
      // The operator closes the tab at once: nearly all of the work is still to come.
      await page.close();

      const jobs = await other.newPage();
      await jobs.goto('/jobs');
      const row = jobs.getByRole('row').filter({ hasText: `set ${key}=on` });
      await expect(row).toContainText('operator@', { timeout: 10_000 });
      await expect(row).toContainText(/Working: \d+ of 300 done/);
      await expect(row).toContainText('Finished: 300 of 300 done', { timeout: 120_000 });
      for (const arn of [arns[0], arns[299]]) expect(await tagsOf(ivs, arn)).toEqual({ [key]: 'on' });
      await row.getByRole('link', { name: 'Tag 300 channels' }).click();
      await expect(jobs.getByRole('heading', { name: 'Tag 300 channels' })).toBeVisible();
      await expect(jobs.locator('li[data-status="done"]')).toHaveCount(300);
    } finally {
      await other.close();
      for (const arn of arns) await ivs.send(new DeleteChannelCommand({ arn })).catch(() => undefined);
      ivs.destroy();
    }
  });

  test.describe('as viewer', () => {
    test.use({ storageState: asRole('viewer') });
    test('watches jobs on /jobs but cannot cancel or retry them', async ({ page }) => {
      await page.goto('/jobs');
      const first = page.getByRole('table', { name: 'Jobs' }).getByRole('link').first();
      await expect(first).toBeVisible();
      await first.click();
      await expect(page.getByTestId('job-status')).toBeVisible();
      await expect(page.getByRole('button', { name: /Cancel job|Retry failed/ })).toHaveCount(0);
    });
  });

  test('tags every channel matching the filter across pages, then filters and exports by tag', async ({ page, context, baseURL }) => {
    // Server actions from one browser run one at a time: the queue reaches 10 calls/s only when an
    // action answers within 100 ms (next start does; a busy next dev may not).
    test.setTimeout(240_000);
    // A region of its own, so 105 channels (two IVS pages) do not crowd the other specs' lists.
    const PAGES_REGION = 'ap-south-1';
    const ivs = regionClient(PAGES_REGION);
    await pinRegion(context, baseURL, PAGES_REGION);
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
      await expect(running.getByTestId('job-status')).toContainText(/Working: \d+ of 105 done/);
      // 105 calls at 10 per second: about 11 s (longer against a slow dev server).
      await expect(running.getByTestId('job-status')).toContainText('Finished: 105 of 105 done', { timeout: 120_000 });
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
