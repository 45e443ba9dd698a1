import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CreateChannelCommand,
  CreatePlaybackRestrictionPolicyCommand,
  CreateRecordingConfigurationCommand,
  GetChannelCommand,
  GetPlaybackRestrictionPolicyCommand,
  GetRecordingConfigurationCommand,
  GetStreamKeyCommand,
  ImportPlaybackKeyPairCommand,
  IvsClient,
  type PlaybackKeyPair,
  type Channel,
} from '@aws-sdk/client-ivs';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { TagResourceCommand, UpdateChannelCommand } from '@aws-sdk/client-ivs';
import { parse as parseYaml } from 'yaml';
import { createEmulator, type RunningEmulator } from '@/emulator/index';

// The export round trip (issue 17): resources made in the emulator with the real SDK, exported, and the
// CloudFormation and Terraform read back with real parsers (yaml, HashiCorp's HCL parser), every
// property and reference checked against IVS's Get* answers, and no stream key anywhere.
const ctx = vi.hoisted(() => ({ ivs: null as unknown }));
vi.mock('@/lib/ivs/client', () => ({ ivsClient: () => ctx.ivs, ivsClientNoRetry: () => ctx.ivs }));
const { readInventory } = await import('@/lib/ivs/inventory');
const { cloudFormationYaml } = await import('@/lib/iac/cloudformation');
const { terraformHcl } = await import('@/lib/iac/terraform');
const { compareExport, namedArns, parseExport } = await import('@/lib/iac/compare');

const REGION = 'us-west-2';
let emulator: RunningEmulator;
let ivs: IvsClient;
const channels: Channel[] = [];
const keyValues: string[] = [];
let keyPair: PlaybackKeyPair;
let publicKeyPem: string;

