import { CreateChannelCommand, GetStreamCommand } from '@aws-sdk/client-ivs';
import { asRole, emulator, expect, idOf, pinRegion, test, uniqueName } from './fixtures';

test.beforeEach(({ context, baseURL }) => pinRegion(context, baseURL!));

test.describe('/live', () => {
  test.use({ storageState: asRole('operator') });

  test('lists live channels with health, viewers and uptime, and stops one', async ({ page, ivs }) => {
    const out = await ivs.send(new CreateChannelCommand({ name: uniqueName('e2e-livepage') }));
    const arn = out.channel!.arn!;
    const id = idOf(arn);
    // Most watched first, so a large count keeps it on page 1 whatever else is live.
    await emulator.startStream(arn, { viewerCount: 9_000_000, health: 'STARVING' });
    const row = page.locator(`tr[data-channel-id="${id}"]`);
    await expect(async () => {
      await page.goto('/live');
      await expect(row).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await expect(row).toContainText(out.channel!.name!);
    await expect(row).toContainText('starving');
    await expect(row).toContainText('9,000,000 viewers');
    await expect(row).toContainText(/\d+ s|min/);

    await row.getByRole('button', { name: /Stop stream/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Stop stream' }).click();
    await expect(row).toContainText('Ended');
    await expect(ivs.send(new GetStreamCommand({ channelArn: arn }))).rejects.toMatchObject({ name: 'ChannelNotBroadcasting' });
  });
});

test.describe('/live as viewer', () => {
  test.use({ storageState: asRole('viewer') });

  test('shows no stop button', async ({ page, ivs }) => {
    const out = await ivs.send(new CreateChannelCommand({ name: uniqueName('e2e-livev') }));
    const arn = out.channel!.arn!;
    await emulator.startStream(arn, { viewerCount: 8_000_000 });
    const row = page.locator(`tr[data-channel-id="${idOf(arn)}"]`);
    await expect(async () => {
      await page.goto('/live');
      await expect(row).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByRole('button', { name: /Stop stream/ })).toHaveCount(0);
    await emulator.stopStream(arn);
  });
});
