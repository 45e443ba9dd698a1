import { CreateChannelCommand, DeleteChannelCommand, ListTagsForResourceCommand } from '@aws-sdk/client-ivs';
import type { APIRequestContext, Page } from '@playwright/test';
import { asRole, emulator, expect, idOf, pinRegion, test, uniqueName } from './fixtures';

// Input that must never reach IVS or Next's 500 path, checked with raw HTTP against the real server:
// server-action calls from another origin (with or without a made-up X-Forwarded-Host), malformed or
// oversized action bodies, and the channel list's URL filters and page tokens.

/** The id and path of the region switcher's server action, caught from a real call in the browser. */
async function regionAction(page: Page): Promise<{ id: string; path: string }> {
  await page.goto('/channels');
  const call = page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']);
  await page
    .getByLabel(/region/i)
    .first()
    .selectOption('us-west-2');
  const request = await call;
  return { id: request.headers()['next-action'], path: new URL(request.url()).pathname };
}

function postAction(
  request: APIRequestContext,
  action: { id: string; path: string },
  body: string | Buffer,
  headers: Record<string, string> = {},
) {
  return request.post(action.path, {
    headers: { 'next-action': action.id, accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8', ...headers },
    data: body,
    maxRedirects: 0,
  });
}

test.describe('server-action requests as a viewer', () => {
  test.use({ storageState: asRole('viewer') });

  test('a same-origin call works; another origin gets 403, a bad body 400, an oversized one 413', async ({ page, baseURL }) => {
    await pinRegion(page.context(), baseURL, 'eu-west-1');
    const action = await regionAction(page);
    const request = page.context().request;
    const origin = new URL(baseURL!).origin;
    const host = new URL(baseURL!).host;

    const ok = await postAction(request, action, '[{"region":"us-west-2"}]', { origin });
    expect(ok.status()).toBe(200);

    const foreign = await postAction(request, action, '[{"region":"us-west-2"}]', { origin: 'https://evil.example' });
    expect(foreign.status()).toBe(403);
    // X-Forwarded-Host is the client's own word here (no TRUST_FORWARDED_HOST): it changes nothing.
    const spoofed = await postAction(request, action, '[{"region":"us-west-2"}]', {
      origin: 'https://evil.example',
      'x-forwarded-host': 'evil.example',
    });
    expect(spoofed.status()).toBe(403);
    // ...nor can it make the console's own origin look foreign to Next's own check.
    const ownWithHeader = await postAction(request, action, '[{"region":"us-west-2"}]', { origin, 'x-forwarded-host': 'evil.example' });
    expect(ownWithHeader.status()).toBe(200);

    expect((await postAction(request, action, '{{{ not an argument list', { origin })).status()).toBe(400);
    expect((await postAction(request, action, Buffer.from([0xff, 0xfe, 0xfd]), { origin })).status()).toBe(400);
    const big = `[${JSON.stringify('x'.repeat(2 * 1024 * 1024))}]`;
    expect((await postAction(request, action, big, { origin })).status()).toBe(413);
    expect(host).toBeTruthy();
  });
});

test.describe('channel list filters as a viewer', () => {
  test.use({ storageState: asRole('viewer') });

  const BAD: [string, RegExp][] = [
    ['recording=arn:aws:ivs:eu-west-1:123456789012:recording-configuration/AbCd1234', /is in eu-west-1/],
    ['policy=arn:aws:ivs:us-west-2:111122223333:playback-restriction-policy/AbCd1234', /belongs to AWS account 111122223333/],
    ['recording=not-an-arn', /Not a recording configuration ARN/],
    ['name=no%20spaces!', /letters, digits/i],
    ['tagKey=aws:owner', /reserved/],
    ['token=%7B%22not%22%3A%22a%20token%22%7D', /page token/],
  ];

  for (const [query, message] of BAD) {
    test(`/channels?${query} says what is wrong and calls no ListChannels`, async ({ page, baseURL }) => {
      await pinRegion(page.context(), baseURL);
      const before = (await emulator.requestCounts()).ListChannels ?? 0;
      const res = await page.goto(`/channels?${query}`);
      expect(res?.status()).toBe(200);
      await expect(page.getByRole('alert').filter({ hasText: 'This filter cannot be used' })).toContainText(message);
      expect((await emulator.requestCounts()).ListChannels ?? 0).toBe(before);
    });
  }
});

test.describe('tags as an operator', () => {
  test.use({ storageState: asRole('operator') });

  test('a tag key __proto__ (valid in IVS) is saved like any other', async ({ page, baseURL, ivs }) => {
    await pinRegion(page.context(), baseURL);
    const out = await ivs.send(new CreateChannelCommand({ name: uniqueName('e2e-proto') }));
    const arn = out.channel!.arn!;
    try {
      await page.goto(`/channels/${idOf(arn)}`);
      const editor = page.getByRole('region', { name: 'Tags', exact: true });
      await editor.getByRole('button', { name: 'Add tag' }).click();
      await editor.getByLabel('Tag key 1').fill('__proto__');
      await editor.getByLabel('Tag value 1').fill('kept');
      await editor.getByRole('button', { name: 'Save tags' }).click();
      await expect(editor.getByText(/^Unsaved:/)).toHaveCount(0, { timeout: 30_000 });
      await expect(editor.getByRole('alert')).toHaveCount(0);
      expect(Object.entries((await ivs.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags ?? {})).toEqual([
        ['__proto__', 'kept'],
      ]);
    } finally {
      await ivs.send(new DeleteChannelCommand({ arn }));
    }
  });
});
