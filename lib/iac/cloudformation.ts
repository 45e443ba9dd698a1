import { stringify } from 'yaml';
import type { Inventory } from '@/lib/ivs/inventory';
import { nameMaker } from '@/lib/iac/names';

type Json = Record<string, unknown>;
const tagList = (tags: Record<string, string> | undefined) => {
  const list = Object.entries(tags ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([Key, Value]) => ({ Key, Value }));
  return list.length ? { Tags: list } : {};
};
const arnOf = (logicalId: string) => ({ 'Fn::GetAtt': [logicalId, 'Arn'] });
// Kept when the stack is deleted or the resource replaced: these resources existed before the stack.
const ADOPTED = { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' };

/**
 * The inventory as a CloudFormation template (AWS::IVS::*), written to adopt the existing resources
 * with a resource import: each has DeletionPolicy Retain, and Metadata.ResourcesToImport is the list
 * `aws cloudformation create-change-set --change-set-type IMPORT --resources-to-import` takes.
 * References are GetAtt of the referenced resource, never a pasted ARN.
 */
export function cloudFormationTemplate(inv: Inventory): Json {
  const name = nameMaker('cloudformation');
  const resources: Json = {};
  const toImport: Json[] = [];
  const ids = new Map<string, string>();
  const add = (type: string, kind: string, arn: string, resourceName: string | undefined, properties: Json) => {
    const id = name(kind, resourceName, arn);
    ids.set(arn, id);
    resources[id] = { Type: type, ...ADOPTED, Properties: properties };
    toImport.push({ ResourceType: type, LogicalResourceId: id, ResourceIdentifier: { Arn: arn } });
  };

  for (const r of inv.recordingConfigurations) {
    const t = r.thumbnailConfiguration;
    add('AWS::IVS::RecordingConfiguration', 'Recording', r.arn!, r.name, {
      ...(r.name ? { Name: r.name } : {}),
      DestinationConfiguration: { S3: { BucketName: r.destinationConfiguration?.s3?.bucketName } },
      RecordingReconnectWindowSeconds: r.recordingReconnectWindowSeconds ?? 0,
      ...(t
        ? {
            ThumbnailConfiguration: {
              RecordingMode: t.recordingMode,
              ...(t.recordingMode === 'INTERVAL' ? { TargetIntervalSeconds: t.targetIntervalSeconds } : {}),
              ...(t.resolution ? { Resolution: t.resolution } : {}),
              ...(t.storage?.length ? { Storage: t.storage } : {}),
            },
          }
        : {}),
      ...(r.renditionConfiguration
        ? {
            RenditionConfiguration: {
              RenditionSelection: r.renditionConfiguration.renditionSelection,
              ...(r.renditionConfiguration.renditions?.length ? { Renditions: r.renditionConfiguration.renditions } : {}),
            },
          }
        : {}),
      ...tagList(r.tags),
    });
  }
  for (const p of inv.restrictionPolicies) {
    add('AWS::IVS::PlaybackRestrictionPolicy', 'Policy', p.arn!, p.name, {
      ...(p.name ? { Name: p.name } : {}),
      AllowedCountries: p.allowedCountries ?? [],
      AllowedOrigins: p.allowedOrigins ?? [],
      EnableStrictOriginEnforcement: p.enableStrictOriginEnforcement ?? false,
      ...tagList(p.tags),
    });
  }
  // IVS never returns a key pair's public key: the template asks for it as a parameter, named by fingerprint.
  const parameters: Json = {};
  for (const k of inv.playbackKeyPairs) {
    const id = name('KeyPair', k.name, k.arn!);
    const parameter = `${id}PublicKey`;
    parameters[parameter] = {
      Type: 'String',
      Description: `The PEM public key of playback key pair ${k.name || k.arn} (fingerprint ${k.fingerprint}). IVS never returns it.`,
    };
    ids.set(k.arn!, id);
    resources[id] = {
      Type: 'AWS::IVS::PlaybackKeyPair',
      ...ADOPTED,
      Properties: { ...(k.name ? { Name: k.name } : {}), PublicKeyMaterial: { Ref: parameter }, ...tagList(k.tags) },
    };
    toImport.push({ ResourceType: 'AWS::IVS::PlaybackKeyPair', LogicalResourceId: id, ResourceIdentifier: { Arn: k.arn } });
  }
  for (const c of inv.channels) {
    const multitrack = c.multitrackInputConfiguration;
    add('AWS::IVS::Channel', 'Channel', c.arn!, c.name, {
      ...(c.name ? { Name: c.name } : {}),
      Type: c.type,
      LatencyMode: c.latencyMode,
      Authorized: c.authorized ?? false,
      InsecureIngest: c.insecureIngest ?? false,
      ...(c.preset ? { Preset: c.preset } : {}),
      ...(c.containerFormat ? { ContainerFormat: c.containerFormat } : {}),
      ...(multitrack?.enabled
        ? { MultitrackInputConfiguration: { Enabled: true, MaximumResolution: multitrack.maximumResolution, Policy: multitrack.policy } }
        : {}),
      ...(c.recordingConfigurationArn ? { RecordingConfigurationArn: arnOf(ids.get(c.recordingConfigurationArn)!) } : {}),
      ...tagList(c.tags),
    });
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `IVS resources exported from ${inv.region} by the IVS console`,
    Metadata: { ResourcesToImport: toImport },
    ...(Object.keys(parameters).length ? { Parameters: parameters } : {}),
    Resources: resources,
  };
}

/**
 * What AWS::IVS::Channel cannot express (a restriction policy, an ad configuration): named in the
 * template's header so nobody takes the template for the whole truth.
 */
export function notExpressible(inv: Inventory): string[] {
  const notes: string[] = [];
  for (const c of inv.channels) {
    if (c.playbackRestrictionPolicyArn) notes.push(`${c.name || c.arn}: playback restriction policy ${c.playbackRestrictionPolicyArn}`);
    if (c.adConfigurationArn) notes.push(`${c.name || c.arn}: ad configuration ${c.adConfigurationArn}`);
  }
  return notes;
}

/** The template as YAML, with a header naming what it leaves out. Stream keys are never in it. */
export function cloudFormationYaml(inv: Inventory): string {
  const notes = notExpressible(inv);
  const header = [
    `# Exported from ${inv.region}. Import the existing resources with a change set of type IMPORT;`,
    '# Metadata.ResourcesToImport lists them. Stream keys are not exported: create them after import.',
    ...(inv.playbackKeyPairs.length
      ? ["# IVS never returns a playback key pair's public key: give each as its parameter (the description names its fingerprint)."]
      : []),
    ...(notes.length
      ? [
          '# AWS::IVS::Channel has no property for these links; they stay as they are and must be kept outside the template:',
          ...notes.map((n) => `#   ${n}`),
        ]
      : []),
  ];
  return `${header.join('\n')}\n${stringify(cloudFormationTemplate(inv), { lineWidth: 0 })}`;
}
