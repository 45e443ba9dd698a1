import { CreateChannelCommand, DeleteAdConfigurationCommand, DeleteChannelCommand } from '@aws-sdk/client-ivs';
import type { Page } from '@playwright/test';
import { asRole, emulator, expect, test, uniqueName } from './fixtures';

// Ad configurations, end to end: create (with the ARN check), attach to a channel from its edit form,
// filter the channel list by it, insert an ad break on the live channel (refused while offline), and
// delete refused while a live channel uses it.

const PLAYBACK = 'arn:aws:mediatailor:us-west-2:123456789012:playbackConfiguration/e2e-ads';
const made = { configs: [] as string[], channels: [] as string[] };

test.afterEach(async ({ ivs }) => {
  for (const arn of made.channels.splice(0)) {
    await emulator.stopStream(arn).catch(() => undefined);
    await ivs.send(new DeleteChannelCommand({ arn })).catch(() => undefined);
  }
  for (const arn of made.configs.splice(0)) await ivs.send(new DeleteAdConfigurationCommand({ arn })).catch(() => undefined);
});

test.describe.configure({ timeout: 60_000 });
test.use({ storageState: asRole('admin') });

async function createAdConfiguration(page: Page, name: string): Promise<string> {
  await page.goto('/ad-configurations/new');
  await page.getByLabel('Name (optional)').fill(name);
  const arn = page.getByLabel('Playback configuration 1 ARN');
  await arn.fill('arn:aws:ivs:us-west-2:123456789012:channel/nope');
  await arn.blur();
  await expect(page.getByText(/Playback configuration 1: not a MediaTailor playback configuration ARN/)).toBeVisible();
  await arn.fill(PLAYBACK);
  await page.getByRole('button', { name: 'Create ad configuration' }).click();
  await expect(page).toHaveURL(/\/ad-configurations\/(?!new$)[A-Za-z0-9-]+$/, { timeout: 30_000 });
  const configArn = (await page.getByText(/^arn:aws:ivs:\S+:ad-configuration\//).textContent())!;
  made.configs.push(configArn);
  await expect(page.getByText(PLAYBACK)).toBeVisible();
  return configArn;
}

test('create, attach, insert an ad break while live, delete refused while in use', async ({ page, ivs }) => {
  const name = uniqueName('ads');
  const configArn = await createAdConfiguration(page, name);

  const channel = (await ivs.send(new CreateChannelCommand({ name: `${name}-ch` }))).channel!;
  made.channels.push(channel.arn!);
  const channelId = channel.arn!.slice(channel.arn!.lastIndexOf('/') + 1);

  // Attach it from the channel's edit form.
  await page.goto(`/channels/${channelId}/edit`);
  await expect(page.locator('form[data-ready]')).toBeVisible();
  await page.getByLabel('Ad configuration').selectOption(configArn);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(new RegExp(`/channels/${channelId}$`), { timeout: 30_000 });
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();

  // The channel list filters by it.
  await page.goto(`/channels?ads=${encodeURIComponent(configArn)}`);
  await expect(page.getByRole('link', { name: `${name}-ch` })).toBeVisible();

  // Offline: the break is refused with a reason.
  await page.goto(`/channels/${channelId}`);
  await expect(page.getByText('Ad breaks can be inserted only while the channel is live.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Insert ad break' })).toBeDisabled();

  // Live: confirm naming the channel and duration, then the id and a countdown.
  await emulator.startStream(channel.arn!);
  await page.reload();
  await page.getByLabel('Insert ad break (seconds)').fill('301');
  await expect(page.getByText('The ad break is at most 300 seconds.')).toBeVisible();
  await page.getByLabel('Insert ad break (seconds)').fill('5');
  await page.getByRole('button', { name: 'Insert ad break' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Every viewer of channel ${name}-ch will see 5 seconds of ads`);
  await dialog.getByRole('button', { name: 'Insert ad break' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Ad break [a-zA-Z0-9]{12} running: \d s left/ })).toBeVisible();

  // In use by a live channel: delete stops at the detach and nothing is deleted.
  await page.goto(`/ad-configurations/${configArn.slice(configArn.lastIndexOf('/') + 1)}`);
  await expect(page.getByText(/IVS refuses to delete an ad configuration while channels use it\. It is used by 1 channel/)).toBeVisible();
  await page.getByRole('button', { name: 'Detach from 1 channel and delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Detach from 1 channel and delete' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Stopped at channel' })).toContainText(`"${name}-ch" is live`);
  await expect(page.getByRole('link', { name: `${name}-ch` })).toBeVisible();
});
