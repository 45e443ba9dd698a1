'use server';

import { ActionError, defineAction } from '@/lib/auth/action';
import { channelIdFromArn, getChannel } from '@/lib/ivs/channels';
import { batchRevokeViewerSessionsSchema, revokeViewerSessionSchema } from '@/lib/ivs/schemas/playback-key';
import { batchRevokeViewerSessions, revokeViewerSession } from '@/lib/ivs/viewer-revocation';

// Re-reads the channel: revocation only means something on a private (authorized) channel. One of
// another region or account is refused before this, by the schema (defineAction's ARN scope).
async function requirePrivateChannel(region: string, channelArn: string): Promise<void> {
  const channel = await getChannel(region, channelIdFromArn(channelArn));
  if (!channel) throw new ActionError('IVS could not find this channel. It may have been deleted.', 'NotFound');
  if (!channel.authorized) {
    throw new ActionError(
      'This channel is public (playback authorization is off), so there are no viewer sessions to revoke.',
      'NotPrivate',
    );
  }
}

export const revokeViewerSessionAction = defineAction({
  name: 'viewer-session.revoke',
  role: 'operator',
  input: revokeViewerSessionSchema,
  resource: (input) => input.channelArn,
  run: async ({ input, region }) => {
    await requirePrivateChannel(region, input.channelArn);
    await revokeViewerSession(region, input.channelArn, input);
    return { viewerId: input.viewerId, viewerSessionVersion: input.viewerSessionVersion };
  },
});

export const batchRevokeViewerSessionsAction = defineAction({
  name: 'viewer-session.batch-revoke',
  role: 'operator',
  input: batchRevokeViewerSessionsSchema,
  resource: (input) => input.channelArn,
  run: async ({ input, region }) => {
    await requirePrivateChannel(region, input.channelArn);
    const results = await batchRevokeViewerSessions(region, input.channelArn, input.sessions);
    return { results, started: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length };
  },
});
