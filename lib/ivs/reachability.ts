import 'server-only';
import { ListChannelsCommand } from '@aws-sdk/client-ivs';
import { ivsClient } from '@/lib/ivs/client';

const PROBE_TIMEOUT_MS = 2500;

/** Whether IVS answers in this region: one ListChannels of one row, given up after 2.5 s. */
export async function probeIvs(region: string): Promise<'reachable' | 'unreachable'> {
  try {
    await ivsClient(region).send(new ListChannelsCommand({ maxResults: 1 }), { abortSignal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return 'reachable';
  } catch (error) {
    // An IVS error answer (AccessDenied, Throttling…) still proves the service is reachable.
    return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode ? 'reachable' : 'unreachable';
  }
}
