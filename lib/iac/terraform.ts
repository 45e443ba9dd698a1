import type { Channel, Inventory, RecordingConfiguration } from '@/lib/ivs/inventory';
import { block, HclRaw, type HclBlock, type HclValue } from '@/lib/iac/hcl';
import { nameMaker } from '@/lib/iac/names';

type Body = HclBlock['body'];
// Tags in key order, so the same tags always read the same (and compare equal).
const sortedTags = (tags: Record<string, string> | undefined) => Object.entries(tags ?? {}).sort(([a], [b]) => a.localeCompare(b));
const awsccTags = (tags: Record<string, string> | undefined): Body =>
  sortedTags(tags).length ? [['tags', sortedTags(tags).map(([k, v]) => ({ key: k, value: v }))]] : [];
const awsTags = (tags: Record<string, string> | undefined): Body =>
  sortedTags(tags).length ? [['tags', Object.fromEntries(sortedTags(tags))]] : [];

/** aws_ivs_channel has name, type, latency mode, authorized, recording and tags; anything else needs AWSCC. */
export function channelNeedsAwscc(c: Channel): boolean {
  return !!(c.insecureIngest || c.preset || (c.containerFormat && c.containerFormat !== 'TS') || c.multitrackInputConfiguration?.enabled);
}

/** aws_ivs_recording_configuration has no renditions and no thumbnail resolution or storage. */
export function recordingNeedsAwscc(r: RecordingConfiguration): boolean {
  const t = r.thumbnailConfiguration;
  const storage = t?.storage ?? ['SEQUENTIAL'];
  return (
    (r.renditionConfiguration?.renditionSelection ?? 'ALL') !== 'ALL' ||
    !!t?.resolution ||
    storage.length !== 1 ||
    storage[0] !== 'SEQUENTIAL'
  );
}

/**
 * The inventory as Terraform: the AWS provider's aws_ivs_* resources where they can say everything,
 * AWSCC's (the CloudFormation schema) where they cannot, and an `import` block for each, so
 * `terraform plan` adopts the existing resources instead of creating new ones. References are
 * resource attributes, never pasted ARNs. Stream keys are never exported.
 */
