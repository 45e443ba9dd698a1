import AxeBuilder from '@axe-core/playwright';
import {
  CreateChannelCommand,
  ImportPlaybackKeyPairCommand,
  ListPlaybackKeyPairsCommand,
  ListPlaybackRestrictionPoliciesCommand,
  ListRecordingConfigurationsCommand,
  ListStreamSessionsCommand,
} from '@aws-sdk/client-ivs';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { asRole, emulator, expect, idOf, ivs, pinRegion, test, uniqueName, type Role } from './fixtures';
import { pem } from './playback-keys-helpers';

// Every page, in the admin's and the viewer's view (see below), in the light and the dark theme, with
// its dialogs open, checked by axe-core against WCAG 2.2 AA. One browser context and page per role,
// moved from URL to URL; the theme is switched by the OS setting the page follows
// (components/shell/theme-script.tsx), so a page is loaded once for both themes. Violations are
// collected and reported together at the end.
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Fixture {
  channelId: string;
  liveChannelId: string;
  sessionId: string;
  recordingId: string;
  policyId: string;
  keyPairId: string;
}

let fixture: Fixture;

test.beforeAll(async () => {
  const client = ivs();
  try {
    const make = async (authorized: boolean) =>
      (await client.send(new CreateChannelCommand({ name: uniqueName('e2e-a11y'), authorized, tags: { team: 'a11y' } }))).channel!.arn!;
    const channelId = idOf(await make(true));
    const liveArn = await make(false);
    const liveChannelId = idOf(liveArn);
    // Backdated, with a bad keyframe interval and a past starvation, so the channel page's stream-health
    // charts, shading and findings are there to check.
    const history = { health: 'HEALTHY', viewerCount: 12, startedSecondsAgo: 600, ingest: { keyframeInterval: 4 } } as const;
    await emulator.startStream(liveArn, history);
    await fetch(`${emulator.url}/_emulator/streams/episode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channelArn: liveArn, kind: 'starve', durationSeconds: 60, startOffsetSeconds: -300 }),
    });
    const sessions = (await client.send(new ListStreamSessionsCommand({ channelArn: liveArn }))).streamSessions ?? [];
    const recordingId = idOf((await client.send(new ListRecordingConfigurationsCommand({}))).recordingConfigurations![0].arn!);
    const policyId = idOf((await client.send(new ListPlaybackRestrictionPoliciesCommand({}))).playbackRestrictionPolicies![0].arn!);
    // Playback key pairs are capped at 3 per region: use one that is there, or import one.
    const pairs = (await client.send(new ListPlaybackKeyPairsCommand({}))).keyPairs ?? [];
    const keyPairArn =
      pairs[0]?.arn ??
      (await client.send(new ImportPlaybackKeyPairCommand({ name: uniqueName('e2e-a11y'), publicKeyMaterial: pem.p384().publicKey })))
        .keyPair!.arn!;
    fixture = { channelId, liveChannelId, sessionId: sessions[0].streamId!, recordingId, policyId, keyPairId: idOf(keyPairArn) };
  } finally {
    client.destroy();
  }
});

type Step = {
  path: string;
  label?: string;
  dialogs?: Array<{ open: (page: Page) => Promise<void>; name: string | RegExp }>;
  /** What to wait for before scanning, for content that loads after the page. */
  ready?: (page: Page) => Promise<void>;
};

// What each role can open (pages a role may not see are checked as the refusal they get instead).
function stepsFor(role: Role, f: Fixture): Step[] {
  const operator = role !== 'viewer';
  const admin = role === 'admin';
  const click = (name: string | RegExp) => async (page: Page) =>
    page
      .getByRole('button', { name, exact: typeof name === 'string' })
      .first()
      .click();
  return [
    // Each region's row streams in when its region answered.
    { path: '/', label: 'overview', ready: (page) => expect(page.locator('tr[aria-busy]')).toHaveCount(0) },
    { path: '/find?q=a11y', label: 'find anywhere' },
    {
      path: '/channels',
      dialogs: [
        { open: click(/^Account menu/), name: 'menu' },
        ...(operator
          ? [
              {
                open: async (page: Page) => {
                  // The table reacts to clicks once hydrated (it says so with data-ready).
                  await expect(page.locator('[data-testid="channel-table"][data-ready]')).toBeVisible();
                  await page.getByRole('checkbox').nth(1).check();
                  await page.getByRole('button', { name: /^Tag 1 selected/ }).click();
                },
                name: /tag/i,
              },
            ]
          : []),
      ],
    },
    { path: '/channels?tagKey=team&tagValue=a11y', label: 'channels filtered by tag' },
    { path: '/channels/new' },
    {
      path: `/channels/${f.channelId}`,
      dialogs: operator
        ? [
            { open: click('Rotate key'), name: 'Rotate the stream key?' },
            { open: click('Disable ingest'), name: 'Disable ingest?' },
            ...(admin ? [{ open: click('Delete channel'), name: /^Delete / }] : []),
          ]
        : [],
    },
    {
      path: `/channels/${f.liveChannelId}`,
      label: 'live channel',
      // The stream-health charts and findings load after the page.
      ready: async (page) => {
        await expect(page.locator('#stream-health figure canvas')).toHaveCount(5);
        await expect(page.getByTestId('findings')).toBeVisible();
      },
    },
    { path: `/channels/${f.channelId}/edit` },
    {
      path: `/channels/${f.liveChannelId}/sessions/${f.sessionId}`,
      // The charts load after the page, lazily.
      ready: (page) => expect(page.locator('section[data-window-start] figure canvas')).toHaveCount(5),
    },
    { path: '/live' },
    { path: '/live?all=1', label: '/live, all regions' },
    { path: '/events' },
    { path: '/events?severity=loud', label: 'events with a bad filter' },
    { path: '/audit', label: admin ? '/audit' : '/audit (refused)' },
    // Admin only: the others get the refusal page, checked too.
    { path: '/alerts', label: admin ? '/alerts' : '/alerts (refused)' },
    { path: '/playback-keys' },
    {
      path: `/playback-keys/${f.keyPairId}`,
      dialogs: admin ? [{ open: click('Delete key pair'), name: /^Delete playback key pair/ }] : [],
    },
    { path: '/playback-keys/new' },
    { path: '/playback-keys/generate' },
    { path: '/playback-keys/token' },
    { path: '/recording-configurations' },
    {
      path: `/recording-configurations/${f.recordingId}`,
      dialogs: admin ? [{ open: click(/^(Delete recording configuration|Detach from)/), name: /^(Delete|Detach)/ }] : [],
    },
    { path: '/recording-configurations/new' },
    { path: '/restriction-policies' },
    { path: `/restriction-policies/${f.policyId}` },
    { path: `/restriction-policies/${f.policyId}/edit` },
    { path: '/restriction-policies/new' },
    { path: '/ad-configurations' },
    { path: '/ad-configurations/new' },
    { path: '/quotas' },
    { path: '/usage' },
    { path: '/jobs' },
    { path: '/code/compare' },
    { path: '/channels/no-such-channel-id', label: 'not found' },
  ];
}

type Found = string[];

async function setTheme(page: Page, theme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: theme });
  await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
}

// What is on screen now, in both themes: every WCAG 2.2 AA rule in the light theme, and again the one
// rule a theme changes (colour contrast) in the dark one. Each violation is one line naming the page,
// theme, rule and elements, printed at once so a slow run still shows what it found.
async function scan(page: Page, where: string, found: Found) {
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    const builder = new AxeBuilder({ page }).withTags(WCAG_22_AA);
    const { violations } = await (theme === 'dark' ? builder.withRules(['color-contrast']) : builder).analyze();
    for (const v of violations) {
      const line = `${where} [${theme}] ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`).join('\n    ')}`;
      console.log(line);
      found.push(line);
    }
  }
  await setTheme(page, 'light');
}

async function openContext(browser: Browser, baseURL: string, role: Role): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ storageState: asRole(role), colorScheme: 'light', reducedMotion: 'reduce' });
  await pinRegion(context, baseURL);
  // Colour transitions would let axe measure contrast halfway between the themes.
  await context.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const style = document.createElement('style');
      style.textContent = '*,*::before,*::after{transition:none!important;animation-duration:0s!important}';
      document.head.append(style);
    });
  });
  return { context, page: await context.newPage() };
}

