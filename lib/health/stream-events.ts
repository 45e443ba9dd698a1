import type { Severity, StreamEventInput } from './types';

// Every documented IVS low-latency stream event, and every documented StreamEvent code, in plain English.
// Sources:
// - Using Amazon EventBridge with IVS Low-Latency Streaming, https://docs.aws.amazon.com/ivs/latest/LowLatencyUserGuide/eventbridge.html
//   (event types and names; the same names appear in GetStreamSession's truncatedEvents).
// - The StreamEvent.code documentation in the IVS API model (shared/ivs-model/botocore-service-2.json), which also
//   says the long descriptions of codes live in the IVS console and are not delivered by the API.
// - Recording events: Auto-Record to Amazon S3, https://docs.aws.amazon.com/ivs/latest/LowLatencyUserGuide/record-to-s3.html
// EventBridge also sends "IVS Limit Breach"; it is decoded by type, since its names are not listed here.

export const STREAM_STATE_CHANGE = 'IVS Stream State Change';
export const STREAM_HEALTH_CHANGE = 'IVS Stream Health Change';
export const RECORDING_STATE_CHANGE = 'IVS Recording State Change';
export const LIMIT_BREACH = 'IVS Limit Breach';
export const EVENTBRIDGE_DOC = 'https://docs.aws.amazon.com/ivs/latest/LowLatencyUserGuide/eventbridge.html';

export const SESSION_CREATED = 'Session Created';
export const SESSION_ENDED = 'Session Ended';
export const STREAM_START = 'Stream Start';
export const STREAM_END = 'Stream End';
export const STARVATION_START = 'Starvation Start';
export const STARVATION_END = 'Starvation End';

export interface EventInfo {
  type: string;
  severity: Severity;
  meaning: string;
  fix?: string;
}

export const STREAM_EVENTS: Record<string, EventInfo> = {
  [SESSION_CREATED]: {
    type: STREAM_STATE_CHANGE,
    severity: 'info',
    meaning: 'The stream key was accepted and a stream session began; video is not yet delivered to viewers.',
  },
  [SESSION_ENDED]: { type: STREAM_STATE_CHANGE, severity: 'info', meaning: 'The encoder disconnected and IVS no longer receives video.' },
  [STREAM_START]: { type: STREAM_STATE_CHANGE, severity: 'info', meaning: 'IVS is processing the stream and viewers can watch it.' },
  [STREAM_END]: { type: STREAM_STATE_CHANGE, severity: 'info', meaning: 'IVS stopped processing the stream; viewers get no new video.' },
  'Stream Failure': {
    type: STREAM_STATE_CHANGE,
    severity: 'critical',
    meaning: 'IVS could not process the stream because processing capacity was exceeded; viewers got nothing.',
    fix: "Restart the stream; if it fails again, check the input is within the channel type's limits and contact AWS Support.",
  },
  'Stream Takeover': {
    type: STREAM_STATE_CHANGE,
    severity: 'warning',
    meaning: 'A second encoder took over the stream from the first one.',
  },
  'Stream Takeover Failure': {
    type: STREAM_STATE_CHANGE,
    severity: 'warning',
    meaning: 'An encoder tried to take over the stream and was refused.',
    fix: 'Check which encoders use this stream key; the code says why the takeover was refused.',
  },
  [STARVATION_START]: {
    type: STREAM_HEALTH_CHANGE,
    severity: 'warning',
    meaning: 'IVS stopped receiving data from the encoder (the stream is starving).',
    fix: "Check the broadcaster's uplink and encoder load.",
  },
  [STARVATION_END]: { type: STREAM_HEALTH_CHANGE, severity: 'info', meaning: 'IVS receives data from the encoder again.' },
  'Recording Start': { type: RECORDING_STATE_CHANGE, severity: 'info', meaning: 'Recording to S3 started.' },
  'Recording End': { type: RECORDING_STATE_CHANGE, severity: 'info', meaning: 'Recording to S3 ended and its files are written.' },
  'Recording Start Failure': {
    type: RECORDING_STATE_CHANGE,
    severity: 'critical',
    meaning: 'Recording to S3 could not start; this stream is not being recorded.',
    fix: "Check the recording configuration's S3 bucket exists, is in the channel's region, and lets IVS write to it.",
  },
  'Recording End Failure': {
    type: RECORDING_STATE_CHANGE,
    severity: 'warning',
    meaning: 'Recording to S3 ended with an error; some files may be missing.',
    fix: "Check the recording's files in S3 and the bucket's permissions.",
  },
};

