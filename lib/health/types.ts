// Inputs and outputs of the stream-health diagnosis (client-safe: no SDK at runtime, no server-only).
// Shapes follow the IVS model (GetStreamSession → StreamSession) and the AWS/IVS CloudWatch metrics.

export type ChannelType = 'BASIC' | 'STANDARD' | 'ADVANCED_SD' | 'ADVANCED_HD';
export type Severity = 'critical' | 'warning' | 'info';

/** The AWS/IVS per-channel metrics the rules read (units in `HealthMetrics`). */
export type HealthMetricName = 'IngestVideoBitrate' | 'IngestAudioBitrate' | 'IngestFramerate' | 'KeyframeInterval' | 'ConcurrentViews';

/** One CloudWatch series, oldest first; timestamps in epoch ms (the start of each period), as lib/metrics returns it. */
export interface Series {
  timestamps: number[];
  values: number[];
}

/**
 * Units as CloudWatch returns them: bitrates in Mbps, frame rate in frames per second, keyframe interval in
 * seconds, viewers as a count. A missing series means "no data", not "healthy".
 */
export type HealthMetrics = Partial<Record<HealthMetricName, Series>>;

/**
 * StreamSession's VideoConfiguration: targetBitrate in bits per second. `bFrames` is not in the IVS API;
 * pass it when the encoder's settings are known (the emulator's ingest profile).
 */
export interface IngestVideo {
  track?: string;
  codec?: string;
  profile?: string;
  level?: string;
  encoder?: string;
  targetBitrate?: number;
  targetFramerate?: number;
  videoWidth?: number;
  videoHeight?: number;
  bFrames?: number;
}

/** StreamSession's AudioConfiguration: targetBitrate in bits per second. */
export interface IngestAudio {
  track?: string;
  codec?: string;
  targetBitrate?: number;
  sampleRate?: number;
  channels?: number;
}

/** Every track of the session (ingestConfigurations, or the deprecated single ingestConfiguration). */
export interface IngestInput {
  video: IngestVideo[];
  audio: IngestAudio[];
}

/** StreamSession.truncatedEvents[i]: eventTime as the SDK's Date, an ISO string or epoch ms. */
export interface StreamEventInput {
  name?: string;
  type?: string;
  code?: string;
  eventTime?: Date | string | number;
}

/** A stream session's start and end (ListStreamSessions), for reconnect loops across sessions. */
export interface SessionSpan {
  startTime: Date | string | number;
  endTime?: Date | string | number | null;
}

export interface DiagnosisInput {
  channelType: ChannelType;
  metrics?: HealthMetrics;
  ingest?: IngestInput;
  events?: StreamEventInput[];
  /** Recent sessions of the channel, any order; without it reconnects are read from the events alone. */
  sessions?: SessionSpan[];
  /** The end of the window the metric rules look at; defaults to the end of the newest data point. */
  now?: number;
  /** How far back the metric rules look; 10 minutes unless a page says otherwise (a session page: the session). */
  windowMs?: number;
  /** What the window is, for the findings' wording: the last minutes ("6 of the last 10 minutes"), or a whole session's span ("6 of the session's 10 minutes"), which reads right once it has ended. */
  windowScope?: WindowScope;
}

export interface EvidenceWindow {
  start: number;
  end: number;
}

export interface Finding {
  /** Stable per rule (and per event name and code for decoded events), so a UI can key and dedupe. */
  id: string;
  severity: Severity;
  title: string;
  /** Plain English with the evidence: values, how long, when. */
  detail: string;
  /** What the operator should do. */
  fix: string;
  /** When the evidence was seen, epoch ms; null when it comes from the ingest configuration alone. */
  window: EvidenceWindow | null;
  metric?: HealthMetricName;
}

export type WindowScope = 'recent' | 'session';
