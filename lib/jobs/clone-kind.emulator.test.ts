import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CreateAdConfigurationCommand,
  CreateChannelCommand,
  CreatePlaybackRestrictionPolicyCommand,
  CreateRecordingConfigurationCommand,
  GetAdConfigurationCommand,
  GetChannelCommand,
  GetPlaybackRestrictionPolicyCommand,
  GetRecordingConfigurationCommand,
  GetStreamKeyCommand,
  IvsClient,
  ListChannelsCommand,
  ListStreamKeysCommand,
} from '@aws-sdk/client-ivs';
import { createEmulator, type RunningEmulator } from '@/emulator/index';
import { BACKENDS } from '@/lib/store/test-backends';
import type { Db } from '@/lib/store/types';

// Clone to region (issue 17) against the emulator with the real SDK: channels and their references are
// read in one region and made again in another by the clone job, and the copies' Get answers equal the
// sources' except ARNs, per-channel endpoints and stream keys. lib/ivs's clients are the emulator's, one
// per region.
const ctx = vi.hoisted(() => ({ url: '', clients: new Map<string, unknown>() }));
vi.mock('@/lib/ivs/client', () => {
  const client = (region: string, maxAttempts: number) => {
    const key = `${region}:${maxAttempts}`;
    if (!ctx.clients.has(key))
      ctx.clients.set(
        key,
        new IvsClient({ endpoint: ctx.url, region, maxAttempts, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }),
      );
    return ctx.clients.get(key);
  };
  return { ivsClient: (region: string) => client(region, 3), ivsClientNoRetry: (region: string) => client(region, 1) };
});
const { previewClone } = await import('@/lib/ivs/clone-preview');
const { REQUEST_TAG } = await import('@/lib/ivs/create-adopting');
const { copyRequestId, runCloneItem } = await import('@/lib/jobs/clone-kind');
const { ivsCloneCalls } = await import('@/lib/jobs/ivs-calls');
const { advanceJobs } = await import('@/lib/jobs/runner');
const { claimItems, createJob, getJob } = await import('@/lib/jobs/store');

const SOURCE = 'us-west-2';
const TARGET = 'eu-west-1';
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await createEmulator({ port: 0, host: '127.0.0.1', quiet: true });
  ctx.url = emulator.url;
});
afterAll(async () => {
  for (const c of ctx.clients.values()) (c as IvsClient).destroy();
  await emulator?.close();
});

/** The test's own client for a region (apart from the console's). */
const client = (region: string) => {
  const key = `test:${region}`;
  if (!ctx.clients.has(key))
    ctx.clients.set(key, new IvsClient({ endpoint: ctx.url, region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }));
  return ctx.clients.get(key) as IvsClient;
};

