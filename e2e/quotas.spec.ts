import { CreateRecordingConfigurationCommand, DeleteRecordingConfigurationCommand, IvsClient } from '@aws-sdk/client-ivs';
import type { Page } from '@playwright/test';
import { asRole, emulatorUrl, expect, pinRegion, test, uniqueName } from './fixtures';

// /quotas against the emulator's Service Quotas. eu-central-1: the tags spec works there too, but only
// on channels, and the e2e emulator does not enforce quotas, so an applied value of 1 here blocks no
// one. The recording configuration made here means usage >= 1 whatever others do, so 1 is >= 80 %.
const REGION = 'eu-central-1';
const RECORDING_CONFIGURATIONS = 'L-IVS00005'; // the emulator's own code (emulator/service-quotas/catalogue.ts)

test.use({ storageState: asRole('viewer') });
test.beforeEach(({ context, baseURL }) => pinRegion(context, baseURL!, REGION));

async function control(method: string, path: string, body?: unknown) {
  const res = await fetch(`${emulatorUrl}/_emulator/${path}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} /_emulator/${path}: ${res.status} ${await res.text()}`);
}

const client = new IvsClient({
  endpoint: emulatorUrl,
  region: REGION,
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  maxAttempts: 1,
});
let configArn: string | undefined;

test.afterAll(async () => {
  await control('POST', 'quotas/access', { denied: false });
  await control('DELETE', `quotas?region=${REGION}`);
  if (configArn) await client.send(new DeleteRecordingConfigurationCommand({ arn: configArn }));
  client.destroy();
});

const quotaRow = (page: Page) => page.locator('tr[data-quota="recordingConfigurations"]');

test('a quota at its applied value is flagged, and without servicequotas access the defaults show with a notice', async ({ page }) => {
  const created = await client.send(
    new CreateRecordingConfigurationCommand({
      name: uniqueName('e2e-quota'),
      destinationConfiguration: { s3: { bucketName: 'e2e-bucket' } },
    }),
  );
  configArn = created.recordingConfiguration!.arn!;
  await control('POST', 'quotas', { region: REGION, quotaCode: RECORDING_CONFIGURATIONS, value: 1 });

  // "Read again" re-reads what is older than 5 s: retried until the new applied value and usage show.
  await expect(async () => {
    await page.goto('/quotas?fresh=1');
    await expect(quotaRow(page)).toHaveAttribute('data-level', 'full', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(quotaRow(page)).toContainText('default 20');
  await expect(quotaRow(page).getByText('At quota')).toBeVisible();

  // The overview names it for the current region.
  await page.goto('/');
  await expect(page.getByTestId('quota-warnings')).toContainText('Recording configurations');

  await control('POST', 'quotas/access', { denied: true });
  await expect(async () => {
    await page.goto('/quotas?fresh=1');
    await expect(page.getByTestId('quota-notice')).toContainText('servicequotas:ListServiceQuotas is not allowed', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(quotaRow(page)).not.toContainText('default');
  await expect(quotaRow(page).locator('td').nth(1)).toHaveText('20');
});
