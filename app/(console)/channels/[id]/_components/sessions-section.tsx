import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { ErrorPanel } from '@/components/ui/error-panel';
import { describeIvsError } from '@/lib/ivs/errors';
import { listStreamSessions, type StreamSessionSummaryDto } from '@/lib/ivs/streams';
import { Section } from './section';
import { Time } from '@/components/ui/time';

/** The channel's recent stream sessions (ListStreamSessions), each linking to its session view. */
export async function SessionsSection({ region, channelId, channelArn }: { region: string; channelId: string; channelArn: string }) {
  let sessions: StreamSessionSummaryDto[] = [];
  let error: string | null = null;
  try {
    sessions = (await listStreamSessions(region, channelArn)).sessions;
  } catch (e) {
    error = describeIvsError(e).message;
  }
  return (
    <Section id="sessions" title="Stream sessions" description="The most recent broadcasts, newest first.">
      {error ? (
        <ErrorPanel title="Stream sessions could not be loaded" message={error} />
      ) : sessions.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No stream sessions yet.</p>
      ) : (
        <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
          {sessions.map((s) => (
            <li key={s.streamId} className="flex flex-wrap items-center gap-3 py-2">
              <Link
                href={`/channels/${channelId}/sessions/${s.streamId}`}
                className="font-mono text-xs text-blue-700 hover:underline dark:text-blue-400"
              >
                {s.streamId}
              </Link>
              <span>
                <Time value={s.startTime} />
              </span>
              <span className="text-zinc-500 dark:text-zinc-400">→ {s.endTime ? <Time value={s.endTime} /> : 'now'}</span>
              {!s.endTime && <Badge tone="red">Live</Badge>}
              {s.hasErrorEvent && <Badge tone="yellow">Has errors</Badge>}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
