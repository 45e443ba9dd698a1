import {
  CreateChannelCommand,
  CreateRecordingConfigurationCommand,
  DeleteChannelCommand,
  GetChannelCommand,
  ListChannelsCommand,
  GetStreamCommand,
  type CreateChannelCommandInput,
  type IvsClient,
} from '@aws-sdk/client-ivs';
import type { Page } from '@playwright/test';
import { asRole, emulator, expect, idOf, pinRegion, test, uniqueName } from './fixtures';

// Channels: list paging and filters, create with each type, edit (and editing a live channel),
// delete, errors. The live panel, stop, metadata and sessions are in channels-live.spec.ts.
test.beforeEach(({ context, baseURL }) => pinRegion(context, baseURL!));

async function newChannel(ivs: IvsClient, input: CreateChannelCommandInput = {}) {
  const out = await ivs.send(new CreateChannelCommand({ name: uniqueName('e2e-ch'), ...input }));
  const arn = out.channel!.arn!;
  return { arn, id: idOf(arn), name: out.channel!.name! };
}

// Waits for the channel form to hydrate before typing into it.
async function openForm(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('form[data-ready]')).toBeVisible();
}

const rows = (page: Page) => page.getByRole('table', { name: 'Channels' }).locator('tbody tr[data-channel-id]');

