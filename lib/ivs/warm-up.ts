import 'server-only';
import { referenceNames } from '@/lib/ivs/reference-names';
import { ivsClient } from '@/lib/ivs/client';
import { warmLiveSnapshot } from '@/lib/ivs/live-snapshot';
import { consoleAccount } from '@/lib/ivs/account';

/**
 * Called at server start (instrumentation.ts) for the default region, without waiting: creates the
 * IVS client (endpoint, credentials) and fills the shared caches the channel list reads (reference
 * names, one live-snapshot pass), so the first view costs one ListChannels call like any other.
 * The live refresher itself only starts when someone reads the region. Failures are left for the
 * first view to report.
 */
export function warmRegion(region: string): void {
  ivsClient(region);
  referenceNames(region).catch(() => undefined);
  warmLiveSnapshot(region).catch(() => undefined);
  // Learned once per process (at most one STS call); started here so no view or action waits for it.
  void consoleAccount();
}
