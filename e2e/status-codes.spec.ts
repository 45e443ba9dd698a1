import { CreateChannelCommand } from '@aws-sdk/client-ivs';
import { asRole, expect, idOf, pinRegion, test, uniqueName } from './fixtures';

// A refused or missing page answers with its status (403, 404), not a 200 with a redirect or a
// message streamed after the status was sent: crawlers, monitors, proxies and scripts go by the
// status. The body is still the console shell with a message a person can read.
const NO_ACCESS = 'You don’t have access to this page';
// Well-formed ids that IVS has nowhere (the id rules of each resource, so the lookup really runs).
const MISSING = 'NoSuchIdAtAll01';

test.beforeEach(async ({ context, baseURL }) => pinRegion(context, baseURL));

test.describe('as viewer', () => {
  test.use({ storageState: asRole('viewer') });

  test('a refused page answers 403 at its own URL, with the no-access message in the shell', async ({ page }) => {
    const res = await page.goto('/audit');
    expect(res?.status()).toBe(403);
    await expect(page).toHaveURL(/\/audit$/);
    await expect(page.getByRole('heading', { level: 1, name: NO_ACCESS })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

    const create = await page.request.get('/channels/new', { maxRedirects: 0 });
    expect(create.status()).toBe(403);
    expect(await create.text()).toContain(NO_ACCESS);
  });
});

test.describe('as operator', () => {
  test.use({ storageState: asRole('operator') });

  test('a missing resource answers 404 with the not-found message; an existing channel 200', async ({ page, ivs }) => {
    const arn = (await ivs.send(new CreateChannelCommand({ name: uniqueName('e2e-status') }))).channel!.arn!;
    const id = idOf(arn);
    const missing: Array<[string, string]> = [
      [`/channels/${MISSING}`, 'Channel not found'],
      [`/channels/${MISSING}/edit`, 'Channel not found'],
      [`/recording-configurations/${MISSING}`, 'Page not found'],
      [`/restriction-policies/${MISSING}`, 'Page not found'],
      [`/playback-keys/${MISSING}`, 'Page not found'],
      [`/ad-configurations/${MISSING}`, 'Page not found'],
      [`/channels/${id}/sessions/st-${'0'.repeat(23)}`, 'Stream session not found'],
    ];
    for (const [path, text] of missing) {
      const res = await page.request.get(path, { maxRedirects: 0 });
      expect(res.status(), path).toBe(404);
      expect(await res.text(), path).toContain(text);
    }
    const found = await page.request.get(`/channels/${id}`, { maxRedirects: 0 });
    expect(found.status()).toBe(200);
    expect(await found.text()).toContain(id);
  });
});
