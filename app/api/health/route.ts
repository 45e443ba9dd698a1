import { env } from '@/lib/env';
import { probeIvs } from '@/lib/ivs/reachability';
import { store } from '@/lib/store';
import { probeStore } from '@/lib/store/health';

// Public liveness/readiness probe. It answers without a session, so it reveals nothing but the mode and
// region, and it asks IVS at most once per PROBE_TTL so it cannot be used to hammer the AWS account.
// An unreachable IVS is reported but still 200 (the console runs, and says so on its pages); a store
// that cannot open is 503, since without it nothing is audited and reveals are refused.
const PROBE_TTL_MS = 10_000;

let last: { at: number; result: Promise<'reachable' | 'unreachable'> } | undefined;

export async function GET(): Promise<Response> {
  if (!last || Date.now() - last.at > PROBE_TTL_MS) last = { at: Date.now(), result: probeIvs(env.defaultRegion) };
  const [ivs, storeState] = await Promise.all([last.result, probeStore(store)]);
  const ok = storeState === 'ok';
  return Response.json(
    { ok, mode: env.mode, region: env.defaultRegion, ivs, store: storeState },
    { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
