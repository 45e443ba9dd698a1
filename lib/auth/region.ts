import 'server-only';
import { cookies } from 'next/headers';
import { env } from '@/lib/env';
import { getSessionUser } from '@/lib/auth/session';
import { preferredRegion } from '@/lib/preferences';
import { isIvsRegion, REGION_COOKIE } from '@/lib/ivs/regions';

/**
 * The region this browser chose with the region switcher; in a browser that has not chosen yet, the
 * region the user last chose anywhere (preferences.json); else the configured default.
 */
export async function currentRegion(): Promise<string> {
  const chosen = (await cookies()).get(REGION_COOKIE)?.value;
  if (isIvsRegion(chosen)) return chosen;
  const user = await getSessionUser();
  const saved = user ? await preferredRegion(user.email).catch(() => undefined) : undefined;
  return saved ?? env.defaultRegion;
}