async function fault(body: Record<string, unknown>) {
  const res = await fetch(`${emulator.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify(body) });
  expect(res.ok).toBe(true);
}

/** A source setup: every kind of reference, and channels using some of them. */
async function makeSources(prefix: string) {
  const src = client(SOURCE);
  const rc = await src.send(
    new CreateRecordingConfigurationCommand({
      name: `${prefix}-rec`,
      destinationConfiguration: { s3: { bucketName: `${prefix}-oregon` } },
      recordingReconnectWindowSeconds: 45,
      renditionConfiguration: { renditionSelection: 'CUSTOM', renditions: ['HD', 'SD'] },
      thumbnailConfiguration: { recordingMode: 'INTERVAL', targetIntervalSeconds: 20, resolution: 'HD', storage: ['LATEST'] },
      tags: { team: 'video' },
    }),
  );
  const policy = await src.send(
    new CreatePlaybackRestrictionPolicyCommand({
      name: `${prefix}-geo`,
      allowedCountries: ['US', 'CA'],
      allowedOrigins: ['https://example.com'],
      enableStrictOriginEnforcement: true,
    }),
  );
  const ad = await src.send(
    new CreateAdConfigurationCommand({
      name: `${prefix}-ads`,
      mediaTailorPlaybackConfigurations: [
        { playbackConfigurationArn: 'arn:aws:mediatailor:us-west-2:123456789012:playbackConfiguration/ads-west' },
      ],
      tags: { billing: 'ads' },
    }),
  );
  const rcArn = rc.recordingConfiguration!.arn!;
  const full = await src.send(
    new CreateChannelCommand({
      name: `${prefix}-main`,
      type: 'STANDARD',
      latencyMode: 'NORMAL',
      authorized: true,
      insecureIngest: true,
      recordingConfigurationArn: rcArn,
      playbackRestrictionPolicyArn: policy.playbackRestrictionPolicy!.arn,
      adConfigurationArn: ad.adConfiguration!.arn,
      tags: { team: 'live', [REQUEST_TAG]: 'made-by-the-console-earlier' },
    }),
  );
  const recorded = await src.send(
    new CreateChannelCommand({ name: `${prefix}-backup`, type: 'BASIC', recordingConfigurationArn: rcArn, tags: { team: 'live' } }),
  );
  const plain = await src.send(
    new CreateChannelCommand({ name: `${prefix}-plain`, type: 'ADVANCED_HD', preset: 'HIGHER_BANDWIDTH_DELIVERY' }),
  );
  return { rcArn, adArn: ad.adConfiguration!.arn!, channelArns: [full, recorded, plain].map((c) => c.channel!.arn!) };
}

/** The job the clone action would start: the preview's references first, then its channels. */
async function startClone(
  db: Db,
  channelArns: string[],
  buckets: Record<string, string>,
  playbackConfigurations: Record<string, string[]> = {},
) {
  const preview = await previewClone(SOURCE, TARGET, channelArns);
  const id = randomUUID();
  await createJob(db, {
    id,
    kind: 'clone',
    region: SOURCE,
    params: { targetRegion: TARGET, buckets, playbackConfigurations },
    startedBy: 'operator@local',
    startedRole: 'operator',
    targets: [...preview.references, ...preview.channels].map((r) => ({ target: r.arn, label: r.name })),
  });
  return { id, preview };
}

const run = (db: Db) => advanceJobs(db, (item) => runCloneItem(db, item, ivsCloneCalls(db)), { budgetMs: 30_000 });
const copyOf = async (db: Db, jobId: string) =>
  new Map((await getJob(db, jobId))!.items.map((i) => [i.target, /Copied as (\S+?)\.( |$)/.exec(i.message)?.[1] ?? '']));

/** A Get answer without these fields. */
const omit = (answer: object, ...keys: string[]): Record<string, unknown> =>
  Object.fromEntries(Object.entries(answer).filter(([key]) => !keys.includes(key)));

/** A channel's Get answer without what is its own by nature: ARN, endpoints, SRT. */
const channelSettings = async (region: string, arn: string) => {
  const { channel } = await client(region).send(new GetChannelCommand({ arn }));
  return omit(channel!, 'arn', 'ingestEndpoint', 'playbackUrl', 'srt');
};

describe.each(BACKENDS)('clone to region on the $name store', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it('makes every channel and reference again in the target region, equal but for ARNs, endpoints and stream keys', async () => {
    const prefix = `c${randomUUID().slice(0, 6)}`;
    const { rcArn, adArn, channelArns } = await makeSources(prefix);
    const before = await Promise.all(channelArns.map((a) => channelSettings(SOURCE, a)));
    const dublin = 'arn:aws:mediatailor:eu-west-1:123456789012:playbackConfiguration/ads-dublin';
    const { id, preview } = await startClone(db, channelArns, { [rcArn]: `${prefix}-ireland` }, { [adArn]: [dublin] });
    expect(preview.references.map((r) => r.kind).sort()).toEqual([
      'ad-configuration',
      'playback-restriction-policy',
      'recording-configuration',
    ]);
    expect(preview.warnings.join(' ')).toMatch(/private channel: eu-west-1 has no playback key pair/);

    await run(db);
    const job = (await getJob(db, id))!;
    expect(job.items.map((i) => i.state)).toEqual(Array(6).fill('done'));
    const copies = await copyOf(db, id);
    const mapped = (arn: unknown) => (typeof arn === 'string' && arn ? copies.get(arn) : undefined);

    for (const [i, arn] of channelArns.entries()) {
      const copy = copies.get(arn)!;
      expect(copy).toMatch(new RegExp(`^arn:aws:ivs:${TARGET}:\\d+:channel/`));
      const source = before[i];
      expect(await channelSettings(TARGET, copy)).toEqual({
        ...source,
        recordingConfigurationArn: mapped(source.recordingConfigurationArn) ?? source.recordingConfigurationArn,
        playbackRestrictionPolicyArn: mapped(source.playbackRestrictionPolicyArn) ?? source.playbackRestrictionPolicyArn,
        adConfigurationArn: mapped(source.adConfigurationArn) ?? source.adConfigurationArn,
      });
      // A stream key of its own, not the source's.
      const keys = await client(TARGET).send(new ListStreamKeysCommand({ channelArn: copy }));
      expect(keys.streamKeys).toHaveLength(1);
      const value = (await client(TARGET).send(new GetStreamKeyCommand({ arn: keys.streamKeys![0].arn }))).streamKey?.value;
      const sourceKeys = await client(SOURCE).send(new ListStreamKeysCommand({ channelArn: arn }));
      const sourceValue = (await client(SOURCE).send(new GetStreamKeyCommand({ arn: sourceKeys.streamKeys![0].arn }))).streamKey?.value;
      expect(value).toBeTruthy();
      expect(value).not.toBe(sourceValue);
    }

    const rc = async (region: string, arn: string) =>
      (await client(region).send(new GetRecordingConfigurationCommand({ arn }))).recordingConfiguration!;
    expect(omit(await rc(TARGET, copies.get(rcArn)!), 'arn')).toEqual({
      ...omit(await rc(SOURCE, rcArn), 'arn'),
      destinationConfiguration: { s3: { bucketName: `${prefix}-ireland` } },
    });

    const policyArn = preview.references.find((r) => r.kind === 'playback-restriction-policy')!.arn;
    const policy = async (region: string, arn: string) =>
      omit((await client(region).send(new GetPlaybackRestrictionPolicyCommand({ arn }))).playbackRestrictionPolicy!, 'arn');
    expect(await policy(TARGET, copies.get(policyArn)!)).toEqual(await policy(SOURCE, policyArn));
    const ad = async (region: string, arn: string) =>
      omit((await client(region).send(new GetAdConfigurationCommand({ arn }))).adConfiguration!, 'arn');
    expect(await ad(TARGET, copies.get(adArn)!)).toEqual({
      ...(await ad(SOURCE, adArn)),
      mediaTailorPlaybackConfigurations: [{ playbackConfigurationArn: dublin }],
    });

    // Nothing in the source changed.
    expect(await Promise.all(channelArns.map((a) => channelSettings(SOURCE, a)))).toEqual(before);
  });

  it('an attempt that takes an item over after its instance died adopts the copy instead of making a second', async () => {
    const prefix = `t${randomUUID().slice(0, 6)}`;
    const plain = await client(SOURCE).send(new CreateChannelCommand({ name: `${prefix}-solo`, tags: { team: 'live' } }));
    const { id } = await startClone(db, [plain.channel!.arn!], {});
    // The first instance claims the item, makes the copy and dies before noting it.
    const [item] = await claimItems(db, 1, 1);
    expect(item.jobId).toBe(id);
    const source = await ivsCloneCalls(db).read(SOURCE, item.target);
    await ivsCloneCalls(db).create(TARGET, source!, { references: {}, requestId: copyRequestId(item) });
    await new Promise((r) => setTimeout(r, 20));

    await run(db);
    const job = (await getJob(db, id))!;
    expect(job.items[0]).toMatchObject({ state: 'done', attempts: 2 });
    const named = await client(TARGET).send(new ListChannelsCommand({ filterByName: `${prefix}-solo` }));
    expect(named.channels).toHaveLength(1);
    expect(named.channels![0].tags).toEqual({ team: 'live' });
  });

  it('a channel whose reference could not be copied is not started; the others are', async () => {
    const prefix = `f${randomUUID().slice(0, 6)}`;
    const { rcArn, adArn, channelArns } = await makeSources(prefix);
    const dublin = 'arn:aws:mediatailor:eu-west-1:123456789012:playbackConfiguration/ads-dublin';
    await fault({ operation: 'CreateRecordingConfiguration', error: 'AccessDeniedException', region: TARGET });
    const { id } = await startClone(db, channelArns, { [rcArn]: `${prefix}-ireland` }, { [adArn]: [dublin] });
    await run(db);
    const job = (await getJob(db, id))!;
    const byLabel = Object.fromEntries(job.items.map((i) => [i.label, i]));
    expect(byLabel[`${prefix}-rec`]).toMatchObject({ state: 'failed' });
    expect(byLabel[`${prefix}-rec`].message).toMatch(/^The recording configuration was not copied: /);
    expect(byLabel[`${prefix}-main`]).toMatchObject({ state: 'cancelled', message: `Not started: "${prefix}-rec" was not copied.` });
    expect(byLabel[`${prefix}-backup`]).toMatchObject({ state: 'cancelled' });
    expect(byLabel[`${prefix}-plain`]).toMatchObject({ state: 'done' });
    const named = await client(TARGET).send(new ListChannelsCommand({ filterByName: `${prefix}-main` }));
    expect(named.channels).toHaveLength(0);
  });
});
