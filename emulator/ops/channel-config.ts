import type { CreateChannelRequest } from '@aws-sdk/client-ivs';
import { validation } from '../errors';
import type { ChannelRec } from '../records';
import { mustGet, type OpContext } from './context';

type Config = Pick<
  ChannelRec,
  | 'name'
  | 'latencyMode'
  | 'type'
  | 'authorized'
  | 'insecureIngest'
  | 'preset'
  | 'recordingConfigurationArn'
  | 'playbackRestrictionPolicyArn'
  | 'adConfigurationArn'
  | 'multitrackInputConfiguration'
  | 'containerFormat'
>;

export const DEFAULT_CONFIG: Config = {
  name: '',
  latencyMode: 'LOW',
  type: 'STANDARD',
  authorized: false,
  insecureIngest: false,
  preset: '',
  recordingConfigurationArn: '',
  playbackRestrictionPolicyArn: '',
  adConfigurationArn: '',
  multitrackInputConfiguration: { enabled: false, policy: 'ALLOW', maximumResolution: 'FULL_HD' },
  containerFormat: 'TS',
};

const isAdvanced = (type: string) => type === 'ADVANCED_SD' || type === 'ADVANCED_HD';

// Applies a Create/UpdateChannel request on top of the current settings, enforcing the rules the
// model documents (presets only on ADVANCED types, multitrack only on STANDARD + fMP4) and that
// referenced resources exist.
export function applyChannelConfig(ctx: OpContext, base: Config, input: CreateChannelRequest): Config {
  const next: Config = { ...base };
  for (const key of ['name', 'latencyMode', 'type', 'authorized', 'insecureIngest', 'containerFormat'] as const) {
    if (input[key] !== undefined) (next as Record<string, unknown>)[key] = input[key];
  }
  if (input.recordingConfigurationArn !== undefined) next.recordingConfigurationArn = input.recordingConfigurationArn;
  if (input.playbackRestrictionPolicyArn !== undefined) next.playbackRestrictionPolicyArn = input.playbackRestrictionPolicyArn;
  if (input.adConfigurationArn !== undefined) next.adConfigurationArn = input.adConfigurationArn;

  if (isAdvanced(next.type)) {
    if (input.preset) next.preset = input.preset;
    else if (!isAdvanced(base.type) || !next.preset) next.preset = 'HIGHER_BANDWIDTH_DELIVERY';
  } else {
    if (input.preset) {
      throw validation(
        `preset '${input.preset}' can only be set for ADVANCED_HD and ADVANCED_SD channel types (channel type is ${next.type}).`,
      );
    }
    next.preset = '';
  }

  const mt = input.multitrackInputConfiguration;
  if (mt) {
    const enabled = mt.enabled ?? false;
    if (enabled && (!mt.policy || !mt.maximumResolution)) {
      throw validation(
        'multitrackInputConfiguration.policy and multitrackInputConfiguration.maximumResolution are required when multitrack input is enabled.',
      );
    }
    next.multitrackInputConfiguration = {
      enabled,
      policy: mt.policy ?? base.multitrackInputConfiguration.policy ?? 'ALLOW',
      maximumResolution: mt.maximumResolution ?? base.multitrackInputConfiguration.maximumResolution ?? 'FULL_HD',
    };
  }
  if (next.multitrackInputConfiguration.enabled) {
    if (next.type !== 'STANDARD') {
      throw validation(`multitrackInputConfiguration.enabled can be true only for STANDARD channels (channel type is ${next.type}).`);
    }
    if (next.containerFormat !== 'FRAGMENTED_MP4') {
      throw validation('containerFormat must be FRAGMENTED_MP4 when multitrack input is enabled.');
    }
  }

  if (next.recordingConfigurationArn) mustGet(ctx.state.recordingConfigs, next.recordingConfigurationArn);
  if (next.playbackRestrictionPolicyArn) mustGet(ctx.state.policies, next.playbackRestrictionPolicyArn);
  if (next.adConfigurationArn) mustGet(ctx.state.adConfigs, next.adConfigurationArn);
  return next;
}