test.describe('channel list', () => {
  test.use({ storageState: asRole('operator') });

  test('pages 100 at a time with the cursor in the URL, and filters by name in IVS', async ({ page, ivs }) => {
    const prefix = uniqueName('e2e-page').replace(/-/g, '_');
    for (let i = 0; i < 101; i += 25) {
      await Promise.all(
        Array.from({ length: Math.min(25, 101 - i) }, (_, j) => ivs.send(new CreateChannelCommand({ name: `${prefix}_${i + j}` }))),
      );
    }
    await page.goto('/channels');
    await page.getByLabel('Filter in IVS by').selectOption('name');
    await page.getByLabel('Name contains').fill(prefix);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(new RegExp(`name=${prefix}`));
    await expect(rows(page)).toHaveCount(100);
    await expect(page.getByText('Page 1 · 100 channels')).toBeVisible();

    await page.getByRole('link', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/token=.+&page=2|page=2/);
    await expect(rows(page)).toHaveCount(1);
    expect(new URL(page.url()).searchParams.get('name')).toBe(prefix);
    await page.reload(); // the cursor in the URL is enough to show the same page again
    await expect(rows(page)).toHaveCount(1);

    await page.getByRole('link', { name: 'Previous' }).click();
    await expect(rows(page)).toHaveCount(100);
    await expect(page.getByRole('link', { name: 'Next page' })).toBeVisible();
  });

  test('quick filters narrow the loaded rows without a server round trip, kept in the URL', async ({ page, ivs }) => {
    const prefix = uniqueName('e2e-quick');
    const basic = await newChannel(ivs, { name: `${prefix}-basic`, type: 'BASIC', tags: { team: 'news' } });
    const priv = await newChannel(ivs, { name: `${prefix}-private`, authorized: true });
    const live = await newChannel(ivs, { name: `${prefix}-live` });
    await emulator.startStream(live.arn, { viewerCount: 7 });
    await page.goto(`/channels?name=${prefix}`);
    await expect(page.locator('[data-testid="channel-table"][data-ready]')).toBeVisible();
    await expect(rows(page)).toHaveCount(3);

    await page.getByLabel('Type', { exact: true }).selectOption('BASIC');
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toHaveAttribute('data-channel-id', basic.id);
    await expect(page).toHaveURL(/qtype=BASIC/);
    await page.getByLabel('Type', { exact: true }).selectOption('');

    await page.getByLabel('Private', { exact: true }).selectOption('yes');
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toHaveAttribute('data-channel-id', priv.id);
    await page.getByLabel('Private', { exact: true }).selectOption('');

    await page.getByLabel('Tag', { exact: true }).fill('team=news');
    await expect(rows(page)).toHaveCount(1);
    await page.getByLabel('Tag', { exact: true }).fill('');

    // The live snapshot may predate the stream by a few seconds: reload until it shows.
    await expect(async () => {
      await page.goto(`/channels?name=${prefix}&qlive=live`);
      await expect(rows(page)).toHaveCount(1, { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await expect(rows(page).first()).toContainText('7 viewers');
    await emulator.stopStream(live.arn);
  });

  test('rows can be selected for bulk actions', async ({ page, ivs }) => {
    const prefix = uniqueName('e2e-sel');
    await newChannel(ivs, { name: `${prefix}-a` });
    await newChannel(ivs, { name: `${prefix}-b` });
    await page.goto(`/channels?name=${prefix}`);
    await expect(page.locator('[data-testid="channel-table"][data-ready]')).toBeVisible();
    await expect(rows(page)).toHaveCount(2);
    await expect(page.getByRole('region', { name: 'Bulk actions' })).toHaveCount(0);
    await page.getByRole('checkbox', { name: `Select ${prefix}-a` }).check();
    const toolbar = page.getByRole('region', { name: 'Bulk actions' });
    await expect(toolbar).toContainText('1 selected');
    await page.getByRole('checkbox', { name: 'Select all shown channels' }).check();
    await expect(toolbar).toContainText('2 selected');
    await expect(toolbar.getByRole('button', { name: /Rotate stream keys/ })).toBeVisible();
    await toolbar.getByRole('button', { name: 'Clear selection' }).click();
    await expect(toolbar).toHaveCount(0);
  });

  test('fits a laptop screen without sideways scrolling, even with a 128-character name and long tags', async ({ page, ivs }) => {
    const name = uniqueName('e2e-wide').padEnd(128, 'x');
    const longValue = 'a-tag-value-much-longer-than-any-column-should-grow-for';
    const { id } = await newChannel(ivs, { name, tags: { 'cost-centre-of-the-broadcast-team': longValue, team: 'platform' } });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/channels?name=${name}`);
    const row = rows(page).and(page.locator(`[data-channel-id="${id}"]`));
    await expect(row).toContainText(name);
    await expect(row).toContainText(longValue); // cut short on screen, whole in the text and the tooltip
    const frame = page.getByRole('table', { name: 'Channels' }).locator('..');
    const overflow = await frame.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBe(0);
  });

  test('filters by recording configuration, and says IVS takes one filter at a time', async ({ page, ivs }) => {
    const rc = await ivs.send(
      new CreateRecordingConfigurationCommand({
        name: uniqueName('e2e-rc'),
        destinationConfiguration: { s3: { bucketName: 'e2e-bucket' } },
      }),
    );
    const rcArn = rc.recordingConfiguration!.arn!;
    const withRc = await newChannel(ivs, { recordingConfigurationArn: rcArn });
    await newChannel(ivs);
    await page.goto(`/channels?recording=${encodeURIComponent(rcArn)}`);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toHaveAttribute('data-channel-id', withRc.id);

    await page.goto(`/channels?name=${withRc.name}&recording=${encodeURIComponent(rcArn)}`);
    await expect(page.getByText(/IVS filters by one thing at a time, so only the name filter was applied/)).toBeVisible();
    await expect(rows(page)).toHaveCount(1);
  });

  test('an IVS error ends as a message in the page, with the filter kept', async ({ page }) => {
    // The emulator is shared: another client may take the one-shot fault first, so retry.
    await expect(async () => {
      await emulator.injectFault('ListChannels', 'AccessDeniedException', 1);
      await page.goto('/channels?name=kept-filter');
      await expect(page.getByRole('alert').filter({ hasText: 'AccessDeniedException' })).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByLabel('Name contains')).toHaveValue('kept-filter');
  });
});

test.describe('create channel', () => {
  test.use({ storageState: asRole('operator') });

  for (const type of ['STANDARD', 'BASIC', 'ADVANCED_SD', 'ADVANCED_HD'] as const) {
    test(`creates a ${type} channel and opens its ingest details`, async ({ page, ivs }) => {
      const name = uniqueName(`e2e-new-${type.toLowerCase()}`).replace(/_/g, '-');
      await openForm(page, '/channels/new');
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByRole('radio', { name: new RegExp(`^${type}`) }).check();
      if (type.startsWith('ADVANCED')) await page.getByLabel('Transcode preset').selectOption('CONSTRAINED_BANDWIDTH_DELIVERY');
      else await expect(page.getByLabel('Transcode preset')).toHaveCount(0);
      await page.getByLabel('Latency mode').selectOption('NORMAL');
      await page.getByRole('button', { name: 'Add tag' }).click();
      await page.getByLabel('Tag 1 key').fill('env');
      await page.getByLabel('Tag 1 value').fill('e2e');
      await page.getByRole('button', { name: 'Create channel' }).click();

      await expect(page).toHaveURL(/\/channels\/[A-Za-z0-9]+\?created=1/);
      await expect(page.getByText('Channel created.')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('rtmps-url')).toHaveText(/^rtmps:\/\/.+:443\/app\/$/);
      const id = new URL(page.url()).pathname.split('/').pop()!;
      const listed = (await ivs.send(new ListChannelsCommand({ filterByName: name }))).channels ?? [];
      expect(listed.map((c) => idOf(c.arn!))).toEqual([id]);
      const { channel } = await ivs.send(new GetChannelCommand({ arn: listed[0].arn! }));
      expect(channel).toMatchObject({ name, type, latencyMode: 'NORMAL', tags: { env: 'e2e' } });
      expect(channel!.preset ?? '').toBe(type.startsWith('ADVANCED') ? 'CONSTRAINED_BANDWIDTH_DELIVERY' : '');
    });
  }

  test('a create whose answer IVS lost is one channel, not two (the SDK used to retry it)', async ({ page, ivs }) => {
    const name = uniqueName('e2e-lost');
    await emulator.injectFaultAfter('CreateChannel', 'DropConnection', { resourceName: name });
    await openForm(page, '/channels/new');
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Create channel' }).click();
    await expect(page).toHaveURL(/\/channels\/[A-Za-z0-9]+\?created=1/);
    const listed = (await ivs.send(new ListChannelsCommand({ filterByName: name }))).channels ?? [];
    expect(listed.map((c) => idOf(c.arn!))).toEqual([new URL(page.url()).pathname.split('/').pop()]);
  });

  test('the same create submitted five times at once makes one channel', async ({ page, ivs }) => {
    const name = uniqueName('e2e-once');
    await openForm(page, '/channels/new');
    await page.getByLabel('Name', { exact: true }).fill(name);
    // The form's one submit goes out as five identical requests, all at once.
    await page.route('**/channels/new', async (route) => {
      const request = route.request();
      if (request.method() !== 'POST' || !request.headers()['next-action']) return route.fallback();
      const headers = Object.fromEntries(
        Object.entries(await request.allHeaders()).filter(([k]) => !['cookie', 'content-length'].includes(k)),
      );
      const copies = Array.from({ length: 4 }, () => page.request.post(request.url(), { headers, data: request.postDataBuffer()! }));
      const [response] = await Promise.all([route.fetch(), ...copies]);
      await route.fulfill({ response });
    });
    await page.getByRole('button', { name: 'Create channel' }).click();
    await expect(page).toHaveURL(/\/channels\/[A-Za-z0-9]+\?created=1/);
    const listed = (await ivs.send(new ListChannelsCommand({ filterByName: name }))).channels ?? [];
    expect(listed).toHaveLength(1);
  });

  test('shows field errors as you type, offers multitrack only where IVS allows it, warns on insecure ingest', async ({ page }) => {
    await openForm(page, '/channels/new');
    const name = page.getByLabel('Name', { exact: true });
    await name.fill('has spaces');
    await expect(page.locator('#name-error')).toContainText('letters, digits');
    await expect(name).toHaveAttribute('aria-describedby', /name-error/);
    await name.fill('fine-name');
    await expect(page.locator('#name-error')).toHaveCount(0);

    const multitrack = page.getByLabel('Multitrack input');
    await expect(multitrack).toBeDisabled();
    await page.getByLabel('Container format').selectOption('FRAGMENTED_MP4');
    await expect(multitrack).toBeEnabled();
    await multitrack.check();
    await expect(page.getByLabel('Multitrack policy')).toBeVisible();
    await page.getByRole('radio', { name: /^BASIC/ }).check();
    await expect(page.locator('#multitrackEnabled-error')).toContainText('STANDARD');

    await page.getByLabel('Allow insecure ingest (RTMP)').check();
    await expect(page.getByRole('note')).toContainText('unencrypted');
  });

  test('an IVS refusal is shown in the form and the input is kept', async ({ page }) => {
    const name = uniqueName('quota-test');
    await openForm(page, '/channels/new');
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('radio', { name: /^ADVANCED_SD/ }).check();
    // Only this form's create fails: specs in the other worker create channels meanwhile.
    await emulator.injectFault('CreateChannel', 'ServiceQuotaExceededException', 1, { resourceName: name });
    await page.getByRole('button', { name: 'Create channel' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'ServiceQuotaExceededException' })).toBeVisible();
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
    await expect(page.getByRole('radio', { name: /^ADVANCED_SD/ })).toBeChecked();
  });
});

test.describe('edit channel', () => {
  test.use({ storageState: asRole('operator') });

  test('saves every setting and returns to the channel page', async ({ page, ivs }) => {
    const ch = await newChannel(ivs);
    await openForm(page, `/channels/${ch.id}/edit`);
    await page.getByLabel('Latency mode').selectOption('NORMAL');
    await page.getByLabel('Private channel (authorized playback)').check();
    await page.getByRole('radio', { name: /^ADVANCED_HD/ }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL(new RegExp(`/channels/${ch.id}$`));
    const { channel } = await ivs.send(new GetChannelCommand({ arn: ch.arn }));
    expect(channel).toMatchObject({ latencyMode: 'NORMAL', authorized: true, type: 'ADVANCED_HD', preset: 'HIGHER_BANDWIDTH_DELIVERY' });
  });

  test('a live channel: the form says why it cannot save and offers to stop the stream first', async ({ page, ivs }) => {
    const ch = await newChannel(ivs);
    await emulator.startStream(ch.arn);
    await openForm(page, `/channels/${ch.id}/edit`);
    await page.getByLabel('Latency mode').selectOption('NORMAL');
    await expect(page.getByRole('alert').filter({ hasText: 'IVS does not allow changes to a live channel' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();

    await page.getByRole('button', { name: 'Stop the stream first' }).click();
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeEnabled({ timeout: 20_000 });
    await expect(page.getByLabel('Latency mode')).toHaveValue('NORMAL'); // the edit survived
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL(new RegExp(`/channels/${ch.id}$`));
    expect((await ivs.send(new GetChannelCommand({ arn: ch.arn }))).channel!.latencyMode).toBe('NORMAL');
  });
});

test.describe('delete channel', () => {
  test.use({ storageState: asRole('admin') });

  async function confirmDelete(page: Page, name: string, button: string) {
    await page.getByRole('button', { name: button }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: button })).toBeDisabled();
    await dialog.getByLabel(/to confirm/).fill(name);
    await dialog.getByRole('button', { name: button }).click();
  }

  test('deletes after the name is typed', async ({ page, ivs }) => {
    const ch = await newChannel(ivs);
    await page.goto(`/channels/${ch.id}`);
    await confirmDelete(page, ch.name, 'Delete channel');
    await expect(page).toHaveURL(/\/channels$/);
    await expect(ivs.send(new GetChannelCommand({ arn: ch.arn }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  test('a live channel: stop the stream and delete', async ({ page, ivs }) => {
    const ch = await newChannel(ivs);
    await emulator.startStream(ch.arn);
    await page.goto(`/channels/${ch.id}`);
    await confirmDelete(page, ch.name, 'Stop the stream and delete');
    await expect(page).toHaveURL(/\/channels$/, { timeout: 20_000 });
    await expect(ivs.send(new GetChannelCommand({ arn: ch.arn }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  test('a channel already gone is handled gracefully', async ({ page, ivs }) => {
    const ch = await newChannel(ivs);
    await page.goto(`/channels/${ch.id}`);
    await ivs.send(new DeleteChannelCommand({ arn: ch.arn }));
    await confirmDelete(page, ch.name, 'Delete channel');
    await expect(page.getByText(`Channel ${ch.name} was already deleted.`)).toBeVisible();
    await page.goto(`/channels/${ch.id}`);
    await expect(page.getByRole('heading', { name: 'Channel not found' })).toBeVisible();
  });
});

test.describe('as viewer', () => {
  test.use({ storageState: asRole('viewer') });

  test('sees no mutation controls on the list or the channel page', async ({ page, ivs }) => {
    const ch = await newChannel(ivs);
    await emulator.startStream(ch.arn);
    await page.goto(`/channels?name=${ch.name}`);
    await expect(rows(page)).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'Create channel' })).toHaveCount(0);
    await expect(page.getByRole('checkbox')).toHaveCount(0);

    await page.goto(`/channels/${ch.id}`);
    await expect(page.getByRole('heading', { name: ch.name })).toBeVisible();
    await expect(page.getByTestId('rtmps-url')).toBeVisible();
    for (const name of ['Edit', 'Delete channel', 'Stop the stream and delete', 'Stop stream', 'Send metadata']) {
      await expect(page.getByRole('button', { name, exact: true }).or(page.getByRole('link', { name, exact: true }))).toHaveCount(0);
    }
    for (const path of [`/channels/${ch.id}/edit`, '/channels/new']) {
      expect((await page.goto(path))?.status(), path).toBe(403);
      await expect(page.getByRole('heading', { level: 1, name: 'You don’t have access to this page' })).toBeVisible();
    }
    await emulator.stopStream(ch.arn);
    await expect(ivs.send(new GetStreamCommand({ channelArn: ch.arn }))).rejects.toMatchObject({ name: 'ChannelNotBroadcasting' });
  });
});
