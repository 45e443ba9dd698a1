/** The header the EventBridge connection's API-key auth sends (docs/eventbridge.md). */
export const EVENTBRIDGE_SECRET_HEADER = 'x-ivs-console-secret';
