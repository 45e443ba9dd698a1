import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IvsClient } from '@aws-sdk/client-ivs';
import { createEmulator, type RunningEmulator } from '@/emulator/index';
import type { ArnKind } from '@/lib/ivs/arn';

// Every server action that takes an ARN refuses one of another region or account in its schema, with
// a message, before any IVS call: counted by the real emulator, which the actions reach over HTTP with
// the real SDK. The same inputs with the console's own ARNs do reach IVS, so the count can fail.

const mocks = vi.hoisted(() => {
  process.env.IVS_MODE = 'local';
  process.env.DATA_DIR = `${process.env.TMPDIR ?? '/tmp'}/foreign-arns-${process.pid}`;
  return { client: null as unknown };
});
vi.mock('@/lib/auth/session', () => ({
  getSessionUser: async () => ({ email: 'admin@local', name: 'admin', role: 'admin', sessionId: 's', signedInAt: Date.now() }),
}));
vi.mock('@/lib/audit', () => ({ recordAudit: async () => {}, recordAuditStrict: async () => {} }));
vi.mock('@/lib/auth/region', () => ({ currentRegion: async () => 'us-west-2' }));
vi.mock('@/lib/ivs/client', () => ({ ivsClient: () => mocks.client, ivsClientNoRetry: () => mocks.client }));
vi.mock('@/lib/auth/config', () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));
vi.mock('@/lib/preferences', () => ({ preferredRegion: async () => undefined, savePreferredRegion: async () => {} }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: vi.fn(), delete: vi.fn(), has: () => false, getAll: () => [] }),
  headers: async () => new Headers(),
}));
// A job's start hands its work to after(), which needs a request; here the stored job is what counts.
vi.mock('next/server', async (importOriginal) => ({ ...(await importOriginal<object>()), after: () => undefined }));
vi.mock('@/lib/auth/create-once', () => ({ createOnce: (_request: unknown, work: { create: () => Promise<unknown> }) => work.create() }));

const REGION = 'us-west-2';
const ACCOUNT = '123456789012'; // the emulator's, which the console assumes in local mode
const OTHER_REGION = 'eu-west-1';
const OTHER_ACCOUNT = '111122223333';

type ArnOf = (kind: ArnKind) => string;
const arnsIn =
  (region: string, account: string): ArnOf =>
  (kind) =>
    `arn:aws:ivs:${region}:${account}:${kind}/AbCdEfGh1234`;

const channelSettings = {
  name: 'foreign-check',
  type: 'STANDARD',
  preset: '',
  latencyMode: 'LOW',
  authorized: false,
  insecureIngest: false,
  recordingConfigurationArn: '',
  playbackRestrictionPolicyArn: '',
  adConfigurationArn: '',
  containerFormat: 'TS',
  multitrackEnabled: false,
  multitrackPolicy: 'ALLOW',
  multitrackMaximumResolution: 'FULL_HD',
};
const policy = { name: 'p', allowedCountries: [], allowedOrigins: [], enableStrictOriginEnforcement: false };

