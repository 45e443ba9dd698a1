import { ListChannelsCommand } from '@aws-sdk/client-ivs';
import { env } from '@/lib/env';
import { ivsClient } from '@/lib/ivs/client';

// Public liveness/readiness probe. It answers without a session, so it reveals nothing but the mode and
// region, and it asks IVS at most once per PROBE_TTL so it cannot be used to hammer the AWS account.
const PROBE_TIMEOUT_MS = 2500;
const PROBE_TTL_MS = 10_000;

let last: { at: number; result: Promise<'reachable' | 'unreachable'> } | undefined;

async function probeIvs(): Promise<'reachable' | 'unreachable'> {
  try {
    await ivsClient(env.defaultRegion).send(new ListChannelsCommand({ maxResults: 1 }), {
      abortSignal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    return 'reachable';
  } catch (error) {
    // An IVS error answer (AccessDenied, Throttling…) still proves the service is reachable.
    return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode ? 'reachable' : 'unreachable';
  }
}

export async function GET(): Promise<Response> {
  if (!last || Date.now() - last.at > PROBE_TTL_MS) last = { at: Date.now(), result: probeIvs() };
  const ivs = await last.result;
  return Response.json(
    { ok: true, mode: env.mode, region: env.defaultRegion, ivs },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
