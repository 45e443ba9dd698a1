import 'server-only';
import { BatchStartViewerSessionRevocationCommand, StartViewerSessionRevocationCommand } from '@aws-sdk/client-ivs';
import { ivsClient } from '@/lib/ivs/client';
import { describeIvsError } from '@/lib/ivs/errors';
import { REVOCATION_BATCH_SIZE } from '@/lib/ivs/schemas/playback-key';
import { chunk, type ViewerSessionRef } from '@/lib/playback/viewer-list';

/** One viewer's outcome in a batch: IVS started revoking it, or said why not. */
export interface RevocationItemResult {
  viewerId: string;
  viewerSessionVersion?: number;
  ok: boolean;
  code?: string;
  message?: string;
}

export async function revokeViewerSession(region: string, channelArn: string, ref: ViewerSessionRef): Promise<void> {
  await ivsClient(region).send(
    new StartViewerSessionRevocationCommand({
      channelArn,
      viewerId: ref.viewerId,
      viewerSessionVersionsLessThanOrEqualTo: ref.viewerSessionVersion,
    }),
  );
}

/**
 * BatchStartViewerSessionRevocation in calls of 20 (the API's limit). IVS reports per-item failures
 * in `errors`; a call that fails as a whole marks its 20 items with that error and the rest go on.
 */
export async function batchRevokeViewerSessions(
  region: string,
  channelArn: string,
  refs: ViewerSessionRef[],
): Promise<RevocationItemResult[]> {
  const results: RevocationItemResult[] = [];
  for (const group of chunk(refs, REVOCATION_BATCH_SIZE)) {
    try {
      const res = await ivsClient(region).send(
        new BatchStartViewerSessionRevocationCommand({
          viewerSessions: group.map((r) => ({
            channelArn,
            viewerId: r.viewerId,
            viewerSessionVersionsLessThanOrEqualTo: r.viewerSessionVersion,
          })),
        }),
      );
      const errors = res.errors ?? [];
      for (const ref of group) {
        const error = errors.find((e) => e.viewerId === ref.viewerId);
        results.push(error ? { ...ref, ok: false, code: error.code, message: error.message || error.code } : { ...ref, ok: true });
      }
    } catch (error) {
      const info = describeIvsError(error);
      for (const ref of group) results.push({ ...ref, ok: false, code: info.code, message: info.message });
    }
  }
  return results;
}
