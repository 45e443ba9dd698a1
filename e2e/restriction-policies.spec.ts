import {
  CreateChannelCommand,
  CreatePlaybackRestrictionPolicyCommand,
  DeleteChannelCommand,
  DeletePlaybackRestrictionPolicyCommand,
  GetChannelCommand,
  GetPlaybackRestrictionPolicyCommand,
  ListPlaybackRestrictionPoliciesCommand,
  UpdateChannelCommand,
  type IvsClient,
} from '@aws-sdk/client-ivs';
import { asRole, emulator, expect, test, uniqueName } from './fixtures';

// Playback restriction policies: create/edit with the country picker and origin validation, channels
// using a policy, delete refused while in use (and detach-then-delete), viewer read-only.

const idOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

// What each test made, removed afterwards: IVS (and the emulator) allow only 20 policies per region.
const made = { policies: [] as string[], channels: [] as string[] };

async function makePolicy(ivs: IvsClient, name: string, allowedCountries: string[] = []) {
  const res = await ivs.send(new CreatePlaybackRestrictionPolicyCommand({ name, allowedCountries, allowedOrigins: [] }));
  made.policies.push(res.playbackRestrictionPolicy!.arn!);
  return res.playbackRestrictionPolicy!.arn!;
}

async function makeChannel(ivs: IvsClient, name: string, playbackRestrictionPolicyArn = '') {
  const arn = (await ivs.send(new CreateChannelCommand({ name, playbackRestrictionPolicyArn }))).channel!.arn!;
  made.channels.push(arn);
  return arn;
}

test.afterEach(async ({ ivs }) => {
  for (const arn of made.channels.splice(0)) await ivs.send(new DeleteChannelCommand({ arn })).catch(() => undefined);
  for (const arn of made.policies.splice(0)) await ivs.send(new DeletePlaybackRestrictionPolicyCommand({ arn })).catch(() => undefined);
});

async function policyExists(ivs: IvsClient, arn: string) {
  try {
    await ivs.send(new GetPlaybackRestrictionPolicyCommand({ arn }));
    return true;
  } catch {
    return false;
  }
}

// Multi-step flows; a dev server compiling pages on first visit needs the headroom.
test.describe.configure({ timeout: 90_000 });