// Each action that takes an ARN, with a valid input built from `arn`. A case per ARN field where an
// action takes several, so each field is proven on its own.
const CASES: { file: string; action: string; field: string; input: (arn: ArnOf) => unknown }[] = [
  {
    file: 'components/clone/actions.ts',
    action: 'previewCloneAction',
    field: 'channelArns',
    input: (arn) => ({ channelArns: [arn('channel')], targetRegion: 'ap-south-1' }),
  },
  {
    file: 'components/clone/actions.ts',
    action: 'startCloneJobAction',
    field: 'channelArns',
    input: (arn) => ({
      requestId: randomUUID(),
      channelArns: [arn('channel')],
      targetRegion: 'ap-south-1',
      buckets: [],
      playbackConfigurations: [],
    }),
  },
  {
    file: 'components/clone/actions.ts',
    action: 'startCloneJobAction',
    field: 'buckets',
    input: (arn) => ({
      requestId: randomUUID(),
      channelArns: [arnsIn(REGION, ACCOUNT)('channel')],
      targetRegion: 'ap-south-1',
      buckets: [{ arn: arn('recording-configuration'), bucketName: 'a-bucket' }],
      playbackConfigurations: [],
    }),
  },
  {
    file: 'components/clone/actions.ts',
    action: 'startCloneJobAction',
    field: 'playbackConfigurations',
    input: (arn) => ({
      requestId: randomUUID(),
      channelArns: [arnsIn(REGION, ACCOUNT)('channel')],
      targetRegion: 'ap-south-1',
      buckets: [],
      playbackConfigurations: [
        {
          arn: arn('ad-configuration'),
          playbackConfigurationArns: ['arn:aws:mediatailor:ap-south-1:123456789012:playbackConfiguration/x'],
        },
      ],
    }),
  },
  {
    file: 'app/(console)/channels/actions.ts',
    action: 'createChannelAction',
    field: 'recordingConfigurationArn',
    input: (arn) => ({ ...channelSettings, recordingConfigurationArn: arn('recording-configuration'), tags: [], requestId: randomUUID() }),
  },
  {
    file: 'app/(console)/channels/actions.ts',
    action: 'createChannelAction',
    field: 'playbackRestrictionPolicyArn',
    input: (arn) => ({
      ...channelSettings,
      playbackRestrictionPolicyArn: arn('playback-restriction-policy'),
      tags: [],
      requestId: randomUUID(),
    }),
  },
  {
    file: 'app/(console)/channels/actions.ts',
    action: 'updateChannelAction',
    field: 'recordingConfigurationArn',
    input: (arn) => ({ id: 'AbCdEfGh1234', ...channelSettings, recordingConfigurationArn: arn('recording-configuration') }),
  },
  {
    file: 'app/(console)/channels/actions.ts',
    action: 'updateChannelAction',
    field: 'playbackRestrictionPolicyArn',
    input: (arn) => ({ id: 'AbCdEfGh1234', ...channelSettings, playbackRestrictionPolicyArn: arn('playback-restriction-policy') }),
  },
  {
    file: 'components/stream-key/actions.ts',
    action: 'revealStreamKeyAction',
    field: 'channelArn',
    input: (arn) => ({ channelArn: arn('channel'), streamKeyArn: arnsIn(REGION, ACCOUNT)('stream-key') }),
  },
  {
    file: 'components/stream-key/actions.ts',
    action: 'revealStreamKeyAction',
    field: 'streamKeyArn',
    input: (arn) => ({ channelArn: arnsIn(REGION, ACCOUNT)('channel'), streamKeyArn: arn('stream-key') }),
  },
  {
    file: 'components/stream-key/actions.ts',
    action: 'copyStreamKeyAction',
    field: 'streamKeyArn',
    input: (arn) => ({ channelArn: arn('channel'), streamKeyArn: arn('stream-key') }),
  },
  {
    file: 'components/stream-key/actions.ts',
    action: 'revealSrtPassphraseAction',
    field: 'channelArn',
    input: (arn) => ({ channelArn: arn('channel') }),
  },
  {
    file: 'components/stream-key/actions.ts',
    action: 'copySrtPassphraseAction',
    field: 'channelArn',
    input: (arn) => ({ channelArn: arn('channel') }),
  },
  {
    file: 'components/stream-key/actions.ts',
    action: 'rotateStreamKeyAction',
    field: 'channelArn',
    input: (arn) => ({ channelArn: arn('channel') }),
  },
  {
    file: 'components/stream-key/actions.ts',
    action: 'rotateStreamKeyAction',
    field: 'expectedKeyArn',
    input: (arn) => ({ channelArn: arnsIn(REGION, ACCOUNT)('channel'), expectedKeyArn: arn('stream-key') }),
  },
  {
    file: 'components/stream-key/actions.ts',
    action: 'disableIngestAction',
    field: 'channelArn',
    input: (arn) => ({ channelArn: arn('channel'), expectedKeyArn: arn('stream-key') }),
  },
  {
    file: 'components/stream-key/actions.ts',
    action: 'createStreamKeyAction',
    field: 'channelArn',
    input: (arn) => ({ channelArn: arn('channel') }),
  },
  {
    file: 'components/tag-editor/actions.ts',
    action: 'tagResourceAction',
    field: 'resourceArn',
    input: (arn) => ({ resourceArn: arn('channel'), tags: [{ key: 'team', value: 'a' }] }),
  },
  {
    file: 'components/tag-editor/actions.ts',
    action: 'untagResourceAction',
    field: 'resourceArn',
    input: (arn) => ({ resourceArn: arn('recording-configuration'), tagKeys: ['team'] }),
  },
  {
    file: 'components/private-playback/actions.ts',
    action: 'revokeViewerSessionAction',
    field: 'channelArn',
    input: (arn) => ({ channelArn: arn('channel'), viewerId: 'v1' }),
  },
  {
    file: 'components/private-playback/actions.ts',
    action: 'batchRevokeViewerSessionsAction',
    field: 'channelArn',
    input: (arn) => ({ channelArn: arn('channel'), sessions: [{ viewerId: 'v1' }] }),
  },
  {
    file: 'app/(console)/recording-configurations/actions.ts',
    action: 'deleteRecordingConfigurationAction',
    field: 'arn',
    input: (arn) => ({ arn: arn('recording-configuration') }),
  },
  {
    file: 'app/(console)/restriction-policies/actions.ts',
    action: 'updateRestrictionPolicyAction',
    field: 'arn',
    input: (arn) => ({ arn: arn('playback-restriction-policy'), ...policy }),
  },
  {
    file: 'app/(console)/restriction-policies/actions.ts',
    action: 'deleteRestrictionPolicyAction',
    field: 'arn',
    input: (arn) => ({ arn: arn('playback-restriction-policy') }),
  },
  {
    file: 'app/(console)/channels/actions.ts',
    action: 'createChannelAction',
    field: 'adConfigurationArn',
    input: (arn) => ({ ...channelSettings, adConfigurationArn: arn('ad-configuration'), tags: [], requestId: randomUUID() }),
  },
  {
    file: 'app/(console)/channels/actions.ts',
    action: 'updateChannelAction',
    field: 'adConfigurationArn',
    input: (arn) => ({ id: 'AbCdEfGh1234', ...channelSettings, adConfigurationArn: arn('ad-configuration') }),
  },
  {
    file: 'app/(console)/ad-configurations/actions.ts',
    action: 'updateAdConfigurationAction',
    field: 'arn',
    input: (arn) => ({
      arn: arn('ad-configuration'),
      name: 'ads',
      playbackConfigurationArns: ['arn:aws:mediatailor:us-west-2:123456789012:playbackConfiguration/ads'],
      postRollEnabled: false,
      postRollDurationSeconds: 30,
    }),
  },
  {
    file: 'app/(console)/ad-configurations/actions.ts',
    action: 'deleteAdConfigurationAction',
    field: 'arn',
    input: (arn) => ({ arn: arn('ad-configuration') }),
  },
];