/** StreamEvent.code values (multitrack codes come only with Session Ended; takeover codes with Stream Takeover Failure). */
export const STREAM_EVENT_CODES: Record<string, { meaning: string; fix: string }> = {
  MultitrackInputNotAllowed: {
    meaning: 'The encoder connected with multitrack input, but this channel does not allow multitrack input.',
    fix: "Turn off multitrack video in the broadcast software, or set the channel's multitrack policy to ALLOW or REQUIRE.",
  },
  MultitrackInputRequired: {
    meaning: 'The encoder connected with single-track video, but this channel requires multitrack input.',
    fix: "Turn on multitrack video in the broadcast software, or set the channel's multitrack policy to ALLOW.",
  },
  InvalidGetClientConfigurationStreamKey: {
    meaning: 'The encoder connected with an invalid, expired or corrupt stream key from GetClientConfiguration.',
    fix: 'Have the broadcast software fetch a fresh configuration and stream key, then reconnect.',
  },
  GetClientConfigurationStreamKeyRequired: {
    meaning: 'The encoder sent multitrack video without the authenticated stream key from GetClientConfiguration.',
    fix: "Use broadcast software that implements GetClientConfiguration (OBS Studio's multitrack video does).",
  },
  InvalidMultitrackInputTrackCount: {
    meaning: 'The multitrack stream had an invalid number of tracks.',
    fix: "Let the broadcast software's automatic configuration choose the tracks; do not edit them by hand.",
  },
  InvalidMultitrackInputVideoTrackMediaProperties: {
    meaning: 'A track of the multitrack stream had an invalid codec, resolution, bitrate or frame rate.',
    fix: "Reset the broadcast software's multitrack settings to its automatic configuration.",
  },
  StreamTakeoverMediaMismatch: {
    meaning: 'A takeover was refused: the new encoder sent different media (codec, resolution or track type) from the original.',
    fix: 'Give the backup encoder exactly the same codec, resolution and track layout as the primary.',
  },
  StreamTakeoverInvalidPriority: {
    meaning: "A takeover was refused: its priority was not higher than the current stream's, or was outside 1 to 2,147,483,647.",
    fix: 'Give the taking-over encoder a higher takeover priority than the one streaming now.',
  },
  StreamTakeoverLimitBreached: {
    meaning: 'A takeover was refused: the stream reached its maximum number of takeover attempts.',
    fix: 'Stop the encoders that keep taking over each other; let one stream.',
  },
};

export interface DecodedEvent {
  name: string;
  type: string;
  code: string;
  severity: Severity;
  /** One plain-English line: the event and, when it has one, what its code means. */
  line: string;
  fix?: string;
  known: boolean;
}

/** One event as a person reads it: for the session timeline and the event findings. */
export function decodeEvent(e: StreamEventInput): DecodedEvent {
  const name = e.name ?? '';
  const code = e.code ?? '';
  const info = STREAM_EVENTS[name];
  const codeInfo = code ? STREAM_EVENT_CODES[code] : undefined;
  const type = e.type || info?.type || '';
  const limitBreach = !info && type === LIMIT_BREACH;
  const meaning =
    info?.meaning ??
    (limitBreach
      ? `A limit was breached (${name || 'unnamed'}); IVS may refuse or disconnect streams over it.`
      : `IVS reported "${name || 'an unnamed event'}".`);
  const codeLine = code ? ` ${codeInfo ? codeInfo.meaning : `Code ${code} (no description is documented for it).`}` : '';
  // A code on an otherwise ordinary event (Session Ended with a multitrack code) is what went wrong.
  const base: Severity = info?.severity ?? (limitBreach ? 'warning' : 'info');
  const severity: Severity = codeInfo && base === 'info' ? 'warning' : base;
  const known = Boolean(info) && (!code || Boolean(codeInfo));
  return { name, type, code, severity, line: `${meaning}${codeLine}`, fix: codeInfo?.fix ?? info?.fix, known };
}
