import { notBroadcasting, notFound, validation } from '../errors';
import { project } from '../model';
import { mustGet, type HandlerTable, type OpContext } from './context';
import { paginate } from './paging';
import { endStream, hasErrorEvent } from './stream-lifecycle';
import { effectiveHealth, eventsAt } from '../cloudwatch/health';

const METADATA_MAX_BYTES = 1024;

function liveOrThrow(ctx: OpContext, channelArn: string) {
  const channel = mustGet(ctx.state.channels, channelArn);
  const live = ctx.state.live.get(channel.arn);
  if (!live) throw notBroadcasting(`Channel ${channel.arn} is not currently online.`);
  return { channel, live };
}

export const streamOps: HandlerTable = {
  GetStream(ctx, input: { channelArn: string }) {
    const { channel, live } = liveOrThrow(ctx, input.channelArn);
    const health = effectiveHealth(ctx.state, live, ctx.now.getTime());
    return { stream: { ...project(live, 'Stream'), health, playbackUrl: channel.playbackUrl, state: 'LIVE' } };
  },

  ListStreams(ctx, input: { filterBy?: { health?: string }; nextToken?: string; maxResults?: number }) {
    const health = input.filterBy?.health;
    const now = ctx.now.getTime();
    const all = [...ctx.state.live.values()]
      .map((s) => ({ ...s, health: effectiveHealth(ctx.state, s, now) }))
      .filter((s) => !health || s.health === health);
    const page = paginate(all, 'ListStreams', input, 100);
    return { streams: page.items.map((s) => ({ ...project(s, 'StreamSummary'), state: 'LIVE' })), nextToken: page.nextToken };
  },

  GetStreamSession(ctx, input: { channelArn: string; streamId?: string }) {
    mustGet(ctx.state.channels, input.channelArn);
    const sessions = ctx.state.sessions.get(input.channelArn) ?? [];
    const session = input.streamId ? sessions.find((s) => s.streamId === input.streamId) : sessions.at(-1);
    if (!session) {
      throw notFound(
        input.streamId
          ? `Stream session ${input.streamId} not found for channel ${input.channelArn}`
          : `Channel ${input.channelArn} has no stream sessions`,
      );
    }
    // Events are reported most recent first, as the model documents.
    const events = eventsAt(session, ctx.now.getTime());
    return { streamSession: { ...project(session, 'StreamSession'), truncatedEvents: [...events].reverse() } };
  },

  ListStreamSessions(ctx, input: { channelArn: string; nextToken?: string; maxResults?: number }) {
    mustGet(ctx.state.channels, input.channelArn);
    const newestFirst = [...(ctx.state.sessions.get(input.channelArn) ?? [])].reverse();
    const page = paginate(newestFirst, 'ListStreamSessions', input, 100);
    return {
      streamSessions: page.items.map((s) => ({ ...project(s, 'StreamSessionSummary'), hasErrorEvent: hasErrorEvent(s) })),
      nextToken: page.nextToken,
    };
  },

  StopStream(ctx, input: { channelArn: string }) {
    liveOrThrow(ctx, input.channelArn);
    endStream(ctx, input.channelArn);
  },

  PutMetadata(ctx, input: { channelArn: string; metadata: string }) {
    const bytes = Buffer.byteLength(input.metadata, 'utf8');
    if (bytes > METADATA_MAX_BYTES) throw validation(`metadata is ${bytes} bytes; the maximum is ${METADATA_MAX_BYTES} bytes (UTF-8).`);
    liveOrThrow(ctx, input.channelArn);
  },
};
