import { CreateChannelCommand, GetStreamCommand } from '@aws-sdk/client-ivs';
import { asRole, emulatorUrl, expect, idOf, pinRegion, test, uniqueName } from './fixtures';

// The stream session page (/channels/[id]/sessions/[streamId]): the health charts over the session's
// own window with its events on the time axis and its starvation shaded, the encoder's settings beside
// the channel type's limits, and the diagnosis; live it refreshes itself, ended it keeps its charts.
test.use({ storageState: asRole('viewer') });
test.beforeEach(({ context, baseURL }) => pinRegion(context, baseURL!));

async function control(route: string, body: unknown) {
  const res = await fetch(`${emulatorUrl}/_emulator/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator ${route} answered ${res.status}: ${await res.text()}`);
}

test('a session with starvation and a bad keyframe interval: markers, shading, limits and findings, live and ended', async ({
  page,
  ivs,
}) => {
  const out = await ivs.send(new CreateChannelCommand({ name: uniqueName('e2e-session-health'), type: 'STANDARD' }));
  const arn = out.channel!.arn!;
  const id = idOf(arn);
  // Half an hour of history: a minute of starvation 20 minutes ago, a 4-second keyframe interval for
  // 10 minutes after it.
  await control('streams/start', { channelArn: arn, startedSecondsAgo: 1800, viewerCount: 8 });
  await control('streams/episode', { channelArn: arn, kind: 'starve', durationSeconds: 60, startOffsetSeconds: -1200 });
  await control('streams/episode', { channelArn: arn, kind: 'keyframeInterval', value: 4, durationSeconds: 600, startOffsetSeconds: -900 });
  const { stream } = await ivs.send(new GetStreamCommand({ channelArn: arn }));
  const streamId = stream!.streamId!;

  // Found the way an operator finds it: from the channel page's sessions list.
  await page.goto(`/channels/${id}`);
  await page.getByRole('region', { name: 'Stream sessions' }).getByRole('link', { name: streamId }).click();
  await expect(page).toHaveURL(new RegExp(`/channels/${id}/sessions/${streamId}$`), { timeout: 30_000 });

  // Events on the time axis: the chart's text list of its markers, one item per event.
  const markers = page.getByTestId('chart-markers');
  await expect(markers.getByRole('listitem').filter({ hasText: 'Stream Start' })).toHaveCount(1, { timeout: 20_000 });
  await expect(markers.getByRole('listitem').filter({ hasText: 'Starvation Start (warning)' })).toHaveCount(1);
  await expect(markers.getByRole('listitem').filter({ hasText: 'Starvation End' })).toHaveCount(1);
  await expect(page.getByTestId('shaded-period')).toHaveCount(1);
  await expect(page.getByTestId('shaded-period')).toContainText('Starved');

  // The charts cover the session's own window: from just before its start to now.
  const charts = page.locator('section[data-window-start]');
  const startedAt = stream!.startTime!.getTime();
  const windowStart = Date.parse((await charts.getAttribute('data-window-start'))!);
  const windowEnd = Date.parse((await charts.getAttribute('data-window-end'))!);
  expect(windowStart).toBeLessThan(startedAt);
  expect(startedAt - windowStart).toBeLessThanOrEqual(5 * 60_000);
  expect(windowEnd - startedAt).toBeGreaterThanOrEqual(29 * 60_000);
  await expect(page.getByTestId('chart-summary').filter({ hasText: /^Keyframe interval: min .*, max 4(\.0+)? s\./ })).toHaveCount(1);

  // The encoder's settings beside the STANDARD limits, in words.
  const video = page.getByRole('table', { name: /^Ingest configuration: video track/ });
  await expect(video.getByRole('columnheader', { name: 'Limit for STANDARD' })).toBeVisible();
  await expect(video.getByRole('row', { name: /Target bitrate/ })).toContainText('8.5 Mbps');
  await expect(video.getByRole('row', { name: /Resolution/ })).toContainText('Within the limit');
  await expect(page.getByRole('table', { name: /^Ingest configuration: audio track/ })).toContainText('kbps');

  // The diagnosis names both problems, with evidence and fix.
  const findings = page.getByTestId('findings');
  await expect(findings.getByRole('listitem').filter({ hasText: 'The stream starved' })).toContainText('Fix:');
  await expect(findings.getByRole('listitem').filter({ hasText: 'Keyframe interval is not 2 seconds' })).toContainText(
    /Keyframe interval 4 s for \d+ of the session's \d+ minutes/,
  );
  // The timeline decodes each event in plain English.
  await expect(page.getByRole('list', { name: 'Events' }).getByRole('listitem').filter({ hasText: 'Starvation Start' })).toContainText(
    /encoder/i,
  );

  // Live, the page refreshes itself: the stream stops and, without a reload, the session shows as ended.
  await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));
  await control('streams/stop', { channelArn: arn });
  await expect(markers.getByRole('listitem').filter({ hasText: 'Session Ended' })).toHaveCount(1, { timeout: 25_000 });
  await expect(page.getByText(/^Ended session/)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);

  // Opened afresh, the ended session still shows its charts over its window, and is not polled.
  // The page's clock is Playwright's, so "no poll in the next 30 s" is checked without waiting 30 s.
  await page.clock.install();
  await page.reload();
  await expect(page.getByTestId('chart-summary')).toHaveCount(5);
  await expect(page.getByTestId('chart-summary').filter({ hasText: /^Video bitrate: min / })).toHaveCount(1);
  await expect(markers.getByRole('listitem').filter({ hasText: 'Session Ended' })).toHaveCount(1);
  const endedEnd = Date.parse((await charts.getAttribute('data-window-end'))!);
  expect(endedEnd).toBeGreaterThan(startedAt + 30 * 60_000);
  expect(endedEnd).toBeLessThanOrEqual(Date.now());
  const polls: string[] = [];
  page.on('request', (r) => r.url().includes('/health') && polls.push(r.url()));
  await page.clock.runFor(30_000);
  expect(polls).toEqual([]);
});
