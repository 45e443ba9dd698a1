// How the feed and the notifications word a happening, the same whichever source saw it first (the
// watcher or EventBridge): the first sighting is the one kept (lib/events/store.ts), so the words must
// not depend on which it was.

const idOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

/** “Main stage”, or "channel AbCd…" when the name is not known. */
export const nameOf = (row: { channelName: string | null; channelArn: string }) =>
  row.channelName ? `“${row.channelName}”` : `channel ${idOf(row.channelArn)}`;

/** How an ended stream reads, whoever saw it end (the watcher, or EventBridge's Stream End). */
export function streamEndedWording(stoppedFromConsole: boolean, name: string) {
  return stoppedFromConsole
    ? {
        severity: 'info' as const,
        title: `Stream ended on ${name}: stopped from the console`,
        detail: 'Someone stopped the stream from this console (see the audit log).',
        data: { expected: true },
      }
    : {
        severity: 'critical' as const,
        title: `Stream ended unexpectedly on ${name}`,
        detail:
          'The encoder stopped sending and nobody stopped the stream from the console: check the encoder, its network and its stream key.',
        data: { expected: false },
      };
}

export const TITLES = {
  streamStarted: (name: string) => `Stream started on ${name}`,
  starvationStarted: (name: string) => `${name} is starving`,
  starvationEnded: (name: string) => `${name} stopped starving`,
};

/** A recording that did not start, or ended with a failure: the same words from the watcher and EventBridge. */
export function recordingFailedWording(status: 'Recording Start Failure' | 'Recording End Failure', name: string, reason: string | null) {
  const start = status === 'Recording Start Failure';
  return {
    severity: start ? ('critical' as const) : ('warning' as const),
    title: `${name}: ${start ? 'recording did not start' : 'recording ended with a failure'}`,
    detail:
      `${status}${reason ? `: ${reason}` : ''}. ` +
      (start
        ? 'Nothing of this stream is being recorded: check the recording configuration and that IVS may write to its S3 bucket.'
        : 'The recording may be incomplete: check the S3 bucket and the recording configuration.'),
  };
}
