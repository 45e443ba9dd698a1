// Stream-health diagnosis: pure, client- and server-safe. See docs/stream-health.md.
export { diagnose, compareFindings, worstSeverity, RULES } from './diagnose';
export { CHANNEL_TYPE_LIMITS, limitsFor, type ChannelTypeLimits } from './channel-limits';
export { decodeEvent, STREAM_EVENTS, STREAM_EVENT_CODES, EVENTBRIDGE_DOC, type DecodedEvent, type EventInfo } from './stream-events';
export { ingestFromSession, type StreamSessionIngestLike } from './ingest';
export { starvationEpisodes, type StarvationEpisode } from './rules/starvation';
export { eventMarkers, starvationShading, type EventMarker, type ShadedSpan } from './annotations';
export type * from './types';
