import { CreateChannelCommand, GetStreamCommand, type IvsClient } from '@aws-sdk/client-ivs';
import { asRole, emulator, emulatorUrl, expect, idOf, pinRegion, test, uniqueName } from './fixtures';

// The channel page's live panel (state, health, viewers, polling), stop stream, timed metadata,
// and stream sessions with the session view.
test.beforeEach(({ context, baseURL }) => pinRegion(context, baseURL!));

async function liveChannel(ivs: IvsClient, viewerCount = 42) {
  const out = await ivs.send(new CreateChannelCommand({ name: uniqueName('e2e-live') }));
  const arn = out.channel!.arn!;
  await emulator.startStream(arn, { viewerCount, health: 'HEALTHY' });
  return { arn, id: idOf(arn), name: out.channel!.name! };
}

const setViewers = (channelArn: string, viewerCount: number, health?: string) =>
  fetch(`${emulatorUrl}/_emulator/streams/viewers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channelArn, viewerCount, health }),
  });

test.describe('live panel as operator', () => {
  test.use({ storageState: asRole('operator') });

  test('shows state, health and viewers, and refreshes them without a reload', async ({ page, ivs }) => {
    const ch = await liveChannel(ivs);
    await page.goto(`/channels/${ch.id}`);
    const panel = page.getByRole('region', { name: 'Live' });
    await expect(panel).toContainText('42 viewers');
    await expect(panel).toContainText('HEALTHY');
    await expect(panel).toContainText(/Started/);

    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));
    await setViewers(ch.arn, 77, 'STARVING');
    await expect(panel).toContainText('77 viewers', { timeout: 20_000 }); // the 10 s poll
    await expect(panel).toContainText('STARVING');
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1); // same document: no reload
    await emulator.stopStream(ch.arn);
  });

  test('stop stream asks for confirmation, then the channel is offline', async ({ page, ivs }) => {
    const ch = await liveChannel(ivs);
    await page.goto(`/channels/${ch.id}`);
    await page.getByRole('button', { name: 'Stop stream', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(`The stream on channel ${ch.name} will stop`);
    await dialog.getByRole('button', { name: 'Stop stream' }).click();
    await expect(page.getByRole('region', { name: 'Live' })).toContainText('Offline');
    await expect(ivs.send(new GetStreamCommand({ channelArn: ch.arn }))).rejects.toMatchObject({ name: 'ChannelNotBroadcasting' });
  });

  test('sends timed metadata, shows the 1 KB limit and IVS errors, keeps the text', async ({ page, ivs }) => {
    const ch = await liveChannel(ivs);
    await page.goto(`/channels/${ch.id}`);
    const box = page.getByLabel('Send timed metadata');
    await box.fill('x'.repeat(1025));
    await expect(page.locator('#metadata-error')).toContainText('1024 bytes');
    await expect(page.locator('#metadata-hint')).toContainText('1,025 / 1,024 bytes');

    await box.fill('{"poll":"who wins?"}');
    await page.getByRole('button', { name: 'Send metadata' }).click();
    await expect(page.getByText('Metadata sent (20 bytes).')).toBeVisible();

    // The SDK retries throttling up to 3 attempts: fail all of them (only this channel's calls).
    await emulator.injectFault('PutMetadata', 'ThrottlingException', 3, { resourceArn: ch.arn });
    await page.getByRole('button', { name: 'Send metadata' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'ThrottlingException' })).toBeVisible();
    await emulator.clearFaults('PutMetadata', { resourceArn: ch.arn });
    await expect(box).toHaveValue('{"poll":"who wins?"}');
    await emulator.stopStream(ch.arn);
  });

  test('metadata on an offline channel is not offered', async ({ page, ivs }) => {
    const out = await ivs.send(new CreateChannelCommand({ name: uniqueName('e2e-off') }));
    await page.goto(`/channels/${idOf(out.channel!.arn!)}`);
    await expect(page.getByRole('button', { name: 'Send metadata' })).toBeDisabled();
    await expect(page.getByText('Metadata can be sent only while the channel is live.')).toBeVisible();
  });

  test('stream sessions list and the session view with ingest configuration and events', async ({ page, ivs }) => {
    const ch = await liveChannel(ivs);
    const { stream } = await ivs.send(new GetStreamCommand({ channelArn: ch.arn }));
    await emulator.stopStream(ch.arn);
    await page.goto(`/channels/${ch.id}`);
    const sessions = page.getByRole('region', { name: 'Stream sessions' });
    await sessions.getByRole('link', { name: stream!.streamId! }).click();
    await expect(page).toHaveURL(new RegExp(`/channels/${ch.id}/sessions/${stream!.streamId}$`), { timeout: 30_000 });
    // One table per track since the session page compares them with the channel type's limits.
    await expect(page.getByRole('table', { name: /^Ingest configuration: video track/ })).toContainText('Mbps');
    await expect(page.getByRole('table', { name: /^Ingest configuration: audio track/ })).toContainText('kbps');
    await expect(page.getByRole('list', { name: 'Events' }).getByRole('listitem').first()).toBeVisible();
  });
});
