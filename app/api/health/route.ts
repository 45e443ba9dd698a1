import { env } from '@/lib/env';
import { probeIvs } from '@/lib/ivs/reachability';

// Public liveness/readiness probe. It answers without a session, so it reveals nothing but the mode and
// region, and it asks IVS at most once per PROBE_TTL so it cannot be used to hammer the AWS account.
const PROBE_TTL_MS = 10_000;

let last: { at: number; result: Promise<'reachable' | 'unreachable'> } | undefined;

export async function GET(): Promise<Response> {
  if (!last || Date.now() - last.at > PROBE_TTL_MS) last = { at: Date.now(), result: probeIvs(env.defaultRegion) };
  const ivs = await last.result;
  return Response.json(
    { ok: true, mode: env.mode, region: env.defaultRegion, ivs },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
