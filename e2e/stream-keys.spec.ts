import {
  CreateChannelCommand,
  GetChannelCommand,
  GetStreamCommand,
  GetStreamKeyCommand,
  ListStreamKeysCommand,
  type IvsClient,
} from '@aws-sdk/client-ivs';
import type { Page } from '@playwright/test';
import { asRole, emulator, expect, idOf, pinRegion, test, uniqueName } from './fixtures';

// The fixture client works in us-west-2; pin the console there too (another spec may have switched a
// user's saved region, which the console applies to browsers without the cookie).
test.beforeEach(({ context, baseURL }) => pinRegion(context, baseURL!));

// Each test makes its own channel (the emulator is shared); values come from the SDK, never the page.
async function newChannel(ivs: IvsClient) {
  const out = await ivs.send(new CreateChannelCommand({ name: uniqueName('e2e-sk') }));
  const arn = out.channel!.arn!;
  return { arn, id: idOf(arn), keyArn: out.streamKey!.arn!, value: out.streamKey!.value! };
}

const keysOf = async (ivs: IvsClient, channelArn: string) =>
  ((await ivs.send(new ListStreamKeysCommand({ channelArn }))).streamKeys ?? []).map((k) => k.arn!);

const keyField = (page: Page) => page.locator('#stream-key');

// Clicking before hydration does nothing; the field says when React has taken over.
async function openChannel(page: Page, id: string) {
  await page.goto(`/channels/${id}`);
  await expect(page.locator('[data-hydrated]').first()).toHaveAttribute('data-hydrated', 'true', { timeout: 20_000 });
}

async function expectNoValueInPage(page: Page, value: string) {
  expect(await page.content()).not.toContain(value);
}

