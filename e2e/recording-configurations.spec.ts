import {
  CreateChannelCommand,
  CreateRecordingConfigurationCommand,
  DeleteChannelCommand,
  DeleteRecordingConfigurationCommand,
  GetChannelCommand,
  ListRecordingConfigurationsCommand,
  UpdateChannelCommand,
  type IvsClient,
} from '@aws-sdk/client-ivs';
import { asRole, emulator, expect, test, uniqueName } from './fixtures';

// Recording configurations: create with S3 rules, detail with its channels, delete refused while in
// use, detach-then-delete (stopping at a live channel), and a viewer who can only read.

const idOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

// What each test made, removed afterwards: IVS (and the emulator) allow only 20 configurations per region.
const made = { configs: [] as string[], channels: [] as string[] };

async function makeConfig(ivs: IvsClient, name: string) {
  const res = await ivs.send(
    new CreateRecordingConfigurationCommand({ name, destinationConfiguration: { s3: { bucketName: `${name}-bkt` } } }),
  );
  made.configs.push(res.recordingConfiguration!.arn!);
  return res.recordingConfiguration!.arn!;
}

async function makeChannel(ivs: IvsClient, name: string, recordingConfigurationArn = '') {
  const res = await ivs.send(new CreateChannelCommand({ name, recordingConfigurationArn }));
  made.channels.push(res.channel!.arn!);
  return res.channel!.arn!;
}

test.afterEach(async ({ ivs }) => {
  // Channels first (a configuration in use cannot be deleted); already-deleted ones are fine.
  for (const arn of made.channels.splice(0)) await ivs.send(new DeleteChannelCommand({ arn })).catch(() => undefined);
  for (const arn of made.configs.splice(0)) await ivs.send(new DeleteRecordingConfigurationCommand({ arn })).catch(() => undefined);
});

