import { CreateChannelCommand } from '@aws-sdk/client-ivs';
import type { APIRequestContext } from '@playwright/test';
import { E2E_CRON_SECRET } from './eventbridge-secret';
import { asRole, emulator, emulatorUrl, expect, idOf, pinRegion, test, uniqueName } from './fixtures';

// The event watcher runs in the server with no page open (EVENTS_WATCH_SECONDS=2 in playwright.config.ts),
// and the emulator delivers the same happenings as EventBridge events to the console's intake: the feed
// must show each once, worded the same, whichever arrived first.
// These specs change what IVS reports through the emulator, wait for the events through GET /api/events
// (no page open), and only then look at /events.

test.beforeEach(({ context, baseURL }) => pinRegion(context, baseURL!));

interface FeedEvent {
  id: string;
  acknowledgedBy?: string | null;
  kind: string;
  severity: string;
  title: string;
  streamId: string | null;
  data?: { expected?: boolean };
}

/** The events of one channel (newest first), as a viewer's browser would poll them. */
async function eventsOf(request: APIRequestContext, channelId: string): Promise<FeedEvent[]> {
  const res = await request.get(`/api/events?channel=${channelId}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { events: FeedEvent[] }).events;
}

const kindsOf = async (request: APIRequestContext, channelId: string) => (await eventsOf(request, channelId)).map((e) => e.kind);

/** The emulator's starve episode: the stream's health is STARVING for `seconds`. */
async function starve(channelArn: string, seconds: number) {
  const res = await fetch(`${emulatorUrl}/_emulator/streams/episode`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channelArn, kind: 'starve', durationSeconds: seconds }),
  });
  expect(res.status).toBe(200);
}

test.describe('/events as viewer', () => {
  test.use({ storageState: asRole('viewer') });
  test.describe.configure({ timeout: 120_000 });

  test('a stream that starts, starves and loses its encoder shows up in the feed, filterable and live', async ({ page, ivs }) => {
    const name = uniqueName('e2e-events');
    const arn = (await ivs.send(new CreateChannelCommand({ name }))).channel!.arn!;
    const id = idOf(arn);
    const api = page.request;

    await emulator.startStream(arn, { health: 'HEALTHY', viewerCount: 40 });
    await expect.poll(() => kindsOf(api, id), { timeout: 30_000 }).toContain('stream.started');
    await starve(arn, 300);
    await expect.poll(() => kindsOf(api, id), { timeout: 30_000 }).toContain('starvation.started');
    await emulator.stopStream(arn); // the encoder vanishes: nobody stopped it from the console
    await expect.poll(() => kindsOf(api, id), { timeout: 30_000 }).toContain('stream.ended');
    // Those three, each once whichever source saw it first (a diagnosis finding could come too: it is
    // not what this checks). Not in a fixed order: EventBridge dates an event to the second, the watcher
    // to the millisecond, and this test's steps can fall within one second.
    const MAIN = ['stream.ended', 'starvation.started', 'stream.started'];
    const events = (await eventsOf(api, id)).filter((e) => MAIN.includes(e.kind));
    expect(events.map((e) => e.kind).sort()).toEqual([...MAIN].sort());
    const ended = events.find((e) => e.kind === 'stream.ended')!;
    expect(ended).toMatchObject({ severity: 'critical', data: { expected: false } });

    // Now the page: the filter form puts the channel in the URL.
    await page.goto('/events');
    await page.getByLabel('Channel').fill(id);
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(new RegExp(`/events\\?channel=${id}`));
    const rows = page.getByRole('table', { name: 'Events' }).locator('tbody tr');
    const main = rows.and(page.locator(MAIN.map((k) => `[data-kind="${k}"]`).join(', ')));
    const ofKind = (kind: string) => rows.and(page.locator(`[data-kind="${kind}"]`));
    await expect(main).toHaveCount(3);
    await expect(ofKind('stream.ended')).toContainText(`Stream ended unexpectedly on “${name}”`);
    await expect(ofKind('stream.ended')).toContainText('critical');
    await expect(ofKind('starvation.started')).toContainText(`“${name}” is starving`);
    await expect(ofKind('stream.started')).toContainText(`Stream started on “${name}”`);
    const streamId = ended.streamId!;
    await expect(ofKind('stream.ended').getByRole('link', { name, exact: true })).toHaveAttribute('href', `/channels/${id}`);
    await expect(ofKind('stream.ended').getByRole('link', { name: `Session ${streamId} of ${name}` })).toHaveAttribute(
      'href',
      `/channels/${id}/sessions/${streamId}`,
    );

    await page.getByLabel('Kind').selectOption('stream.ended');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/kind=stream\.ended/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Stream ended unexpectedly');

    // Live: with the page open, a new stream's start appears at the top without a reload.
    await page.getByLabel('Kind').selectOption('');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(main).toHaveCount(3);
    await emulator.startStream(arn, { health: 'HEALTHY', viewerCount: 5 });
    await expect(rows.and(page.locator('[data-kind="stream.started"]'))).toHaveCount(2, { timeout: 30_000 });
    await expect(rows.first()).toContainText(`Stream started on “${name}”`);
    await emulator.stopStream(arn);
  });

  test('a bad filter is named beside its field, and the others still apply', async ({ page }) => {
    await page.goto('/events?severity=loud&kind=stream.started');
    await expect(page.getByRole('alert').filter({ hasText: 'Choose critical, warning or info.' })).toBeVisible();
    await expect(page.getByLabel('Severity')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Kind')).toHaveValue('stream.started');
    const res = await page.request.get('/api/events?kind=stream.exploded');
    expect(res.status()).toBe(400);
    expect(await res.json()).toMatchObject({ fieldErrors: { kind: 'Choose a kind from the list.' } });
  });
});

test.describe('/events as operator', () => {
  test.use({ storageState: asRole('operator') });
  test.describe.configure({ timeout: 120_000 });

  test('a stream stopped from the console ends "expected", and an operator acknowledges it', async ({ page, ivs, browser }) => {
    const name = uniqueName('e2e-events-stop');
    const arn = (await ivs.send(new CreateChannelCommand({ name }))).channel!.arn!;
    const id = idOf(arn);
    await emulator.startStream(arn, { viewerCount: 9_500_000 }); // most watched: first on /live
    await expect.poll(() => kindsOf(page.request, id), { timeout: 30_000 }).toContain('stream.started');

    const row = page.locator(`tr[data-channel-id="${id}"]`);
    await expect(async () => {
      await page.goto('/live');
      await expect(row).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await row.getByRole('button', { name: /Stop stream/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Stop stream' }).click();
    await expect(row).toContainText('Ended');

    await expect.poll(() => kindsOf(page.request, id), { timeout: 30_000 }).toContain('stream.ended');
    const ended = (await eventsOf(page.request, id)).find((e) => e.kind === 'stream.ended')!;
    expect(ended).toMatchObject({ kind: 'stream.ended', severity: 'info', data: { expected: true } });
    await page.goto(`/events?channel=${id}&kind=stream.ended`);
    const endedRow = page.getByRole('table', { name: 'Events' }).locator('tbody tr');
    await expect(endedRow).toContainText([`Stream ended on “${name}”: stopped from the console`]);

    // The operator acknowledges it: the feed says who and when, and the audit log has it.
    await endedRow.getByRole('button', { name: /^Acknowledge/ }).click();
    await expect(endedRow.getByTestId('acknowledged')).toContainText('Acknowledged by operator@local.test');
    await expect(endedRow.getByRole('button', { name: /^Acknowledge/ })).toHaveCount(0);
    expect((await eventsOf(page.request, id)).find((e) => e.id === ended.id)).toMatchObject({ acknowledgedBy: 'operator@local.test' });
    const admin = await (await browser.newContext({ storageState: asRole('admin') })).newPage();
    try {
      await admin.goto(`/audit?action=event.acknowledge&user=operator%40local.test`);
      await expect(admin.getByRole('row').filter({ hasText: ended.id }).first()).toContainText('success');
    } finally {
      await admin.context().close();
    }
  });
});

test('the Vercel Cron entry point runs the watcher and the dispatcher for its bearer token only', async ({ playwright, baseURL }) => {
  // No console session, as Vercel calls it.
  const api = await playwright.request.newContext({ baseURL });
  expect((await api.get('/api/cron/tick')).status()).toBe(401);
  expect((await api.get('/api/cron/tick', { headers: { authorization: 'Bearer not-the-cron-secret' } })).status()).toBe(401);
  const res = await api.get('/api/cron/tick', { headers: { authorization: `Bearer ${E2E_CRON_SECRET}` } });
  expect(res.status()).toBe(200);
  const body = await res.json();
  // The server's own loop may hold the watcher's lease: then this look stands aside (leader false).
  expect(body).toMatchObject({ watcher: { leader: expect.any(Boolean) }, alerts: { sent: expect.any(Number) }, retention: { deleted: 0 } });
  await api.dispose();
});
