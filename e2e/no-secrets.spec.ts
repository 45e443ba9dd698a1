import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CreateChannelCommand,
  GetChannelCommand,
  GetStreamKeyCommand,
  ListChannelsCommand,
  ListPlaybackKeyPairsCommand,
  ListPlaybackRestrictionPoliciesCommand,
  ListRecordingConfigurationsCommand,
  ListStreamKeysCommand,
  type IvsClient,
} from '@aws-sdk/client-ivs';
import type { APIRequestContext } from '@playwright/test';
import { asRole, emulator, expect, ROLES, test, uniqueName, type Role } from './fixtures';
import { E2E_DATA_DIR, externalBaseUrl } from './servers';

// Every stream key value and SRT passphrase in the emulator must be absent from every page (HTML and
// RSC payload), every route handler response and its headers, for every role, and from the audit log.
test.describe.configure({ timeout: 300_000 });

const idOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

// The role's saved sign-in, pinned to the fixture client's region (a saved region preference from
// another spec would otherwise send the console elsewhere).
function signedIn(role: Role, baseURL: string) {
  const state = JSON.parse(readFileSync(asRole(role), 'utf8'));
  state.cookies.push({
    name: 'ivs-region',
    value: 'us-west-2',
    domain: new URL(baseURL).hostname,
    path: '/',
    expires: -1,
    httpOnly: false,
    secure: false,
    sameSite: 'Lax',
  });
  return state;
}

async function collectSecrets(ivs: IvsClient): Promise<{ secrets: Set<string>; channelArns: string[] }> {
  const secrets = new Set<string>();
  const channelArns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ivs.send(new ListChannelsCommand({ nextToken, maxResults: 100 }));
    channelArns.push(...(page.channels ?? []).map((c) => c.arn!));
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  for (const arn of channelArns) {
    const [keys, channel] = await Promise.all([
      ivs.send(new ListStreamKeysCommand({ channelArn: arn, maxResults: 50 })),
      ivs.send(new GetChannelCommand({ arn })),
    ]);
    if (channel.channel?.srt?.passphrase) secrets.add(channel.channel.srt.passphrase);
    for (const key of keys.streamKeys ?? []) {
      const value = (await ivs.send(new GetStreamKeyCommand({ arn: key.arn! }))).streamKey?.value;
      if (value) secrets.add(value);
    }
  }
  return { secrets, channelArns };
}

// Routes come from the file system, so a page or handler added later is covered without editing this.
function routeFiles(dir = 'app', prefix: string[] = []): { segments: string[]; kind: 'page' | 'route' }[] {
  const out: { segments: string[]; kind: 'page' | 'route' }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name.startsWith('_')) continue; // private folders are not routes
      const segment = /^\(.*\)$/.test(entry.name) ? [] : [entry.name];
      out.push(...routeFiles(path.join(dir, entry.name), [...prefix, ...segment]));
    } else if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) out.push({ segments: prefix, kind: 'page' });
    else if (/^route\.(tsx|ts|jsx|js)$/.test(entry.name)) out.push({ segments: prefix, kind: 'route' });
  }
  return out;
}

async function idsByResource(ivs: IvsClient, channelIds: string[]): Promise<Record<string, string[]>> {
  const [keyPairs, recordings, policies] = await Promise.all([
    ivs.send(new ListPlaybackKeyPairsCommand({ maxResults: 3 })),
    ivs.send(new ListRecordingConfigurationsCommand({ maxResults: 3 })),
    ivs.send(new ListPlaybackRestrictionPoliciesCommand({ maxResults: 3 })),
  ]);
  return {
    channels: channelIds,
    'playback-keys': (keyPairs.keyPairs ?? []).map((k) => idOf(k.arn!)),
    'recording-configurations': (recordings.recordingConfigurations ?? []).map((r) => idOf(r.arn!)),
    'restriction-policies': (policies.playbackRestrictionPolicies ?? []).map((p) => idOf(p.arn!)),
  };
}