async function checkStep(page: Page, role: Role, step: Step): Promise<Found> {
  const found: Found = [];
  const where = `${role} ${step.label ?? step.path}`;
  await page.goto(step.path);
  await expect(page.locator('h1').first()).toBeVisible();
  await page.waitForLoadState('load');
  await step.ready?.(page);
  await scan(page, where, found);
  for (const dialog of step.dialogs ?? []) {
    await dialog.open(page);
    const menu = dialog.name === 'menu';
    const opened = menu ? page.getByRole('button', { name: /^Account menu/ }) : page.getByRole('dialog', { name: dialog.name });
    if (menu) await expect(opened).toHaveAttribute('aria-expanded', 'true');
    else await expect(opened).toBeVisible();
    await scan(page, `${where} with ${menu ? 'the account menu' : `dialog "${dialog.name}"`} open`, found);
    await page.keyboard.press('Escape');
    if (!menu) await expect(opened).toBeHidden();
  }
  return found;
}

// One context and page per role, moved from page to page; a test per page, so a finding names its page.
// Two views, not three: the operator's pages are the admin's without the admin-only controls (every
// operator dialog opens in the admin's view too), while the viewer's differ in kind (refusals,
// read-only variants, masked values). Scanning the operator as well cost about 90 s of a CI run.
const STEP_COUNT = stepsFor('admin', {} as Fixture).length;
for (const role of ['admin', 'viewer'] as const) {
  test.describe(`WCAG 2.2 AA in the ${role}'s view`, () => {
    // Not serial: after a failing page the next worker opens its own context and goes on with the next page.
    test.describe.configure({ timeout: 300_000 });
    let context: BrowserContext;
    let page: Page;
    test.beforeAll(async ({ browser, baseURL }) => {
      ({ context, page } = await openContext(browser, baseURL!, role));
    });
    test.afterAll(() => context?.close());

    for (let i = 0; i < STEP_COUNT; i++) {
      const label = stepsFor(role, {
        channelId: '[channel]',
        liveChannelId: '[live channel]',
        sessionId: '[session]',
        recordingId: '[config]',
        policyId: '[policy]',
        keyPairId: '[key pair]',
      })[i];
      test(`${label.label ?? label.path}, both themes${label.dialogs?.length ? ', open dialogs' : ''}: no violation`, async () => {
        const found = await checkStep(page, role, stepsFor(role, fixture)[i]);
        expect(found, found.join('\n')).toEqual([]);
      });
    }
  });
}

test('the sign-in page, in both themes, has no WCAG 2.2 AA violation', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  const found: Found = [];
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  // Not submitted: every failed sign-in counts towards the console's limit, which other specs share.
  await scan(page, '/login', found);
  await context.close();
  expect(found, found.join('\n')).toEqual([]);
});