// Actions that take no ARN (ids the server turns into ARNs of its own region and account, or none).
const NO_ARN = new Set([
  'deleteChannelAction',
  'stopStreamAction',
  'putMetadataAction',
  'importPlaybackKeyPairAction',
  'deletePlaybackKeyPairAction',
  'createRecordingConfigurationAction',
  'createRestrictionPolicyAction',
  'setRegionAction',
  'signOutAction',
  'endSessionAction',
  'endUserSessionsAction',
  'createAlertRuleAction',
  'setAlertRuleEnabledAction',
  'deleteAlertRuleAction',
  'updateAlertRuleAction',
  'sendTestAlertAction',
  'createAdConfigurationAction', // MediaTailor ARNs only, checked by their own format
  'insertAdBreakAction',
  'acknowledgeEventAction',
  'cancelJobAction', // job ids
  'retryJobAction',
  'compareExportAction', // a file's text: its ARNs are refused for another region or account in the action
]);

// Actions whose ARNs are not called at once but stored as a job's items (lib/jobs): refused before
// anything is stored, checked by the test after the cases.
const QUEUED = new Set(['startTagJobAction', 'startRotateKeysJobAction', 'startDeleteChannelsJobAction', 'startDetachDeleteJobAction']);

const ROOT = path.resolve(__dirname, '..');
function actionFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return actionFiles(rel);
    return e.name === 'actions.ts' && /^\s*['"]use server['"]/.test(readFileSync(path.join(ROOT, rel), 'utf8')) ? [rel] : [];
  });
}