export function terraformHcl(inv: Inventory): string {
  const name = nameMaker('terraform');
  const blocks: HclBlock[] = [];
  const imports: HclBlock[] = [];
  const refs = new Map<string, string>();
  const add = (type: string, kind: string, arn: string, resourceName: string | undefined, body: Body) => {
    const n = name(kind, resourceName, arn);
    refs.set(arn, `${type}.${n}`);
    blocks.push({ type: 'resource', labels: [type, n], body });
    imports.push({
      type: 'import',
      labels: [],
      body: [
        ['to', new HclRaw(`${type}.${n}`)],
        ['id', arn],
      ],
    });
  };

  for (const r of inv.recordingConfigurations) {
    const t = r.thumbnailConfiguration;
    const bucket = r.destinationConfiguration?.s3?.bucketName ?? '';
    if (recordingNeedsAwscc(r)) {
      const thumbnails: Record<string, HclValue> = {
        recording_mode: t?.recordingMode ?? 'INTERVAL',
        ...(t?.recordingMode !== 'DISABLED' ? { target_interval_seconds: t?.targetIntervalSeconds ?? 60 } : {}),
        ...(t?.resolution ? { resolution: t.resolution } : {}),
        storage: t?.storage ?? ['SEQUENTIAL'],
      };
      add('awscc_ivs_recording_configuration', 'recording', r.arn!, r.name, [
        ...(r.name ? ([['name', r.name]] as Body) : []),
        ['destination_configuration', { s3: { bucket_name: bucket } }],
        ['recording_reconnect_window_seconds', r.recordingReconnectWindowSeconds ?? 0],
        ['thumbnail_configuration', thumbnails],
        [
          'rendition_configuration',
          {
            rendition_selection: r.renditionConfiguration?.renditionSelection ?? 'ALL',
            ...(r.renditionConfiguration?.renditions?.length ? { renditions: r.renditionConfiguration.renditions } : {}),
          },
        ],
        ...awsccTags(r.tags),
      ]);
    } else {
      add('aws_ivs_recording_configuration', 'recording', r.arn!, r.name, [
        ...(r.name ? ([['name', r.name]] as Body) : []),
        { type: 'destination_configuration', labels: [], body: [{ type: 's3', labels: [], body: [['bucket_name', bucket]] }] },
        ['recording_reconnect_window_seconds', r.recordingReconnectWindowSeconds ?? 0],
        {
          type: 'thumbnail_configuration',
          labels: [],
          body: [
            ['recording_mode', t?.recordingMode ?? 'INTERVAL'],
            ...(t?.recordingMode !== 'DISABLED' ? ([['target_interval_seconds', t?.targetIntervalSeconds ?? 60]] as Body) : []),
          ],
        },
        ...awsTags(r.tags),
      ]);
    }
  }
  // The AWS provider has no playback restriction policy resource.
  for (const p of inv.restrictionPolicies) {
    add('awscc_ivs_playback_restriction_policy', 'policy', p.arn!, p.name, [
      ...(p.name ? ([['name', p.name]] as Body) : []),
      ['allowed_countries', p.allowedCountries ?? []],
      ['allowed_origins', p.allowedOrigins ?? []],
      ['enable_strict_origin_enforcement', p.enableStrictOriginEnforcement ?? false],
      ...awsccTags(p.tags),
    ]);
  }
  // IVS never returns a key pair's public key: each is a variable, described by its fingerprint.
  const variables: HclBlock[] = [];
  for (const k of inv.playbackKeyPairs) {
    const n = name('key_pair', k.name, k.arn!);
    variables.push({
      type: 'variable',
      labels: [`${n}_public_key`],
      body: [
        ['type', new HclRaw('string')],
        ['description', `The PEM public key of playback key pair ${k.name || k.arn} (fingerprint ${k.fingerprint}). IVS never returns it.`],
      ],
    });
    refs.set(k.arn!, `aws_ivs_playback_key_pair.${n}`);
    blocks.push({
      type: 'resource',
      labels: ['aws_ivs_playback_key_pair', n],
      body: [...(k.name ? ([['name', k.name]] as Body) : []), ['public_key', new HclRaw(`var.${n}_public_key`)], ...awsTags(k.tags)],
    });
    imports.push({
      type: 'import',
      labels: [],
      body: [
        ['to', new HclRaw(`aws_ivs_playback_key_pair.${n}`)],
        ['id', k.arn!],
      ],
    });
  }
  for (const c of inv.channels) {
    const recording: Body = c.recordingConfigurationArn
      ? [['recording_configuration_arn', new HclRaw(`${refs.get(c.recordingConfigurationArn)}.arn`)]]
      : [];
    const common: Body = [
      ...(c.name ? ([['name', c.name]] as Body) : []),
      ['type', c.type ?? 'STANDARD'],
      ['latency_mode', c.latencyMode ?? 'LOW'],
      ['authorized', c.authorized ?? false],
    ];
    if (channelNeedsAwscc(c)) {
      const m = c.multitrackInputConfiguration;
      add('awscc_ivs_channel', 'channel', c.arn!, c.name, [
        ...common,
        ['insecure_ingest', c.insecureIngest ?? false],
        ...(c.preset ? ([['preset', c.preset]] as Body) : []),
        ['container_format', c.containerFormat ?? 'TS'],
        ...(m?.enabled
          ? ([['multitrack_input_configuration', { enabled: true, maximum_resolution: m.maximumResolution!, policy: m.policy! }]] as Body)
          : []),
        ...recording,
        ...awsccTags(c.tags),
      ]);
    } else {
      add('aws_ivs_channel', 'channel', c.arn!, c.name, [...common, ...recording, ...awsTags(c.tags)]);
    }
  }

  const header: HclBlock = {
    type: 'terraform',
    labels: [],
    body: [
      {
        type: 'required_providers',
        labels: [],
        body: [
          ['aws', { source: 'hashicorp/aws' }],
          ['awscc', { source: 'hashicorp/awscc' }],
        ],
      },
    ],
  };
  const providers: HclBlock[] = ['aws', 'awscc'].map((p) => ({ type: 'provider', labels: [p], body: [['region', inv.region]] }));
  const notes = [
    `# Exported from ${inv.region} by the IVS console. The import blocks adopt the existing resources (Terraform 1.5+).`,
    '# Stream keys are not exported: create them after import.',
    ...(inv.playbackKeyPairs.length
      ? ["# IVS never returns a playback key pair's public key: give each as its variable (the description names its fingerprint)."]
      : []),
    ...inv.channels.flatMap((c) => [
      ...(c.playbackRestrictionPolicyArn
        ? [`# ${c.name || c.arn}: its restriction policy link has no channel property in either provider.`]
        : []),
      ...(c.adConfigurationArn ? [`# ${c.name || c.arn}: its ad configuration has no resource in either provider.`] : []),
    ]),
  ];
  return `${notes.join('\n')}\n\n${[header, ...providers, ...variables, ...blocks, ...imports].map((b) => block(b)).join('\n\n')}\n`;
}
