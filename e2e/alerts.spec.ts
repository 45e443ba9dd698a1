import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { asRole, expect, test, uniqueName } from './fixtures';
import { E2E_EVENTBRIDGE_SECRET } from './eventbridge-secret';
import { baseUrl, E2E_DATA_DIR } from './servers';

// Alerts end to end: an admin's rules, an IVS EventBridge event posted to the intake as an API
// destination would, and a webhook receiver on this machine that checks the signature the way
// docs/alerts.md tells receivers to. The console dispatches every second here (playwright.config.ts).

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let server: Server;
let received: Received[] = [];
let receiverUrl = '';

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// The receiver's check from docs/alerts.md: HMAC-SHA256 of `${timestamp}.${body}`, at most 5 minutes old.
function verified(secret: string, r: Received): boolean {
  const timestamp = String(r.headers['x-ivs-console-timestamp'] ?? '');
  const signature = String(r.headers['x-ivs-console-signature'] ?? '');
  if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = `v1=${createHmac('sha256', secret).update(`${timestamp}.${r.body}`).digest('hex')}`;
  return signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
}

function starvationEvent(channelId: string, streamId: string) {
  return {
    version: '0',
    id: crypto.randomUUID(),
    'detail-type': 'IVS Stream Health Change',
    source: 'aws.ivs',
    account: '123456789012',
    time: new Date().toISOString(),
    region: 'us-west-2',
    resources: [`arn:aws:ivs:us-west-2:123456789012:channel/${channelId}`],
    detail: { event_name: 'Starvation Start', channel_name: `e2e ${channelId}`, stream_id: streamId },
  };
}

const deliver = (event: unknown, secret: string | null = E2E_EVENTBRIDGE_SECRET) =>
  fetch(`${baseUrl}/api/events/eventbridge`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret === null ? {} : { 'x-ivs-console-secret': secret }) },
    body: JSON.stringify(event),
  });

/** Every file of the e2e console's embedded store (tables, indexes, write-ahead log), as text. */
const storeFiles = () =>
  readdirSync(path.join(E2E_DATA_DIR, 'store'), { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => readFileSync(path.join(f.parentPath, f.name)).toString('latin1'));

test.describe('alerts as an admin', () => {
  test.use({ storageState: asRole('admin') });
  test.describe.configure({ timeout: 120_000 });

  test('a signed webhook and a Slack rule each get one delivery for one starvation, however often EventBridge sends it', async ({
    page,
  }) => {
    received = [];
    const hookPath = `/hook-${randomBytes(8).toString('hex')}`;
    const slackPath = `/slack-${randomBytes(8).toString('hex')}`;
    const secret = `whsec-${randomBytes(12).toString('hex')}`;
    const webhookRule = uniqueName('e2e-webhook');
    const slackRule = uniqueName('e2e-slack');

    await page.goto('/alerts');
    await expect(page.getByRole('heading', { name: 'Alerts', level: 1 })).toBeVisible();
    await page.getByLabel('Name', { exact: true }).fill(webhookRule);
    await page.getByLabel('Destination').selectOption('webhook');
    await page.getByLabel('Webhook URL').fill(`${receiverUrl}${hookPath}`);
    await page.getByLabel('Signing secret').fill('too-short');
    await page.getByRole('button', { name: 'Create rule' }).click();
    await expect(page.getByText(/signing secret of at least 16 characters/)).toBeVisible();
    await page.getByLabel('Signing secret').fill(secret);
    await page.getByRole('button', { name: 'Create rule' }).click();
    await expect(page.locator(`[data-rule="${webhookRule}"]`)).toBeVisible();

    await page.getByLabel('Name', { exact: true }).fill(slackRule);
    await page.getByLabel('Webhook URL').fill(`${receiverUrl}${slackPath}`);
    await page.getByRole('button', { name: 'Create rule' }).click();
    await expect(page.locator(`[data-rule="${slackRule}"]`)).toBeVisible();

    // The URLs and the secret are nowhere in what the server sends a browser (HTML with its RSC payload).
    const html = await (await page.request.get('/alerts')).text();
    for (const secretText of [hookPath, slackPath, secret]) expect(html).not.toContain(secretText);
    expect(html).toContain('127.0.0.1:');
    // Nor in the server's embedded store: the rule's row is on disk (its name is), its destination sealed.
    await expect.poll(() => storeFiles().some((text) => text.includes(webhookRule)), { timeout: 15_000 }).toBe(true);
    for (const text of storeFiles()) for (const secretText of [hookPath, slackPath, secret]) expect(text).not.toContain(secretText);

    // Refused without the shared secret, or with a wrong one.
    const channelId = `e2e${randomBytes(6).toString('hex')}`;
    const event = starvationEvent(channelId, `st-${randomBytes(8).toString('hex')}`);
    expect((await deliver(event, null)).status).toBe(401);
    expect((await deliver(event, 'not-the-secret')).status).toBe(401);

    const first = await deliver(event);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ recorded: true, kind: 'starvation.started' });
    const mine = () => received.filter((r) => r.path === hookPath && r.body.includes(channelId));
    await expect.poll(() => mine().length).toBe(1);
    await expect.poll(() => received.filter((r) => r.path === slackPath && r.body.includes(channelId)).length).toBe(1);
    const [delivery] = mine();
    expect(verified(secret, delivery)).toBe(true);
    expect(verified('another-secret-entirely', delivery)).toBe(false);
    expect(JSON.parse(delivery.body)).toMatchObject({
      type: 'ivs-console.alert',
      event: { kind: 'starvation.started', source: 'eventbridge' },
    });
    // This event's Slack message: the rule covers every channel, so another spec's stream ending may notify it too.
    const slack = received.find((r) => r.path === slackPath && r.body.includes(channelId))!;
    expect(JSON.parse(slack.body)).toEqual({ text: expect.stringContaining('is starving') });

    // The same delivery again (EventBridge retries, late copies) is recorded as nothing new...
    const again = await deliver({ ...event, id: crypto.randomUUID() });
    expect(await again.json()).toMatchObject({ recorded: false });
    // ...so once a later event on another channel has been delivered, the first is still the only one.
    const otherId = `e2e${randomBytes(6).toString('hex')}`;
    expect((await deliver(starvationEvent(otherId, `st-${randomBytes(8).toString('hex')}`))).status).toBe(200);
    await expect.poll(() => received.filter((r) => r.path === hookPath && r.body.includes(otherId)).length).toBe(1);
    expect(mine()).toHaveLength(1);

    // The history lists the deliveries with their status and HTTP code, and the button sends a test.
    await page.reload();
    await expect(
      page.getByRole('table', { name: 'Recent deliveries' }).getByRole('row').filter({ hasText: webhookRule }).first(),
    ).toContainText('204');
    await page.getByRole('button', { name: `Send test notification for ${webhookRule}` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'delivered (HTTP 204)' })).toBeVisible();
    const test = received.find((r) => r.path === hookPath && JSON.parse(r.body).type === 'ivs-console.test');
    expect(test && verified(secret, test)).toBe(true);
    expect(await page.content()).not.toContain(hookPath);
  });
});