type Action = (input: unknown) => Promise<{ ok: boolean; code?: string; error?: string; fieldErrors?: Record<string, string[]> }>;
const actions = new Map<string, Action>();
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await createEmulator({ port: 0, host: '127.0.0.1', quiet: true });
  mocks.client = new IvsClient({
    endpoint: emulator.url,
    region: REGION,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  for (const file of ['app', 'components'].flatMap(actionFiles)) {
    for (const [name, fn] of Object.entries(await import(/* @vite-ignore */ path.join(ROOT, file)))) actions.set(name, fn as Action);
  }
  // Stream key changes take a lock and pacer slots in the store, and jobs are stored there: open the
  // embedded store here (initdb takes seconds on a busy machine), not inside the first such case.
  await (await import('@/lib/store')).store();
}, 120_000);
afterAll(async () => {
  (mocks.client as IvsClient | null)?.destroy();
  await emulator?.close();
});

const ivsCalls = async () => {
  const counts = (await (await fetch(`${emulator.url}/_emulator/requests`)).json()) as Record<string, number>;
  return Object.values(counts).reduce((a, b) => a + b, 0);
};
beforeEach(async () => {
  await fetch(`${emulator.url}/_emulator/requests/reset`, { method: 'POST' });
});

it('covers every server action: each takes an ARN (a case below) or is listed as taking none', () => {
  const covered = new Set(CASES.map((c) => c.action));
  const unknown = [...actions.keys()].filter((name) => !covered.has(name) && !NO_ARN.has(name) && !QUEUED.has(name));
  expect(actions.size).toBeGreaterThan(20);
  expect(unknown, 'add a case for each new action that takes an ARN, or list it in NO_ARN').toEqual([]);
});

describe.each(CASES)('$action ($field)', ({ action, field, input }) => {
  it("with the console's own region and account, reaches IVS (so the counts below can fail)", async () => {
    await actions.get(action)!(input(arnsIn(REGION, ACCOUNT)));
    expect(await ivsCalls()).toBeGreaterThan(0);
  });

  it(`refuses an ARN of ${OTHER_REGION} with a message and no IVS call`, async () => {
    const result = await actions.get(action)!(input(arnsIn(OTHER_REGION, ACCOUNT)));
    expect(result).toMatchObject({ ok: false, code: 'ValidationError', error: expect.stringContaining(`is in ${OTHER_REGION}`) });
    expect(result.fieldErrors?.[field]?.join(' ')).toContain(`Switch the region to ${OTHER_REGION}`);
    expect(await ivsCalls()).toBe(0);
  });

  it(`refuses an ARN of account ${OTHER_ACCOUNT} with a message and no IVS call`, async () => {
    const result = await actions.get(action)!(input(arnsIn(REGION, OTHER_ACCOUNT)));
    expect(result).toMatchObject({
      ok: false,
      code: 'ValidationError',
      error: expect.stringContaining(`belongs to AWS account ${OTHER_ACCOUNT}`),
    });
    expect(await ivsCalls()).toBe(0);
  });
});

const QUEUED_INPUT: Record<string, (arn: string) => unknown> = {
  startTagJobAction: (arn) => ({ requestId: randomUUID(), targets: [{ arn, name: 'x' }], set: [{ key: 'k', value: 'v' }], remove: [] }),
  startRotateKeysJobAction: (arn) => ({ requestId: randomUUID(), channelArns: [arn], stopStream: false }),
  startDeleteChannelsJobAction: (arn) => ({ requestId: randomUUID(), channels: [{ arn, name: 'x' }] }),
  startDetachDeleteJobAction: (arn) => ({
    requestId: randomUUID(),
    resource: 'recording-configuration',
    resourceArn: arnsIn(REGION, ACCOUNT)('recording-configuration'),
    label: 'r',
    channels: [{ arn, name: 'x' }],
  }),
};

it.each([...QUEUED])('%s refuses an ARN of another region or account before anything is stored', async (name) => {
  const start = actions.get(name)!;
  const input = QUEUED_INPUT[name];
  expect(await start(input(arnsIn(OTHER_REGION, ACCOUNT)('channel')))).toMatchObject({
    ok: false,
    code: 'ValidationError',
    error: expect.stringContaining(`is in ${OTHER_REGION}`),
  });
  expect(await start(input(arnsIn(REGION, OTHER_ACCOUNT)('channel')))).toMatchObject({
    ok: false,
    code: 'ValidationError',
    error: expect.stringContaining(`belongs to AWS account ${OTHER_ACCOUNT}`),
  });
  // The console's own ARN is stored as a job (so the refusals above can fail).
  expect(await start(input(arnsIn(REGION, ACCOUNT)('channel')))).toMatchObject({ ok: true, data: { created: true } });
  expect(await ivsCalls()).toBe(0);
});