async function configExists(ivs: IvsClient, arn: string) {
  const all = [];
  let nextToken: string | undefined;
  do {
    const page = await ivs.send(new ListRecordingConfigurationsCommand({ maxResults: 100, nextToken }));
    all.push(...(page.recordingConfigurations ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return all.some((c) => c.arn === arn);
}

// Multi-step flows; a dev server compiling pages on first visit needs the headroom.
test.describe.configure({ timeout: 90_000 });

test.describe('as operator', () => {
  test.use({ storageState: asRole('operator') });

  test('creates a configuration after fixing the bucket name; it turns ACTIVE by itself', async ({ page }) => {
    const name = uniqueName('rec');
    const bucketName = `${name}-bucket`;
    await page.goto('/recording-configurations/new');
    await expect(page.getByText(/must already exist in us-west-2/)).toBeVisible();

    const bucket = page.getByLabel('S3 bucket');
    await bucket.fill('My_Bucket');
    await bucket.blur();
    await expect(page.getByText('Use only lowercase letters, digits, dots (.) and hyphens (-).')).toBeVisible();
    await expect(bucket).toHaveAttribute('aria-invalid', 'true');
    await bucket.fill('xn--recordings');
    await expect(page.getByText('Names may not start with "xn--" (reserved by S3).')).toBeVisible();
    await bucket.fill('records--x-s3');
    await expect(page.getByText('Names may not end with "--x-s3" (reserved by S3).')).toBeVisible();

    await page.getByLabel('Name (optional)').fill(name);
    await bucket.fill(bucketName);
    await page.getByLabel('Renditions to record').selectOption('CUSTOM');
    await page.getByRole('button', { name: 'Create recording configuration' }).click();
    await expect(page.getByText(/Choose at least one rendition to record/)).toBeVisible();
    await expect(bucket).toHaveValue(bucketName);

    await page.getByLabel('HD (720p)', { exact: true }).check();
    await page.getByLabel('LATEST', { exact: true }).check();
    await page.getByRole('button', { name: 'Create recording configuration' }).click();

    await expect(page).toHaveURL(/\/recording-configurations\/(?!new$)[A-Za-z0-9-]+$/, { timeout: 30_000 });
    made.configs.push((await page.getByText(/^arn:aws:ivs:\S+:recording-configuration\//).textContent())!);
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    // IVS starts it CREATING; the page refreshes itself until it settles.
    await expect(page.getByText('ACTIVE', { exact: true })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText('CUSTOM: HD (720p)')).toBeVisible();
    await expect(page.getByText(/stored SEQUENTIAL and LATEST/)).toBeVisible();

    await page.goto(`/recording-configurations?q=${name}`);
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText(bucketName);
    await expect(row).toContainText('ACTIVE');
    await expect(row.getByRole('cell').last()).toHaveText('0');
  });

  test('an IVS refusal on create is shown in the page and the form keeps its values', async ({ page }) => {
    const name = uniqueName('rec-fault');
    const bucketName = `${name}-bucket`;
    await page.goto('/recording-configurations/new');
    await page.getByLabel('S3 bucket').fill(bucketName);
    await page.getByLabel('Name (optional)').fill(name);
    // One failing call, scoped to this name (other specs create configurations too), used up by this submit.
    await emulator.injectFault('CreateRecordingConfiguration', 'ServiceQuotaExceededException', 1, { resourceName: name });
    await page.getByRole('button', { name: 'Create recording configuration' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'An IVS quota would be exceeded' })).toBeVisible();
    await expect(page).toHaveURL(/\/recording-configurations\/new$/);
    await expect(page.getByLabel('S3 bucket')).toHaveValue(bucketName);
  });

  test('an operator sees no delete control', async ({ page, ivs }) => {
    const arn = await makeConfig(ivs, uniqueName('rec-op'));
    await page.goto(`/recording-configurations/${idOf(arn)}`);
    await expect(page.getByRole('heading', { name: /Channels using this recording configuration/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /Delete|Detach/ })).toHaveCount(0);
  });
});

test.describe('as admin', () => {
  test.use({ storageState: asRole('admin') });

  test('the detail page and the list show the channels that use a configuration', async ({ page, ivs }) => {
    const name = uniqueName('rec-used');
    const arn = await makeConfig(ivs, name);
    const a = await makeChannel(ivs, `${name}-a`, arn);
    await makeChannel(ivs, `${name}-b`, arn);
    await makeChannel(ivs, `${name}-other`);

    await page.goto(`/recording-configurations?q=${name}`);
    await expect(
      page
        .getByRole('row', { name: new RegExp(name) })
        .getByRole('cell')
        .last(),
    ).toHaveText('2');

    await page.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { name: 'Channels using this recording configuration (2)' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('link', { name: `${name}-other` })).toHaveCount(0);
    await expect(page.getByRole('link', { name: `${name}-a` })).toHaveAttribute('href', `/channels/${idOf(a)}`);
  });

  test('delete is refused while in use; detach from every channel, then delete', async ({ page, ivs }) => {
    const name = uniqueName('rec-del');
    const arn = await makeConfig(ivs, name);
    const channels = [await makeChannel(ivs, `${name}-a`, arn), await makeChannel(ivs, `${name}-b`, arn)];

    await page.goto(`/recording-configurations/${idOf(arn)}`);
    await expect(
      page.getByText(/IVS refuses to delete a recording configuration while channels use it\. It is used by 2 channels/),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Detach from 2 channels and delete' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('will be removed from 2 channels');
    await expect(dialog.getByRole('list', { name: 'Channels to detach' })).toContainText(`${name}-a`);
    await dialog.getByRole('button', { name: 'Detach from 2 channels and delete' }).click();

    await expect(page).toHaveURL(/\/recording-configurations$/, { timeout: 30_000 });
    expect(await configExists(ivs, arn)).toBe(false);
    for (const channelArn of channels) {
      const { channel } = await ivs.send(new GetChannelCommand({ arn: channelArn }));
      expect(channel?.recordingConfigurationArn ?? '').toBe('');
    }
  });

  test('detaching stops at a live channel and says to stop its stream; nothing is deleted', async ({ page, ivs }) => {
    const name = uniqueName('rec-live');
    const arn = await makeConfig(ivs, name);
    const live = await makeChannel(ivs, `${name}-live`, arn);
    await emulator.startStream(live);
    try {
      await page.goto(`/recording-configurations/${idOf(arn)}`);
      await page.getByRole('button', { name: 'Detach from 1 channel and delete' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Detach from 1 channel and delete' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'Stopped at channel' })).toContainText(
        `"${name}-live" is live, and IVS cannot change a live channel. Stop its stream first`,
      );
      expect(await configExists(ivs, arn)).toBe(true);
      await expect(page.getByRole('link', { name: `${name}-live` })).toBeVisible();
    } finally {
      await emulator.stopStream(live);
    }
  });

  test('a channel attached after the page loaded makes IVS refuse; the message names it', async ({ page, ivs }) => {
    const name = uniqueName('rec-race');
    const arn = await makeConfig(ivs, name);
    await page.goto(`/recording-configurations/${idOf(arn)}`);
    await expect(page.getByText(/No channel uses this recording configuration/)).toBeVisible();

    const channel = await makeChannel(ivs, `${name}-late`);
    await ivs.send(new UpdateChannelCommand({ arn: channel, recordingConfigurationArn: arn }));
    await page.getByRole('button', { name: 'Delete recording configuration' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();

    await expect(page.getByRole('alert').filter({ hasText: 'is used by 1 channel' })).toContainText(`"${name}-late"`, { timeout: 30_000 });
    // The page re-reads usage, so the detach offer now names the channel.
    await expect(page.getByRole('button', { name: 'Detach from 1 channel and delete' })).toBeVisible({ timeout: 30_000 });
    expect(await configExists(ivs, arn)).toBe(true);
  });
});

test.describe('as viewer', () => {
  test.use({ storageState: asRole('viewer') });

  test('reads lists and details but sees no mutation controls', async ({ page, ivs }) => {
    const name = uniqueName('rec-view');
    const arn = await makeConfig(ivs, name);
    await makeChannel(ivs, `${name}-a`, arn);

    await page.goto('/recording-configurations');
    await expect(page.getByRole('heading', { name: 'Recording configurations', level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Create recording configuration' })).toHaveCount(0);

    await page.goto(`/recording-configurations/${idOf(arn)}`);
    await expect(page.getByRole('link', { name: `${name}-a` })).toBeVisible();
    await expect(page.getByRole('button', { name: /Delete|Detach/ })).toHaveCount(0);
  });

  test('the create page is refused', async ({ page }) => {
    const res = await page.goto('/recording-configurations/new');
    expect(res?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: 'You don’t have access to this page' })).toBeVisible();
  });
});