// Expands `[id]` with real ids of the resource named by the folder before it; catch-alls get a harmless value.
function expand(segments: string[], ids: Record<string, string[]>): string[] {
  let urls = [''];
  segments.forEach((segment, i) => {
    if (/^\[\[?\.\.\./.test(segment)) urls = urls.map((u) => `${u}/session`);
    else if (/^\[.+\]$/.test(segment)) {
      const values = ids[segments[i - 1]] ?? [];
      urls = urls.flatMap((u) => values.map((v) => `${u}/${v}`));
    } else urls = urls.map((u) => `${u}/${segment}`);
  });
  return urls.map((u) => u || '/');
}

function findSecret(text: string, secrets: Set<string>): string | undefined {
  for (const secret of secrets) if (text.includes(secret)) return `${secret.slice(0, 6)}… (${secret.length} chars)`;
  return undefined;
}

async function scan(request: APIRequestContext, url: string, headers: Record<string, string>, secrets: Set<string>) {
  // Redirects are followed: Next answers a bare RSC request with a 307 to the same URL plus its `_rsc` key.
  const res = await request.get(url, { headers, maxRedirects: 5, failOnStatusCode: false });
  const body = await res.text();
  const leak = findSecret(body, secrets) ?? findSecret(JSON.stringify(res.headers()), secrets);
  return { status: res.status(), body, leak: leak ? `${url} ${JSON.stringify(headers)} -> ${res.status()} contains ${leak}` : null };
}

test('no stream key value or SRT passphrase appears in any page, RSC payload, route handler or audit record', async ({
  playwright,
  ivs,
  baseURL,
  browser,
}) => {
  // A live channel of our own, so live-only rendering paths are covered too.
  const mine = await ivs.send(new CreateChannelCommand({ name: uniqueName('e2e-nosecret') }));
  const myArn = mine.channel!.arn!;
  await emulator.startStream(myArn);

  // Reveal and copy first, so the audit log (file and /audit page) has secret-related records.
  const operator = await browser.newContext({
    storageState: signedIn('operator', baseURL!),
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const opPage = await operator.newPage();
  await opPage.goto(`/channels/${idOf(myArn)}`);
  await expect(opPage.locator('#stream-key')).toHaveAttribute('data-hydrated', 'true', { timeout: 20_000 });
  // The reveal action's POST names the key ARN. Its body is captured by fetching it through the
  // route (Playwright's own HTTP client) and handing it on to the page: reading it back from the
  // browser afterwards fails once Chromium has dropped the resource (a refresh after the action).
  let revealBody: string | undefined;
  await opPage.route('**/*', async (route) => {
    const req = route.request();
    if (req.method() !== 'POST' || !req.headers()['next-action'] || !req.postData()?.includes(mine.streamKey!.arn!))
      return route.fallback();
    const response = await route.fetch();
    const body = await response.body();
    revealBody ??= body.toString('utf8');
    await route.fulfill({ response, body });
  });
  await opPage.getByRole('button', { name: 'Reveal stream key' }).click();
  await expect(opPage.locator('#stream-key')).toHaveText(mine.streamKey!.value!);
  expect(revealBody, 'the reveal POST went through the route').toBeDefined();
  await opPage.unrouteAll({ behavior: 'wait' });
  await opPage.getByRole('button', { name: 'Copy stream key' }).first().click();
  await expect(opPage.getByText('Copied to the clipboard (not shown)')).toBeVisible();
  // The emulator gives every channel an SRT endpoint, so the reveal must be there: if it went missing,
  // the passphrase reveal path would silently drop out of this check.
  const srtReveal = opPage.getByRole('button', { name: 'Reveal srt passphrase' });
  await expect(srtReveal).toBeVisible();
  await srtReveal.click();
  await expect(opPage.locator('#srt-passphrase')).toHaveAttribute('data-revealed', 'true');
  await operator.close();

  const { secrets, channelArns } = await collectSecrets(ivs);
  expect(secrets.size).toBeGreaterThan(1);
  // Control: the one response meant to carry a secret (the audited reveal) is caught by the same check.
  expect(findSecret(revealBody!, secrets)).toBeDefined();
  const channelIds = [
    idOf(myArn),
    ...channelArns
      .filter((a) => a !== myArn)
      .slice(0, 3)
      .map(idOf),
  ];
  const ids = await idsByResource(ivs, channelIds);
  const files = routeFiles();
  expect(files.some((f) => f.kind === 'route')).toBe(true);

  const urls = new Set<string>();
  for (const file of files) {
    for (const url of expand(file.segments, ids)) {
      urls.add(url);
      // Route handlers often narrow by query: ask with the ids/ARNs they might take.
      if (file.kind === 'route')
        urls.add(`${url}?ids=${channelIds.join(',')}&channelArn=${encodeURIComponent(myArn)}&arn=${encodeURIComponent(myArn)}`);
    }
  }
  urls.add('/audit');

  const leaks: string[] = [];
  const rendered: string[] = [];
  for (const role of ROLES) {
    const request = await playwright.request.newContext({ baseURL, storageState: signedIn(role, baseURL!) });
    // The channel list's own paging links (`?…`) are pages too.
    const list = await (await request.get('/channels', { failOnStatusCode: false })).text();
    const pageLinks = [...list.matchAll(/href="(\/channels\?[^"]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&')).slice(0, 5);
    for (const url of [...urls, ...pageLinks]) {
      for (const headers of [{}, { RSC: '1' }] as Record<string, string>[]) {
        const result = await scan(request, url, headers, secrets);
        if (result.leak) leaks.push(`${role}: ${result.leak}`);
        // Proof the sweep saw real pages, not sign-in redirects: the key panel rendered its ARN.
        if (result.status === 200 && result.body.includes(mine.streamKey!.arn!))
          rendered.push(`${role} ${url} ${headers.RSC ? 'rsc' : 'html'}`);
      }
    }
    await request.dispose();
  }
  expect(leaks).toEqual([]);
  for (const role of ROLES) for (const kind of ['html', 'rsc']) expect(rendered).toContain(`${role} /channels/${idOf(myArn)} ${kind}`);
  test.info().annotations.push({ type: 'swept', description: `${urls.size} URLs × ${ROLES.length} roles × 2, ${secrets.size} secrets` });

  // The audit log has the reveal and the copy (read as an admin would), and no byte of the server's
  // embedded store (tables, indexes, write-ahead log: DATA_DIR/store) holds a secret.
  const admin = await playwright.request.newContext({ baseURL, storageState: signedIn('admin', baseURL!) });
  for (const action of ['stream-key.reveal', 'stream-key.copy']) {
    const page = await (await admin.get(`/audit?action=${action}&resource=${encodeURIComponent(mine.streamKey!.arn!)}`)).text();
    expect(page, `an audit record of ${action}`).toContain(mine.streamKey!.arn!);
  }
  await admin.dispose();
  const storeDir = path.join(process.env.E2E_DATA_DIR ?? (externalBaseUrl ? '.data' : E2E_DATA_DIR), 'store');
  if (externalBaseUrl && !existsSync(storeDir))
    test.info().annotations.push({ type: 'skipped-check', description: `no embedded store at ${storeDir}` });
  else {
    const files = readdirSync(storeDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(path.join(file.parentPath, file.name)).toString('latin1');
      expect(findSecret(bytes, secrets), path.join(file.parentPath, file.name)).toBeUndefined();
    }
  }
  await emulator.stopStream(myArn).catch(() => undefined);
});