test.describe('stream keys as operator', () => {
  test.use({ storageState: asRole('operator'), permissions: ['clipboard-read', 'clipboard-write'] });

  test('reveal shows the value with a countdown, then masks it again after 30 s', async ({ page, ivs }) => {
    const ch = await newChannel(ivs);
    await page.clock.install();
    await openChannel(page, ch.id);
    await expect(keyField(page)).toHaveText(/^sk_us-west-2_•+$/);
    await expectNoValueInPage(page, ch.value);

    // The page's clock stands still from here and moves only when the test moves it, so what the
    // countdown reads does not depend on how long the reveal took to answer on this machine.
    await page.clock.pauseAt(Date.now() + 60_000);
    await page.getByRole('button', { name: 'Reveal stream key' }).click();
    await expect(keyField(page)).toHaveText(ch.value);
    await expect(page.getByTestId('stream-key-countdown')).toContainText('Visible for 30 s');
    await page.clock.runFor(10_000);
    await expect(page.getByTestId('stream-key-countdown')).toContainText('Visible for 20 s');
    await expect(keyField(page)).toHaveText(ch.value);
    await page.clock.runFor(20_000);
    await expect(keyField(page)).toHaveText(/^sk_us-west-2_•+$/);
    await expectNoValueInPage(page, ch.value);

    // Hide masks at once, without waiting for the countdown.
    await page.getByRole('button', { name: 'Reveal stream key' }).click();
    await expect(keyField(page)).toHaveText(ch.value);
    await page.getByRole('button', { name: 'Hide stream key' }).click();
    await expect(keyField(page)).not.toHaveText(ch.value);
  });

  test('copy puts the value on the clipboard without showing it (field and encoder set-up)', async ({ page, ivs }) => {
    const ch = await newChannel(ivs);
    await openChannel(page, ch.id);
    // Two copies of the same key, each with its own name (the field's and the encoder set-up's).
    const fieldCopy = page.getByRole('button', { name: 'Copy stream key', exact: true });
    const encoderCopy = page.getByRole('button', { name: 'Copy key for the encoder', exact: true });
    await expect(fieldCopy).toHaveCount(1);
    await expect(encoderCopy).toHaveCount(1);

    await fieldCopy.click();
    await expect(page.getByText('Copied to the clipboard (not shown)')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(ch.value);
    await expectNoValueInPage(page, ch.value);

    await page.evaluate(() => navigator.clipboard.writeText('something else'));
    await encoderCopy.click();
    await expect(page.getByText('Stream key copied (not shown).')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(ch.value);
    await expectNoValueInPage(page, ch.value);

    await expect(page.getByText(`rtmps://`).first()).toBeVisible();
    await expect(page.getByText('OBS settings')).toBeVisible();
  });

  test('rotate an offline channel: confirmation, old key gone, new key shown masked', async ({ page, ivs }) => {
    const ch = await newChannel(ivs);
    await openChannel(page, ch.id);
    await page.getByRole('button', { name: 'Rotate key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rotate the stream key?' });
    await expect(dialog).toContainText('stops working for new connections at once');
    await expect(dialog.getByLabel('Stop the current stream')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Rotate key' }).click();

    await expect(page.getByTestId('stream-key-notice')).toHaveText('The stream key was rotated.');
    const keys = await keysOf(ivs, ch.arn);
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toBe(ch.keyArn);
    await expect(page.getByTestId('stream-key-arn')).toHaveText(keys[0]);
    await expect(ivs.send(new GetStreamKeyCommand({ arn: ch.keyArn }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(keyField(page)).toHaveText(/^sk_us-west-2_•+$/);

    const newValue = (await ivs.send(new GetStreamKeyCommand({ arn: keys[0] }))).streamKey!.value!;
    await page.getByRole('button', { name: 'Reveal stream key' }).click();
    await expect(keyField(page)).toHaveText(newValue);
  });

  test('rotate a live channel: stopping the stream is offered, on by default, and done', async ({ page, ivs }) => {
    const ch = await newChannel(ivs);
    await emulator.startStream(ch.arn);
    await openChannel(page, ch.id);
    await page.getByRole('button', { name: 'Rotate key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rotate the stream key?' });
    await expect(dialog.getByLabel('Stop the current stream')).toBeChecked();
    await dialog.getByRole('button', { name: 'Rotate key' }).click();

    await expect(page.getByTestId('stream-key-notice')).toContainText('The live stream was stopped');
    await expect(ivs.send(new GetStreamCommand({ channelArn: ch.arn }))).rejects.toMatchObject({ name: 'ChannelNotBroadcasting' });
    const keys = await keysOf(ivs, ch.arn);
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toBe(ch.keyArn);
  });

  test('when creating the new key fails after the delete, the page says so and offers Create stream key', async ({ page, ivs }) => {
    const ch = await newChannel(ivs);
    await openChannel(page, ch.id);
    await page.getByRole('button', { name: 'Rotate key' }).click();
    await emulator.injectFault('CreateStreamKey', 'AccessDeniedException', 1, { resourceArn: ch.arn });
    try {
      await page.getByRole('dialog').getByRole('button', { name: 'Rotate key' }).click();
      await expect(page.getByText('This channel has no stream key', { exact: true })).toBeVisible();
      await expect(page.getByTestId('stream-key-notice')).toContainText('AccessDeniedException');
    } finally {
      await emulator.clearFaults('CreateStreamKey', { resourceArn: ch.arn });
    }
    expect(await keysOf(ivs, ch.arn)).toHaveLength(0);

    await page.reload();
    await expect(page.locator('[data-hydrated]').first()).toHaveAttribute('data-hydrated', 'true', { timeout: 20_000 });
    await expect(page.getByText('This channel has no stream key', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Create stream key' }).click();
    await expect(page.getByTestId('stream-key-notice')).toHaveText('A new stream key was created.');
    const keys = await keysOf(ivs, ch.arn);
    expect(keys).toHaveLength(1);
    await expect(page.getByTestId('stream-key-arn')).toHaveText(keys[0]);
  });

  test('a double click on Rotate deletes one key and leaves exactly one', async ({ page, ivs }) => {
    const ch = await newChannel(ivs);
    await openChannel(page, ch.id);
    await page.getByRole('button', { name: 'Rotate key' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate key' }).dblclick();
    await expect(page.getByTestId('stream-key-notice')).toBeVisible();
    const keys = await keysOf(ivs, ch.arn);
    expect(keys).toHaveLength(1);
    await expect(page.getByTestId('stream-key-arn')).toHaveText(keys[0]);
  });

  test('disable ingest deletes the key; Create stream key enables it again', async ({ page, ivs }) => {
    const ch = await newChannel(ivs);
    await openChannel(page, ch.id);
    await page.getByRole('button', { name: 'Disable ingest' }).click();
    const dialog = page.getByRole('dialog', { name: 'Disable ingest?' });
    await expect(dialog).toContainText('nobody can start a stream');
    await dialog.getByRole('button', { name: 'Disable ingest' }).click();
    await expect(page.getByText('This channel has no stream key', { exact: true })).toBeVisible();
    expect(await keysOf(ivs, ch.arn)).toHaveLength(0);

    await page.getByRole('button', { name: 'Create stream key' }).click();
    await expect(page.getByTestId('stream-key-arn')).toBeVisible();
    expect(await keysOf(ivs, ch.arn)).toHaveLength(1);
  });
});

test.describe('SRT passphrase as admin', () => {
  test.use({ storageState: asRole('admin'), permissions: ['clipboard-read', 'clipboard-write'] });

  test('reveal shows it and Hide masks it; copy copies without showing', async ({ page, ivs }) => {
    const ch = await newChannel(ivs);
    const passphrase = (await ivs.send(new GetChannelCommand({ arn: ch.arn }))).channel!.srt!.passphrase!;
    await openChannel(page, ch.id);
    const field = page.locator('#srt-passphrase');
    await expect(field).toHaveText(/^•+$/);
    await expectNoValueInPage(page, passphrase);
    await page.getByRole('button', { name: 'Reveal srt passphrase' }).click();
    await expect(field).toHaveText(passphrase);
    await page.getByRole('button', { name: 'Hide srt passphrase' }).click();
    await expect(field).toHaveText(/^•+$/);
    await page.getByRole('button', { name: 'Copy srt passphrase' }).click();
    await expect(page.getByText('Copied to the clipboard (not shown)')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(passphrase);
    await expectNoValueInPage(page, passphrase);
  });
});

test.describe('stream keys as viewer', () => {
  test.use({ storageState: asRole('viewer') });

  test('sees the mask but no reveal, copy, rotate or ingest controls', async ({ page, ivs }) => {
    const ch = await newChannel(ivs);
    await openChannel(page, ch.id);
    await expect(keyField(page)).toHaveText(/^sk_us-west-2_•+$/);
    for (const name of [
      'Reveal stream key',
      'Copy stream key',
      'Copy key for the encoder',
      'Rotate key',
      'Disable ingest',
      'Reveal srt passphrase',
      'Copy srt passphrase',
    ]) {
      await expect(page.getByRole('button', { name })).toHaveCount(0);
    }
    await expectNoValueInPage(page, ch.value);
  });
});

test('the server refuses a viewer who replays an operator’s reveal request', async ({ browser, playwright, ivs, baseURL }) => {
  const ch = await newChannel(ivs);
  const context = await browser.newContext({ storageState: asRole('operator') });
  await pinRegion(context, baseURL!);
  const page = await context.newPage();
  await openChannel(page, ch.id);
  const requestPromise = page.waitForRequest(
    (r) => r.method() === 'POST' && !!r.headers()['next-action'] && !!r.postData()?.includes(ch.keyArn),
  );
  await page.getByRole('button', { name: 'Reveal stream key' }).click();
  const request = await requestPromise;
  await expect(keyField(page)).toHaveText(ch.value);
  await context.close();

  const viewer = await playwright.request.newContext({ baseURL, storageState: asRole('viewer') });
  const headers = request.headers();
  const res = await viewer.post(request.url(), {
    headers: {
      'next-action': headers['next-action'],
      'content-type': headers['content-type'],
      accept: 'text/x-component',
      origin: baseURL!,
    },
    data: request.postData() ?? '',
  });
  const body = await res.text();
  expect(body).toContain('Forbidden');
  expect(body).not.toContain(ch.value);
  await viewer.dispose();
});
