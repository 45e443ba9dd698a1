import { CreateChannelCommand, DeleteChannelCommand } from '@aws-sdk/client-ivs';
import type { Page } from '@playwright/test';
import { asRole, expect, idOf, ivs, test, uniqueName } from './fixtures';

// The Content-Security-Policy in a real browser: every page gets a fresh script nonce from proxy.ts,
// Next's scripts and ours carry it (so pages still hydrate), and an inline script without it is refused.

const scriptSrc = (csp: string) =>
  csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('script-src ')) ?? '';
const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(scriptSrc(csp))?.[1];

declare global {
  interface Window {
    __cspViolations?: { directive: string; blocked: string }[];
    __injected?: number;
    __trusted?: number;
  }
}

/** Records every CSP violation (from the first byte on) and every console message about one. */
async function watchCsp(page: Page): Promise<{ directive: string; blocked: string }[]> {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations!.push({ directive: e.effectiveDirective, blocked: e.blockedURI }),
    );
  });
  const fromConsole: { directive: string; blocked: string }[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) fromConsole.push({ directive: 'console', blocked: msg.text() });
  });
  return fromConsole;
}

const violations = (page: Page) => page.evaluate(() => window.__cspViolations ?? []);

test.describe('signed out', () => {
  test('each page response has its own nonce, and no inline scripts without one', async ({ request }) => {
    const first = await request.get('/login');
    const second = await request.get('/login');
    const policies = [first, second].map((res) => res.headersArray().filter((h) => h.name.toLowerCase() === 'content-security-policy'));
    for (const list of policies) expect(list).toHaveLength(1); // proxy.ts's replaces next.config.js's, not beside it

    const [a, b] = policies.map(([h]) => h.value);
    expect(nonceOf(a)).toBeTruthy();
    expect(nonceOf(b)).toBeTruthy();
    expect(nonceOf(a)).not.toBe(nonceOf(b));
    expect(scriptSrc(a)).toContain("'strict-dynamic'");
    expect(scriptSrc(a)).not.toContain("'unsafe-inline'");
    expect(a).toContain("frame-ancestors 'none'");

    // Every script in the HTML carries this response's nonce.
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonceOf(a)}"`);

    // Not HTML: next.config.js's policy, which lets no inline script run.
    const api = (await request.get('/api/health')).headers()['content-security-policy'];
    expect(scriptSrc(api)).not.toMatch(/'unsafe-inline'|'nonce-/);
  });
});

test('the login page loads without a CSP violation', async ({ page }) => {
  const fromConsole = await watchCsp(page);
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await violations(page)).toEqual([]);
  expect(fromConsole).toEqual([]);
});

test.describe('as operator', () => {
  test.use({ storageState: asRole('operator') });

  test('an inline script injected into the HTML without the nonce is refused', async ({ page }) => {
    // What a stored or reflected XSS would do: inline scripts in the served HTML. Control: the same
    // script with this response's nonce runs, so only the nonce makes the difference.
    await page.route('**/channels', async (route) => {
      const response = await route.fetch();
      const nonce = nonceOf(response.headers()['content-security-policy'] ?? '');
      const injected = `<script>window.__injected = 1</script><script nonce="${nonce}">window.__trusted = 1</script>`;
      await route.fulfill({ response, body: (await response.text()).replace('</head>', `${injected}</head>`) });
    });
    const fromConsole = await watchCsp(page);
    await page.goto('/channels');

    await expect.poll(() => page.evaluate(() => window.__trusted)).toBe(1);
    expect(await page.evaluate(() => window.__injected)).toBeUndefined();
    expect(await violations(page)).toEqual([{ directive: 'script-src-elem', blocked: 'inline' }]);
    expect(fromConsole).toHaveLength(1);
    expect(fromConsole[0].blocked).toMatch(/inline script/i);
  });

  test('the main pages hydrate without a CSP violation', async ({ page }) => {
    test.setTimeout(90_000); // six pages, each compiled on first use under next dev
    const client = ivs();
    const { channel } = await client.send(new CreateChannelCommand({ name: uniqueName('e2e-csp') }));
    try {
      const fromConsole = await watchCsp(page);
      const paths = [
        '/channels',
        `/channels/${idOf(channel!.arn!)}`,
        '/live',
        '/playback-keys',
        '/recording-configurations',
        '/restriction-policies',
      ];
      for (const path of paths) {
        await page.goto(path);
        await expect(page.getByRole('main')).toBeVisible();
        // Hydrated, so Next's scripts ran: a client component answers a click.
        const menu = page.getByRole('button', { name: /account menu/i });
        await menu.click();
        await expect(menu).toHaveAttribute('aria-expanded', 'true');
        await page.waitForLoadState('networkidle');
        expect({ path, violations: await violations(page) }).toEqual({ path, violations: [] });
      }
      expect(fromConsole).toEqual([]);
    } finally {
      await client.send(new DeleteChannelCommand({ arn: channel!.arn! })).catch(() => undefined);
    }
  });
});