test.describe('editing an alert rule', () => {
  test.use({ storageState: asRole('admin') });

  test('changes a rule in place; the URL and secret it keeps still deliver, signed', async ({ page }) => {
    received = [];
    const hookPath = `/hook-${randomBytes(8).toString('hex')}`;
    const secret = `whsec-${randomBytes(12).toString('hex')}`;
    const name = uniqueName('e2e-edit');
    await page.goto('/alerts');
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Destination').selectOption('webhook');
    await page.getByLabel('Webhook URL').fill(`${receiverUrl}${hookPath}`);
    await page.getByLabel('Signing secret').fill(secret);
    await page.getByRole('button', { name: 'Create rule' }).click();
    await expect(page.locator(`[data-rule="${name}"]`)).toBeVisible();

    await page.getByRole('link', { name: `Edit ${name}` }).click();
    await expect(page.getByRole('heading', { name: `Edit "${name}"` })).toBeVisible();
    // The form holds the rule's settings, never its URL or secret: empty fields keep them.
    await expect(page.getByLabel('Webhook URL')).toHaveValue('');
    await expect(page.getByLabel('Webhook URL')).toHaveAccessibleDescription(/Leave empty to keep the current one \(127\.0\.0\.1:/);
    await page.getByLabel('Name', { exact: true }).fill(`${name}-renamed`);
    await page.getByLabel('Quiet period (minutes)').fill('4500');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByLabel('Quiet period (minutes)')).toHaveAccessibleDescription(/0 to 1440 minutes/);
    await page.getByLabel('Quiet period (minutes)').fill('45');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Rule “${name}-renamed” saved.` })).toBeVisible();
    const row = page.locator(`[data-rule="${name}-renamed"]`);
    await expect(row).toContainText('45 min');
    await expect(page.locator(`[data-rule="${name}"]`)).toHaveCount(0);

    await page.getByRole('button', { name: `Send test notification for ${name}-renamed` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'delivered (HTTP 204)' })).toBeVisible();
    const test = received.find((r) => r.path === hookPath && JSON.parse(r.body).type === 'ivs-console.test');
    expect(test && verified(secret, test)).toBe(true);
  });
});

for (const role of ['operator', 'viewer'] as const) {
  test.describe(`alerts as ${role}`, () => {
    test.use({ storageState: asRole(role) });
    test(`${role} cannot open /alerts`, async ({ page }) => {
      expect((await page.goto('/alerts'))?.status()).toBe(403);
      await expect(page.getByRole('heading', { level: 1, name: 'You don’t have access to this page' })).toBeVisible();
      await expect(page).toHaveURL(/\/alerts$/);
      await expect(page.getByRole('navigation').getByRole('link', { name: 'Alerts' })).toHaveCount(0);
    });
  });
}