beforeAll(async () => {
  emulator = await createEmulator({ port: 0, host: '127.0.0.1', quiet: true });
  ctx.ivs = ivs = new IvsClient({ endpoint: emulator.url, region: REGION, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const plain = await ivs.send(
    new CreateRecordingConfigurationCommand({
      name: 'iac-plain',
      destinationConfiguration: { s3: { bucketName: 'iac-bucket' } },
      recordingReconnectWindowSeconds: 30,
      tags: { team: 'video' },
    }),
  );
  const renditions = await ivs.send(
    new CreateRecordingConfigurationCommand({
      name: 'iac-renditions',
      destinationConfiguration: { s3: { bucketName: 'iac-bucket-2' } },
      renditionConfiguration: { renditionSelection: 'CUSTOM', renditions: ['HD', 'SD'] },
      thumbnailConfiguration: { recordingMode: 'INTERVAL', targetIntervalSeconds: 30, resolution: 'HD', storage: ['SEQUENTIAL', 'LATEST'] },
    }),
  );
  const policy = await ivs.send(
    new CreatePlaybackRestrictionPolicyCommand({
      name: 'iac-geo',
      allowedCountries: ['US', 'CA'],
      allowedOrigins: ['https://example.com'],
    }),
  );
  const made = await Promise.all([
    ivs.send(
      new CreateChannelCommand({
        name: 'iac-one',
        type: 'STANDARD',
        latencyMode: 'LOW',
        recordingConfigurationArn: plain.recordingConfiguration!.arn,
        tags: { env: 'prod', 'cost:center': 'a/b' },
      }),
    ),
    ivs.send(
      new CreateChannelCommand({
        name: 'iac-two',
        type: 'BASIC',
        latencyMode: 'NORMAL',
        insecureIngest: true,
        recordingConfigurationArn: renditions.recordingConfiguration!.arn,
        playbackRestrictionPolicyArn: policy.playbackRestrictionPolicy!.arn,
      }),
    ),
    ivs.send(new CreateChannelCommand({ name: 'iac-private', authorized: true })),
  ]);
  publicKeyPem = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
  keyPair = (
    await ivs.send(new ImportPlaybackKeyPairCommand({ name: 'iac-viewers', publicKeyMaterial: publicKeyPem, tags: { team: 'video' } }))
  ).keyPair!;
  for (const m of made) {
    channels.push(m.channel!);
    keyValues.push((await ivs.send(new GetStreamKeyCommand({ arn: m.streamKey!.arn! }))).streamKey!.value!);
  }
});
afterAll(async () => {
  ivs?.destroy();
  await emulator?.close();
});

const get = async (arn: string) => (await ivs.send(new GetChannelCommand({ arn }))).channel!;
const getRecording = async (arn: string) => (await ivs.send(new GetRecordingConfigurationCommand({ arn }))).recordingConfiguration!;
const getPolicy = async (arn: string) => (await ivs.send(new GetPlaybackRestrictionPolicyCommand({ arn }))).playbackRestrictionPolicy!;
const tagMap = (list?: { Key?: string; Value?: string; key?: string; value?: string }[]) =>
  Object.fromEntries((list ?? []).map((t) => [t.Key ?? t.key, t.Value ?? t.value]));

describe('configuration as code: export', () => {
  it('CloudFormation: every property and reference matches IVS, resources are adopted by import, no stream key', async () => {
    const text = cloudFormationYaml(
      await readInventory(
        REGION,
        channels.map((c) => c.arn!),
      ),
    );
    for (const value of keyValues) expect(text).not.toContain(value);
    const template = parseYaml(text) as {
      Metadata: { ResourcesToImport: { ResourceType: string; LogicalResourceId: string; ResourceIdentifier: { Arn: string } }[] };
      Resources: Record<string, { Type: string; DeletionPolicy: string; Properties: Record<string, unknown> }>;
      Parameters: Record<string, { Type: string; Description: string }>;
    };
    const arnOf = new Map(template.Metadata.ResourcesToImport.map((r) => [r.LogicalResourceId, r.ResourceIdentifier.Arn]));
    expect(arnOf.size).toBe(Object.keys(template.Resources).length);
    const deref = (v: unknown) => arnOf.get((v as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0]);
    for (const [id, r] of Object.entries(template.Resources)) {
      expect(r.DeletionPolicy).toBe('Retain');
      const arn = arnOf.get(id)!;
      const p = r.Properties;
      if (r.Type === 'AWS::IVS::Channel') {
        const c = await get(arn);
        expect(p).toMatchObject({
          Name: c.name,
          Type: c.type,
          LatencyMode: c.latencyMode,
          Authorized: c.authorized,
          InsecureIngest: c.insecureIngest,
        });
        expect(tagMap(p.Tags as [])).toEqual(c.tags ?? {});
        expect(p.RecordingConfigurationArn ? deref(p.RecordingConfigurationArn) : '').toBe(c.recordingConfigurationArn ?? '');
      } else if (r.Type === 'AWS::IVS::RecordingConfiguration') {
        const rc = await getRecording(arn);
        expect(p).toMatchObject({
          Name: rc.name,
          DestinationConfiguration: { S3: { BucketName: rc.destinationConfiguration!.s3!.bucketName } },
          RecordingReconnectWindowSeconds: rc.recordingReconnectWindowSeconds,
          ThumbnailConfiguration: { RecordingMode: rc.thumbnailConfiguration!.recordingMode },
          RenditionConfiguration: { RenditionSelection: rc.renditionConfiguration!.renditionSelection },
        });
        expect((p.RenditionConfiguration as { Renditions?: string[] }).Renditions ?? []).toEqual(
          rc.renditionConfiguration!.renditions ?? [],
        );
        expect(tagMap(p.Tags as [])).toEqual(rc.tags ?? {});
      } else if (r.Type === 'AWS::IVS::PlaybackKeyPair') {
        // The public key is a parameter: IVS never returns it. Its description names the fingerprint.
        expect(arn).toBe(keyPair.arn);
        expect(p).toMatchObject({ Name: 'iac-viewers', PublicKeyMaterial: { Ref: `${id}PublicKey` } });
        expect(tagMap(p.Tags as [])).toEqual({ team: 'video' });
        expect(template.Parameters[`${id}PublicKey`]).toMatchObject({ Type: 'String' });
        expect(template.Parameters[`${id}PublicKey`].Description).toContain(keyPair.fingerprint);
      } else {
        expect(r.Type).toBe('AWS::IVS::PlaybackRestrictionPolicy');
        const pol = await getPolicy(arn);
        expect(p).toMatchObject({
          Name: pol.name,
          AllowedCountries: pol.allowedCountries,
          AllowedOrigins: pol.allowedOrigins,
          EnableStrictOriginEnforcement: pol.enableStrictOriginEnforcement,
        });
      }
    }
    expect(
      Object.values(template.Resources)
        .map((r) => r.Type)
        .sort(),
    ).toEqual([
      'AWS::IVS::Channel',
      'AWS::IVS::Channel',
      'AWS::IVS::Channel',
      'AWS::IVS::PlaybackKeyPair',
      'AWS::IVS::PlaybackRestrictionPolicy',
      'AWS::IVS::RecordingConfiguration',
      'AWS::IVS::RecordingConfiguration',
    ]);
    expect(text).not.toContain(publicKeyPem.split('\n')[1]);
    // What AWS::IVS::Channel cannot say is said in the header.
    expect(text).toContain(`iac-two: playback restriction policy ${channels[1].playbackRestrictionPolicyArn}`);
  });

  it('Terraform: aws_ivs_* where they say everything, AWSCC where not, an import block for each, no stream key', async () => {
    const text = terraformHcl(
      await readInventory(
        REGION,
        channels.map((c) => c.arn!),
      ),
    );
    for (const value of keyValues) expect(text).not.toContain(value);
    const parsed = (await parseHcl('export.tf', text)) as {
      resource: Record<string, Record<string, Record<string, unknown>[]>>;
      import: { to: string; id: string }[];
      variable: Record<string, { type: string; description: string }[]>;
    };
    const idOf = new Map(parsed.import.map((i) => [i.to.replace(/^\$\{|\}$/g, ''), i.id]));
    const deref = (v: unknown) => idOf.get(String(v).replace(/^\$\{|\.arn\}$/g, ''));
    const types = Object.entries(parsed.resource).flatMap(([type, byName]) => Object.keys(byName).map((n) => `${type}.${n}`));
    expect(types.length).toBe(7);
    expect(new Set(idOf.keys())).toEqual(new Set(types));
    const one = (t: string) => parsed.resource[t.split('.')[0]][t.split('.')[1]][0];

    for (const t of types.filter((x) => x.includes('_ivs_channel.'))) {
      const r = one(t);
      const c = await get(idOf.get(t)!);
      expect(t.startsWith(c.insecureIngest ? 'awscc_ivs_channel.' : 'aws_ivs_channel.')).toBe(true);
      expect(r).toMatchObject({ name: c.name, type: c.type, latency_mode: c.latencyMode, authorized: c.authorized });
      expect(r.recording_configuration_arn ? deref(r.recording_configuration_arn) : '').toBe(c.recordingConfigurationArn ?? '');
      const tags = t.startsWith('awscc') ? tagMap(r.tags as []) : (r.tags ?? {});
      expect(tags).toEqual(c.tags ?? {});
      if (t.startsWith('awscc')) expect(r.insecure_ingest).toBe(c.insecureIngest);
    }
    for (const t of types.filter((x) => x.includes('recording_configuration.'))) {
      const r = one(t) as Record<string, unknown>;
      const rc = await getRecording(idOf.get(t)!);
      const custom = rc.renditionConfiguration?.renditionSelection === 'CUSTOM';
      expect(t.startsWith(custom ? 'awscc_' : 'aws_')).toBe(true);
      expect(r.name).toBe(rc.name);
      expect(r.recording_reconnect_window_seconds).toBe(rc.recordingReconnectWindowSeconds);
      if (custom) {
        expect(r.rendition_configuration).toEqual({ rendition_selection: 'CUSTOM', renditions: rc.renditionConfiguration!.renditions });
        expect(r.thumbnail_configuration).toMatchObject({
          resolution: rc.thumbnailConfiguration!.resolution,
          storage: rc.thumbnailConfiguration!.storage,
        });
      } else {
        expect(r.destination_configuration).toEqual([{ s3: [{ bucket_name: rc.destinationConfiguration!.s3!.bucketName }] }]);
      }
    }
    const pair = types.find((x) => x.startsWith('aws_ivs_playback_key_pair.'))!;
    expect(idOf.get(pair)).toBe(keyPair.arn);
    const variable = `${pair.split('.')[1]}_public_key`;
    expect(one(pair)).toMatchObject({ name: 'iac-viewers', public_key: `\${var.${variable}}`, tags: { team: 'video' } });
    expect(parsed.variable[variable][0].description).toContain(keyPair.fingerprint);
    expect(text).not.toContain(publicKeyPem.split('\n')[1]);
    const policy = types.find((x) => x.startsWith('awscc_ivs_playback_restriction_policy.'))!;
    const pol = await getPolicy(idOf.get(policy)!);
    expect(one(policy)).toMatchObject({ name: pol.name, allowed_countries: pol.allowedCountries, allowed_origins: pol.allowedOrigins });
  });

  it('compare reports exactly the differences made after the export, for either format', async () => {
    const inv = await readInventory(
      REGION,
      channels.map((c) => c.arn!),
    );
    const files = { cloudformation: cloudFormationYaml(inv), terraform: terraformHcl(inv) };
    const arn = channels[0].arn!;
    const diff = async (text: string) => {
      const parsed = await parseExport(text);
      const named = namedArns(parsed);
      return compareExport(parsed, await readInventory(REGION, named.channels, named.others));
    };
    expect(await diff(files.cloudformation)).toEqual([]);
    expect(await diff(files.terraform)).toEqual([]);

    await ivs.send(new UpdateChannelCommand({ arn, latencyMode: 'NORMAL' }));
    await ivs.send(new TagResourceCommand({ resourceArn: arn, tags: { drift: 'yes' } }));
    const cfn = await diff(files.cloudformation);
    expect(cfn.map((d) => [d.arn, d.kind, d.property])).toEqual([
      [arn, 'changed', 'LatencyMode'],
      [arn, 'changed', 'Tags'],
    ]);
    expect(cfn[0]).toMatchObject({ file: '"LOW"', live: '"NORMAL"' });
    const tf = await diff(files.terraform);
    expect(tf.map((d) => [d.arn, d.kind, d.property])).toEqual([
      [arn, 'changed', 'latency_mode'],
      [arn, 'changed', 'tags.drift'],
    ]);
  });
});
