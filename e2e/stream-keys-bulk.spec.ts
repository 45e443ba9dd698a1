import { CreateChannelCommand, ListStreamKeysCommand, type IvsClient } from '@aws-sdk/client-ivs';
import { asRole, emulator, expect, idOf, pinRegion, test, uniqueName } from './fixtures';

test.use({ storageState: asRole('operator') });
test.beforeEach(({ context, baseURL }) => pinRegion(context, baseURL));

const keyOf = async (ivs: IvsClient, channelArn: string) =>
  (await ivs.send(new ListStreamKeysCommand({ channelArn }))).streamKeys?.map((k) => k.arn) ?? [];

test('rotates the keys of the selected channels with progress, per-channel results and retry of failures', async ({ page, ivs }) => {
  const prefix = uniqueName('e2e-bulk');
  const created = [];
  for (const n of [1, 2, 3]) {
    const out = await ivs.send(new CreateChannelCommand({ name: `${prefix}-${n}` }));
    created.push({ arn: out.channel!.arn!, keyArn: out.streamKey!.arn!, name: `${prefix}-${n}` });
  }
  // One channel live: bulk rotation must not stop it unless the operator ticks the box.
  await emulator.startStream(created[0].arn);

  await page.goto(`/channels?name=${encodeURIComponent(prefix)}`);
  await expect(page.locator('[data-testid="channel-table"][data-ready]')).toBeVisible({ timeout: 20_000 });
  for (const c of created) await page.getByRole('checkbox', { name: `Select ${c.name}` }).check();
  await page.getByRole('button', { name: 'Rotate stream keys (3)' }).click();
  const confirm = page.getByRole('dialog', { name: 'Rotate the stream keys of 3 channels?' });
  await expect(confirm.getByLabel('Also stop live streams')).not.toBeChecked();

  // The second channel's new key cannot be created.
  const failing = { resourceArn: created[1].arn };
  await emulator.injectFault('CreateStreamKey', 'AccessDeniedException', 1, failing);
  try {
    await confirm.getByRole('button', { name: 'Rotate keys' }).click();
    const progress = page.getByRole('dialog', { name: 'Rotating stream keys' });
    await expect(progress).toContainText('Finished: 2 of 3 done, 1 failed', { timeout: 20_000 });
    const failed = progress.locator('li[data-status="failed"]');
    await expect(failed).toContainText('no stream key');
    await expect(failed).toContainText(idOf(created[1].arn));
  } finally {
    await emulator.clearFaults('CreateStreamKey', failing);
  }
  const progress = page.getByRole('dialog', { name: 'Rotating stream keys' });
  await progress.getByRole('button', { name: 'Retry failed (1)' }).click();
  await expect(progress).toContainText('Finished: 3 of 3 done');
  await expect(progress).not.toContainText('failed');

  for (const c of created) {
    const keys = await keyOf(ivs, c.arn);
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toBe(c.keyArn);
  }
  // Not stopped: the live channel is still live.
  const live = await fetch(`${emulator.url}/_emulator/streams/stop`, {
    method: 'POST',
    body: JSON.stringify({ channelArn: created[0].arn }),
    headers: { 'content-type': 'application/json' },
  });
  expect(live.ok).toBe(true);
});

test('a bulk rotation started five times at once (the same request) rotates each key once', async ({ page, ivs }) => {
  const name = uniqueName('e2e-bulk-once');
  const out = await ivs.send(new CreateChannelCommand({ name }));
  const channelArn = out.channel!.arn!;
  await page.goto(`/channels?name=${encodeURIComponent(name)}`);
  await expect(page.locator('[data-testid="channel-table"][data-ready]')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('checkbox', { name: `Select ${name}` }).check();

  // The request that starts the job goes out as five identical requests, all at once: every answer
  // names the one job, which rotates the key once.
  const answers: string[] = [];
  await page.route(
    (url) => url.pathname === '/channels',
    async (route) => {
      const request = route.request();
      if (request.method() !== 'POST' || !request.headers()['next-action']) return route.fallback();
      const headers = Object.fromEntries(
        Object.entries(await request.allHeaders()).filter(([k]) => !['cookie', 'content-length'].includes(k)),
      );
      const copies = Array.from({ length: 4 }, () => page.request.post(request.url(), { headers, data: request.postDataBuffer()! }));
      const [response, ...others] = await Promise.all([route.fetch(), ...copies]);
      for (const r of [response, ...others]) answers.push(await r.text());
      await route.fulfill({ response });
    },
  );
  await page.getByRole('button', { name: 'Rotate stream keys (1)' }).click();
  await page.getByRole('dialog', { name: 'Rotate the stream keys of 1 channel?' }).getByRole('button', { name: 'Rotate keys' }).click();
  const progress = page.getByRole('dialog', { name: 'Rotating stream keys' });
  await expect(progress).toContainText('Finished: 1 of 1 done', { timeout: 20_000 });
  await expect(progress).not.toContainText('failed');

  const keys = await keyOf(ivs, channelArn);
  expect(keys).toHaveLength(1);
  expect(keys[0]).not.toBe(out.streamKey!.arn);
  expect(answers).toHaveLength(5);
  const named = answers.map((text) => text.match(/"jobId":"([0-9a-f-]{36})"/)?.[1]);
  expect(named[0]).toBeTruthy();
  expect(new Set(named)).toEqual(new Set([named[0]]));
  // The one job rotated the one channel once.
  const job = await (await page.request.get(`/api/jobs/${named[0]}`)).json();
  expect(job).toMatchObject({ kind: 'rotate-keys', total: 1, done: 1 });
});
