import 'server-only';
import { cookies } from 'next/headers';
import { env } from '@/lib/env';
import { isIvsRegion, REGION_COOKIE } from '@/lib/ivs/regions';

/** The region this browser chose with the region switcher, else the configured default. */
export async function currentRegion(): Promise<string> {
  const chosen = (await cookies()).get(REGION_COOKIE)?.value;
  return isIvsRegion(chosen) ? chosen : env.defaultRegion;
}
