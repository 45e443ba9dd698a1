import {
  CreateChannelCommand,
  CreatePlaybackRestrictionPolicyCommand,
  CreateRecordingConfigurationCommand,
  DeletePlaybackKeyPairCommand,
  DeletePlaybackRestrictionPolicyCommand,
  DeleteRecordingConfigurationCommand,
  ImportPlaybackKeyPairCommand,
  ListPlaybackKeyPairsCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  type IvsClient,
} from '@aws-sdk/client-ivs';
import type { Page } from '@playwright/test';
import { generateKeyPairSync } from 'node:crypto';
import { regionClient, useRegion } from './playback-keys-helpers';
import { asRole, emulator, expect, test, uniqueName } from './fixtures';

// The tag editor on every taggable resource. Each test makes its own resources (shared emulator) and
// checks the result in IVS through the SDK, not only on the page.

const tagsOf = async (ivs: IvsClient, resourceArn: string) => (await ivs.send(new ListTagsForResourceCommand({ resourceArn }))).tags ?? {};
const idOf = (arn: string) => arn.split('/').pop()!;

/** Changes `team` to `sports`, removes `old`, adds `env=prod`; then saves. */
async function editTags(page: Page, region: string) {
  const editor = page.getByRole('region', { name: region, exact: true });
  const rows = editor.getByRole('list', { name: 'Tags' }).getByRole('listitem');
  await expect(rows).toHaveCount(2);
  // Rows are sorted by key: old, team.
  await editor.getByRole('button', { name: 'Remove tag old' }).click();
  await editor.getByLabel('Tag value 1').fill('sports');
  await editor.getByRole('button', { name: 'Add tag' }).click();
  await editor.getByLabel('Tag key 2').fill('env');
  await editor.getByLabel('Tag value 2').fill('prod');
  await expect(editor.getByText('Unsaved: 2 to add or change, 1 to remove')).toBeVisible();
  await editor.getByRole('button', { name: 'Save tags' }).click();
  // Saved: nothing is pending any more (a toast from an earlier save could still be showing).
  await expect(editor.getByText(/^Unsaved:/)).toHaveCount(0, { timeout: 30_000 });
  await expect(editor.getByRole('alert')).toHaveCount(0);
}

// Playback key pairs (3), recording configurations (20) and policies are capped per region; this
// spec keeps those in a region no other spec uses.
const REGION = 'eu-central-1';
const START = { team: 'news', old: 'x' };
const END = { team: 'sports', env: 'prod' };

