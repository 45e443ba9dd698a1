import { resourceNotFound } from '../errors';
import type { HandlerTable, OpContext } from './context';

interface Revoke {
  channelArn: string;
  viewerId: string;
  viewerSessionVersionsLessThanOrEqualTo?: number;
}

// Recorded so the control API can show them; a later change enforces them on playback tokens.
function revoke(ctx: OpContext, r: Revoke): void {
  if (!ctx.state.channels.get(r.channelArn)) throw resourceNotFound(r.channelArn);
  ctx.state.revocations.push({
    channelArn: r.channelArn,
    viewerId: r.viewerId,
    viewerSessionVersionsLessThanOrEqualTo: r.viewerSessionVersionsLessThanOrEqualTo ?? 0,
    revokedAt: ctx.now.toISOString(),
  });
}

export const viewerRevocationOps: HandlerTable = {
  StartViewerSessionRevocation(ctx, input: Revoke) {
    revoke(ctx, input);
    ctx.store.changed();
  },

  BatchStartViewerSessionRevocation(ctx, input: { viewerSessions: Revoke[] }) {
    const errors: unknown[] = [];
    for (const session of input.viewerSessions) {
      try {
        revoke(ctx, session);
      } catch (err) {
        const e = err as Error & { code?: string };
        errors.push({
          channelArn: session.channelArn,
          viewerId: session.viewerId,
          code: e.code ?? 'InternalServerException',
          message: e.message,
        });
      }
    }
    ctx.store.changed();
    return { errors };
  },
};