test.describe('as operator', () => {
  test.use({ storageState: asRole('operator') });

  test('creates a policy with searched countries and validated origins, then edits it', async ({ page, ivs }) => {
    const name = uniqueName('geo');
    await page.goto('/restriction-policies/new');
    await page.getByLabel('Name (optional)').fill(name);

    const countries = page.getByRole('combobox', { name: 'Allowed countries' });
    await expect(page.getByText('All countries (no geographic restriction)')).toBeVisible();
    await countries.fill('ger');
    await page.getByRole('option', { name: /Germany/ }).click();
    await countries.fill('fr');
    await countries.press('Enter'); // the best match for "fr" is France (FR)
    await expect(page.getByRole('button', { name: 'Remove Germany' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Remove France' })).toBeVisible();

    const origins = page.getByLabel('Allowed origins');
    await origins.fill('https://example.com\nexample.org\nhttps://player.example.com/watch');
    const problems = page.getByRole('alert', { name: 'Invalid origins' });
    await expect(problems).toContainText('example.org: Not a URL');
    await expect(problems).toContainText('https://player.example.com/watch: An origin has no path');
    await page.getByRole('button', { name: 'Create restriction policy' }).click();
    await expect(page).toHaveURL(/\/restriction-policies\/new$/);
    await expect(origins).toHaveValue(/example\.org/); // input kept after the refused submit

    await origins.fill('https://example.com\nhttp://localhost:8080');
    await page.getByLabel('Strict origin enforcement').check();
    await page.getByRole('button', { name: 'Create restriction policy' }).click();

    await expect(page).toHaveURL(/\/restriction-policies\/(?!new$)[A-Za-z0-9-]+$/, { timeout: 30_000 });
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    await expect(page.getByText('Germany (DE), France (FR)')).toBeVisible();
    await expect(page.getByText('http://localhost:8080')).toBeVisible();
    await expect(page.getByText(/^On: IVS refuses playback/)).toBeVisible();

    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('button', { name: 'Remove France' }).click();
    await page.getByLabel('Strict origin enforcement').uncheck();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL(/\/restriction-policies\/(?!new$)[A-Za-z0-9-]+$/, { timeout: 30_000 });
    await expect(page.getByText('Germany (DE)', { exact: true })).toBeVisible();
    await expect(page.getByText(/^Off: origins restricted through CORS only/)).toBeVisible();

    const arn = (await page.getByText(/^arn:aws:ivs:[a-z0-9-]+:\d+:playback-restriction-policy\/[A-Za-z0-9-]+$/).textContent())!;
    const { playbackRestrictionPolicy } = await ivs.send(new GetPlaybackRestrictionPolicyCommand({ arn }));
    made.policies.push(arn);
    expect(playbackRestrictionPolicy).toMatchObject({ allowedCountries: ['DE'], enableStrictOriginEnforcement: false });
  });

  test('the list shows "All countries" for an empty list and counts channels', async ({ page, ivs }) => {
    const name = uniqueName('geo-all');
    const arn = await makePolicy(ivs, name);
    await makeChannel(ivs, `${name}-ch`, arn);
    await page.goto(`/restriction-policies?q=${name}`);
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText('All countries');
    await expect(row).toContainText('All origins');
    await expect(row.getByRole('cell').last()).toHaveText('1');
    await expect(page.getByRole('link', { name: 'Create restriction policy' })).toBeVisible();
  });

  const policiesNamed = async (ivs: IvsClient, name: string) => {
    const { playbackRestrictionPolicies = [] } = await ivs.send(new ListPlaybackRestrictionPoliciesCommand({ maxResults: 100 }));
    const named = playbackRestrictionPolicies.filter((p) => p.name === name).map((p) => p.arn!);
    made.policies.push(...named);
    return named;
  };

  test('a create whose answer IVS lost is one policy, not two (the SDK used to retry it)', async ({ page, ivs }) => {
    const name = uniqueName('geo-lost');
    await emulator.injectFaultAfter('CreatePlaybackRestrictionPolicy', 'DropConnection', { resourceName: name });
    await page.goto('/restriction-policies/new');
    await page.getByLabel('Name (optional)').fill(name);
    await page.getByRole('button', { name: 'Create restriction policy' }).click();
    await expect(page).toHaveURL(/\/restriction-policies\/(?!new$)[A-Za-z0-9-]+$/, { timeout: 30_000 });
    expect((await policiesNamed(ivs, name)).map(idOf)).toEqual([new URL(page.url()).pathname.split('/').pop()]);
  });

  test('the same create submitted five times at once makes one policy', async ({ page, ivs }) => {
    const name = uniqueName('geo-once');
    await page.goto('/restriction-policies/new');
    await page.getByLabel('Name (optional)').fill(name);
    // The form's one submit goes out as five identical requests, all at once.
    await page.route('**/restriction-policies/new', async (route) => {
      const request = route.request();
      if (request.method() !== 'POST' || !request.headers()['next-action']) return route.fallback();
      const headers = Object.fromEntries(
        Object.entries(await request.allHeaders()).filter(([k]) => !['cookie', 'content-length'].includes(k)),
      );
      const copies = Array.from({ length: 4 }, () => page.request.post(request.url(), { headers, data: request.postDataBuffer()! }));
      const [response] = await Promise.all([route.fetch(), ...copies]);
      await route.fulfill({ response });
    });
    await page.getByRole('button', { name: 'Create restriction policy' }).click();
    await expect(page).toHaveURL(/\/restriction-policies\/(?!new$)[A-Za-z0-9-]+$/, { timeout: 30_000 });
    expect(await policiesNamed(ivs, name)).toHaveLength(1);
  });
});

test.describe('as admin', () => {
  test.use({ storageState: asRole('admin') });

  test('the detail page lists channels using the policy; delete is refused while in use', async ({ page, ivs }) => {
    const name = uniqueName('geo-used');
    const arn = await makePolicy(ivs, name, ['US']);
    const a = await makeChannel(ivs, `${name}-a`, arn);
    await page.goto(`/restriction-policies/${idOf(arn)}`);
    await expect(page.getByRole('heading', { name: 'Channels using this policy (1)' })).toBeVisible();
    await expect(page.getByRole('link', { name: `${name}-a` })).toHaveAttribute('href', `/channels/${idOf(a)}`);
    await expect(page.getByText(/IVS refuses to delete a restriction policy while channels use it/)).toBeVisible();

    // Detach, then delete.
    await page.getByRole('button', { name: 'Detach from 1 channel and delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Detach from 1 channel and delete' }).click();
    await expect(page).toHaveURL(/\/restriction-policies$/, { timeout: 30_000 });
    expect(await policyExists(ivs, arn)).toBe(false);
    const { channel } = await ivs.send(new GetChannelCommand({ arn: a }));
    expect(channel?.playbackRestrictionPolicyArn ?? '').toBe('');
  });

  test('a channel attached after the page loaded: IVS refuses and the message names it', async ({ page, ivs }) => {
    const name = uniqueName('geo-race');
    const arn = await makePolicy(ivs, name);
    await page.goto(`/restriction-policies/${idOf(arn)}`);
    await expect(page.getByText('No channel uses it.')).toBeVisible();
    const channel = await makeChannel(ivs, `${name}-late`);
    await ivs.send(new UpdateChannelCommand({ arn: channel, playbackRestrictionPolicyArn: arn }));

    await page.getByRole('button', { name: 'Delete restriction policy' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'is used by 1 channel' })).toContainText(`"${name}-late"`, { timeout: 30_000 });
    expect(await policyExists(ivs, arn)).toBe(true);
  });

  test('an unused policy is deleted after confirmation', async ({ page, ivs }) => {
    const name = uniqueName('geo-free');
    const arn = await makePolicy(ivs, name);
    await page.goto(`/restriction-policies/${idOf(arn)}`);
    await page.getByRole('button', { name: 'Delete restriction policy' }).click();
    await expect(page.getByRole('dialog')).toContainText(`The restriction policy ${name} will be deleted`);
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect(page).toHaveURL(/\/restriction-policies$/, { timeout: 30_000 });
    expect(await policyExists(ivs, arn)).toBe(false);
  });
});

test.describe('as viewer', () => {
  test.use({ storageState: asRole('viewer') });

  test('reads policies but sees no create, edit or delete controls, and the forms are refused', async ({ page, ivs }) => {
    const name = uniqueName('geo-view');
    const arn = await makePolicy(ivs, name, ['DE']);
    await page.goto('/restriction-policies');
    await expect(page.getByRole('heading', { name: 'Restriction policies', level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Create restriction policy' })).toHaveCount(0);

    await page.goto(`/restriction-policies/${idOf(arn)}`);
    await expect(page.getByText('Germany (DE)')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Delete|Detach/ })).toHaveCount(0);

    for (const path of [`/restriction-policies/${idOf(arn)}/edit`, '/restriction-policies/new']) {
      expect((await page.goto(path))?.status(), path).toBe(403);
      await expect(page.getByRole('heading', { level: 1, name: 'You don’t have access to this page' })).toBeVisible();
    }
  });
});