test.describe('tag editor as operator', () => {
  // Saves go through server actions; a cold dev server compiles them on first use.
  test.slow();
  test.use({ storageState: asRole('operator') });

  test('channel and stream key: only the difference is saved', async ({ page, ivs }) => {
    const out = await ivs.send(new CreateChannelCommand({ name: uniqueName('e2e-tags'), tags: START }));
    const channelArn = out.channel!.arn!;
    const keyArn = out.streamKey!.arn!;
    await ivs.send(new TagResourceCommand({ resourceArn: keyArn, tags: START }));

    await page.goto(`/channels/${idOf(channelArn)}`);
    await editTags(page, 'Tags');
    expect(await tagsOf(ivs, channelArn)).toEqual(END);

    await editTags(page, 'Stream key tags');
    expect(await tagsOf(ivs, keyArn)).toEqual(END);
    // The channel's tags were not touched by the stream key's save.
    expect(await tagsOf(ivs, channelArn)).toEqual(END);
  });

  test('recording configuration and restriction policy (in a region of their own, quotas are per region)', async ({ page, context, baseURL }) => {
    test.slow();
    const ivs = regionClient(REGION);
    await useRegion(context, baseURL, REGION);
    const rc = await ivs.send(
      new CreateRecordingConfigurationCommand({ name: uniqueName('e2e-tags'), destinationConfiguration: { s3: { bucketName: 'e2e-tags-bucket' } }, tags: START }),
    );
    const rcArn = rc.recordingConfiguration!.arn!;
    const policy = await ivs.send(new CreatePlaybackRestrictionPolicyCommand({ name: uniqueName('e2e-tags'), tags: START }));
    const policyArn = policy.playbackRestrictionPolicy!.arn!;
    try {
      await page.goto(`/recording-configurations/${idOf(rcArn)}`);
      await editTags(page, 'Tags');
      expect(await tagsOf(ivs, rcArn)).toEqual(END);

      await page.goto(`/restriction-policies/${idOf(policyArn)}`);
      await editTags(page, 'Tags');
      expect(await tagsOf(ivs, policyArn)).toEqual(END);
    } finally {
      await ivs.send(new DeleteRecordingConfigurationCommand({ arn: rcArn })).catch(() => undefined);
      await ivs.send(new DeletePlaybackRestrictionPolicyCommand({ arn: policyArn })).catch(() => undefined);
      ivs.destroy();
    }
  });

  test('playback key pair (in a region of its own: key pairs are capped at 3 per region)', async ({ page, context, baseURL }) => {
    const ivs = regionClient(REGION);
    const { keyPairs = [] } = await ivs.send(new ListPlaybackKeyPairsCommand({}));
    for (const k of keyPairs) await ivs.send(new DeletePlaybackKeyPairCommand({ arn: k.arn! }));
    const publicKeyMaterial = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const pair = await ivs.send(new ImportPlaybackKeyPairCommand({ publicKeyMaterial, name: uniqueName('e2e-tags'), tags: START }));
    const arn = pair.keyPair!.arn!;

    await useRegion(context, baseURL, REGION);
    await page.goto(`/playback-keys/${idOf(arn)}`);
    await editTags(page, 'Tags');
    expect(await tagsOf(ivs, arn)).toEqual(END);
    ivs.destroy();
  });

  test('invalid tags are explained per row before saving, and nothing is sent', async ({ page, ivs }) => {
    const out = await ivs.send(new CreateChannelCommand({ name: uniqueName('e2e-tags'), tags: { team: 'news' } }));
    const arn = out.channel!.arn!;
    await page.goto(`/channels/${idOf(arn)}`);
    const editor = page.getByRole('region', { name: 'Tags', exact: true });

    await editor.getByRole('button', { name: 'Add tag' }).click();
    const key = editor.getByLabel('Tag key 2');
    await key.fill('aws:owner');
    await key.blur();
    await expect(key).toHaveAttribute('aria-invalid', 'true');
    await expect(key).toHaveAccessibleDescription('Tag keys beginning with aws: are reserved for AWS.');

    await key.fill('team');
    await expect(key).toHaveAccessibleDescription('Tag key "team" is used twice.');

    await key.fill('ok');
    const value = editor.getByLabel('Tag value 2');
    await value.fill('semi;colon');
    await value.blur();
    await expect(value).toHaveAccessibleDescription(/letters, digits, spaces and _ \. : \/ = \+ - @ only/);

    await editor.getByRole('button', { name: 'Add tag' }).click();
    await editor.getByLabel('Tag key 3').fill('k'.repeat(129));
    await editor.getByRole('button', { name: 'Save tags' }).click();
    await expect(editor.getByLabel('Tag key 3')).toHaveAccessibleDescription('Tag keys are at most 128 characters.');
    // The user's input stays, and IVS was not asked.
    await expect(value).toHaveValue('semi;colon');
    expect(await tagsOf(ivs, arn)).toEqual({ team: 'news' });
  });

  test('a failed removal leaves the editor showing what was saved and what was not', async ({ page, ivs }) => {
    const out = await ivs.send(new CreateChannelCommand({ name: uniqueName('e2e-tags'), tags: START }));
    const arn = out.channel!.arn!;
    await page.goto(`/channels/${idOf(arn)}`);
    const editor = page.getByRole('region', { name: 'Tags', exact: true });
    await editor.getByRole('button', { name: 'Remove tag old' }).click();
    await editor.getByLabel('Tag value 1').fill('sports');

    // A ValidationException is not retried by the SDK, so one queued fault fails exactly this call.
    await emulator.injectFault('UntagResource', 'ValidationException', 1);
    await editor.getByRole('button', { name: 'Save tags' }).click();
    const alert = editor.getByRole('alert');
    await expect(alert).toContainText('Some changes were not saved', { timeout: 30_000 });
    await expect(alert).toContainText('Removing “old” failed, so it is still on the resource');
    expect(await tagsOf(ivs, arn)).toEqual({ team: 'sports', old: 'x' });
    // The saved change is no longer pending; the removal still is, and can be saved again.
    await expect(editor.getByText('Unsaved: 0 to add or change, 1 to remove')).toBeVisible();
    await editor.getByRole('button', { name: 'Save tags' }).click();
    await expect(page.getByText('Tags saved.')).toBeVisible();
    expect(await tagsOf(ivs, arn)).toEqual({ team: 'sports' });
  });
});

test.describe('tag editor as viewer', () => {
  test.use({ storageState: asRole('viewer') });

  test('shows tags without any control to change them', async ({ page, ivs }) => {
    const out = await ivs.send(new CreateChannelCommand({ name: uniqueName('e2e-tags'), tags: { team: 'news' } }));
    await page.goto(`/channels/${idOf(out.channel!.arn!)}`);
    const editor = page.getByRole('region', { name: 'Tags', exact: true });
    await expect(editor.getByText('team')).toBeVisible();
    await expect(editor.getByText('news')).toBeVisible();
    await expect(editor.getByRole('textbox')).toHaveCount(0);
    await expect(editor.getByRole('button')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Save tags' })).toHaveCount(0);
  });
});
