import type { LiveState } from '@/components/channel-list/live-query';
import { describeIvsError } from '@/lib/ivs/errors';
import { listStreamSessions } from '@/lib/ivs/streams';
import { Section } from './section';
import { SessionsList, type SessionsState } from './sessions-list';

/**
 * The channel's recent stream sessions (ListStreamSessions), each linking to its session view. Read
 * here for the first paint; the list then follows the page's live state (a stream starting or ending
 * refetches it through GET /api/channels/[id]/sessions).
 */
export async function SessionsSection({
  region,
  channelId,
  channelArn,
  initialLive,
}: {
  region: string;
  channelId: string;
  channelArn: string;
  initialLive: LiveState;
}) {
  let initial: SessionsState;
  try {
    initial = { sessions: (await listStreamSessions(region, channelArn)).sessions, error: null };
  } catch (e) {
    initial = { sessions: [], error: describeIvsError(e).message };
  }
  return (
    <Section id="sessions" title="Stream sessions" description="The most recent broadcasts, newest first.">
      <SessionsList region={region} channelId={channelId} initial={initial} initialLive={initialLive} />
    </Section>
  );
}
