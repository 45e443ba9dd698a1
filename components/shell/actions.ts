'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { ActionError, defineAction } from '@/lib/auth/action';
import { regionSwitchLimiter } from '@/lib/auth/per-user-limiter';
import { signOut } from '@/lib/auth/config';
import { memoForgetSession } from '@/lib/auth/session-memo';
import { endSession } from '@/lib/auth/sessions';
import { IVS_REGIONS, REGION_COOKIE, type IvsRegion } from '@/lib/ivs/regions';
import { savePreferredRegion } from '@/lib/preferences';
import { store } from '@/lib/store';

const regionIds = IVS_REGIONS.map((r) => r.id) as [IvsRegion, ...IvsRegion[]];

/**
 * Switches the IVS region for this browser, and remembers it for the user's other browsers. Recorded
 * only when the region changes, and at most REGION_SWITCHES_PER_MINUTE times a minute per user: more
 * are refused without a record, so a loop of calls cannot fill the audit log.
 */
export const setRegionAction = defineAction({
  name: 'region.set',
  role: 'viewer',
  input: z.object({ region: z.enum(regionIds, { message: 'Choose one of the listed regions.' }) }),
  run: async ({ input, user, region }) => {
    const changed = input.region !== region;
    if (changed && !regionSwitchLimiter.take(user.email).allowed) {
      throw new ActionError('Too many region switches in the last minute. Wait a moment and try again.', 'TooManyRequests', true);
    }
    (await cookies()).set(REGION_COOKIE, input.region, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      maxAge: 60 * 60 * 24 * 365,
    });
    await savePreferredRegion(user.email, input.region).catch((error: Error) =>
      console.error(`[preferences] could not save region for ${user.email}: ${error.message}`),
    );
    return { region: input.region, changed };
  },
  auditSuccess: (_input, data) => data.changed,
});

/** Ends the session, on the server too (a copy of the cookie stops working); the client then navigates to /login. */
export const signOutAction = defineAction({
  name: 'session.sign-out',
  role: 'viewer',
  input: z.object({}),
  run: async ({ user }) => {
    // The region cookie belongs to this user: the next person to sign in here gets their own saved region.
    (await cookies()).delete(REGION_COOKIE);
    // Ended in the store before the cookie is deleted, so a failure here leaves the user signed in
    // (and told) rather than signed out in this browser only.
    await endSession(await store(), user.sessionId, 'signed out');
    memoForgetSession(user.sessionId);
    await signOut({ redirect: false });
    return null;
  },
});
