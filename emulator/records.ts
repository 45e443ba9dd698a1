import type { SessionSignal } from './cloudwatch/signal';

// Stored resources. Field names match the model's output shapes, so responses are a projection
// (see model.project); anything extra here is internal bookkeeping that never reaches a client.

export type Tags = Record<string, string>;

export interface ChannelRec {
  arn: string;
  name: string;
  latencyMode: string;
  type: string;
  recordingConfigurationArn: string;
  ingestEndpoint: string;
  playbackUrl: string;
  authorized: boolean;
  tags: Tags;
  insecureIngest: boolean;
  preset: string;
  srt: { endpoint: string; passphrase: string };
  playbackRestrictionPolicyArn: string;
  multitrackInputConfiguration: { enabled: boolean; policy?: string; maximumResolution?: string };
  containerFormat: string;
  adConfigurationArn: string;
}

export interface StreamKeyRec {
  arn: string;
  value: string;
  channelArn: string;
  tags: Tags;
}

export interface KeyPairRec {
  arn: string;
  name: string;
  fingerprint: string;
  tags: Tags;
  /** SPKI PEM, kept so local playback can verify tokens; not in the model's output shapes. */
  publicKeyMaterial?: string;
}

export interface RecordingConfigRec {
  arn: string;
  name: string;
  destinationConfiguration: { s3: { bucketName: string } };
  state: string;
  tags: Tags;
  thumbnailConfiguration: { recordingMode: string; targetIntervalSeconds?: number; resolution?: string; storage: string[] };
  recordingReconnectWindowSeconds: number;
  renditionConfiguration: { renditionSelection: string; renditions: string[] };
  createdAtMs: number;
}

export interface PolicyRec {
  arn: string;
  name: string;
  allowedCountries: string[];
  allowedOrigins: string[];
  enableStrictOriginEnforcement: boolean;
  tags: Tags;
}

export interface AdConfigRec {
  arn: string;
  name: string;
  mediaTailorPlaybackConfigurations: { playbackConfigurationArn?: string }[];
  postRollConfiguration: { durationSeconds: number; enabled: boolean };
  tags: Tags;
}

export interface LiveStream {
  channelArn: string;
  streamId: string;
  startTime: string;
  health: string;
  viewerCount: number;
}

export interface StreamEvent {
  name: string;
  type: string;
  eventTime: string;
  code?: string;
}

export interface StreamSessionRec {
  streamId: string;
  startTime: string;
  endTime?: string;
  channel: Record<string, unknown>;
  ingestConfiguration: { video: Record<string, unknown>; audio: Record<string, unknown> };
  ingestConfigurations: { videoConfigurations: Record<string, unknown>[]; audioConfigurations: Record<string, unknown>[] };
  recordingConfiguration?: Record<string, unknown>;
  truncatedEvents: StreamEvent[];
  /** The simulated encoder output the CloudWatch metrics are sampled from (not in the model). */
  signal?: SessionSignal;
}

export interface Revocation {
  channelArn: string;
  viewerId: string;
  viewerSessionVersionsLessThanOrEqualTo: number;
  revokedAt: string;
}

export interface PersistedRegion {
  prefix: string;
  channels: ChannelRec[];
  streamKeys: StreamKeyRec[];
  keyPairs: KeyPairRec[];
  recordingConfigs: RecordingConfigRec[];
  policies: PolicyRec[];
  adConfigs: AdConfigRec[];
  live: LiveStream[];
  sessions: Record<string, StreamSessionRec[]>;
  revocations: Revocation[];
}

export interface PersistedState {
  version: 1;
  accountId: string;
  regions: Record<string, PersistedRegion>;
}
