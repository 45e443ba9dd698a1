import { CreateChannelCommand } from '@aws-sdk/client-ivs';
import { asRole, emulatorUrl, expect, idOf, pinRegion, test, uniqueName } from './fixtures';

// The live channel page's "Stream health" section: charts with the channel type's limits, starvation
// shaded, and findings, over a window the viewer picks. History exists at once: the emulator backdates
// the stream's start and puts the starvation episode in the past.
test.beforeEach(({ context, baseURL }) => pinRegion(context, baseURL!));
test.use({ storageState: asRole('viewer') });

async function control(path: string, body: unknown) {
  const res = await fetch(`${emulatorUrl}/_emulator/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
}

test('a viewer sees a 4 s keyframe interval and a starvation on the charts and in the findings; the range refetches', async ({
  page,
  ivs,
}) => {
  const arn = (await ivs.send(new CreateChannelCommand({ name: uniqueName('e2e-health'), type: 'STANDARD' }))).channel!.arn!;
  await control('streams/start', { channelArn: arn, startedSecondsAgo: 900, viewerCount: 5, ingest: { keyframeInterval: 4 } });
  await control('streams/episode', { channelArn: arn, kind: 'starve', durationSeconds: 90, startOffsetSeconds: -400 });
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/health?')) asked.push(new URL(r.url()).searchParams.get('minutes') ?? '');
  });

  await page.goto(`/channels/${idOf(arn)}`);
  const section = page.getByRole('region', { name: 'Stream health' });
  const keyframe = section.locator('figure[data-metric="KeyframeInterval"]');
  await expect(keyframe.getByTestId('chart-summary')).toContainText('max 4 s');
  await expect(keyframe.getByTestId('chart-summary')).toContainText('Above the recommended 2 s for');
  await expect(section.locator('figure[data-metric="IngestVideoBitrate"]').getByTestId('chart-summary')).toContainText('8.5 Mbps limit');
  // The canvases arrive with uPlot, one per metric.
  await expect(section.locator('figure canvas')).toHaveCount(5);

  const shaded = section.getByTestId('shaded-period');
  await expect(shaded).toHaveCount(1);
  await expect(shaded).toContainText('Starved');
  await expect(shaded).toContainText('(1 min 30 s)');

  const findings = section.getByTestId('findings');
  await expect(findings.locator('[data-finding="keyframe-interval"]')).toContainText('Keyframe interval 4 s');
  await expect(findings.locator('[data-finding="keyframe-interval"]')).toContainText('Fix:');
  await expect(findings.locator('[data-finding="starvation"]')).toContainText('The stream starved');
  expect(asked).toEqual(['30']);

  await section.getByRole('button', { name: '5 min', exact: true }).click();
  await expect(section.getByRole('button', { name: '5 min', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => asked.includes('5')).toBe(true);
  await expect(page).toHaveURL(/[?&]health=5\b/);
  // The episode ended 5 min 10 s ago, outside a 5-minute window: no shading there.
  await expect(section.getByTestId('shaded-period')).toHaveCount(0);
  await expect(keyframe.getByTestId('chart-summary')).toContainText('max 4 s');

  await control('streams/stop', { channelArn: arn });
});

test('a channel that has not been live in the window says so instead of drawing empty charts', async ({ page, ivs }) => {
  const arn = (await ivs.send(new CreateChannelCommand({ name: uniqueName('e2e-health-off') }))).channel!.arn!;
  await page.goto(`/channels/${idOf(arn)}`);
  const section = page.getByRole('region', { name: 'Stream health' });
  await expect(section.getByTestId('health-no-data')).toHaveText('No data: the channel has not been live in the last 30 minutes.');
  await expect(section.locator('figure')).toHaveCount(0);
});
