import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { auth } from '@/lib/auth/config';
import { isPublicPath } from '@/lib/auth/public-paths';
import { memoGet, sessionTokenKey } from '@/lib/auth/session-memo';
import { localEmulatorOrigin } from '@/lib/ivs/playback-endpoint';
import { contentSecurityPolicy } from '@/lib/security/csp';

// Only an optimistic redirect to /login (the `authorized` callback in lib/auth/config.ts). The real
// checks are requireUser in pages, defineAction in actions and guardedRoute in route handlers.
const authProxy = auth as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response | undefined>;

const HSTS = 'max-age=63072000; includeSubDomains';

// In local mode the test player loads HLS from the emulator, whose port is only known at run time.
const emulatorOrigin = localEmulatorOrigin();
const localCsp = emulatorOrigin ? contentSecurityPolicy({ dev: process.env.NODE_ENV !== 'production', localPlaybackOrigin: emulatorOrigin }) : null;

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  // Public paths (login, health, API routes that answer 401 themselves) skip the session lookup.
  // A token a page read in the last 30 s (lib/auth/session-memo.ts) skips Auth.js's decrypt and
  // re-encrypt here too; Auth.js still sees (and re-issues) the cookie at least every 30 s.
  const known = () => {
    const key = sessionTokenKey(request.cookies.getAll());
    return !!key && !!memoGet(key);
  };
  // Server-action POSTs skip it too: Auth.js would re-issue the session cookie on the action's
  // response, so sign-out answered with a refreshed token before its deletion. defineAction checks
  // the session itself, and the `authorized` callback lets action POSTs through anyway (no redirect).
  const action = request.method === 'POST' && request.headers.has('next-action');
  const response =
    isPublicPath(request.nextUrl.pathname) || action || known() ? NextResponse.next() : ((await authProxy(request, event)) ?? NextResponse.next());
  // HSTS only means something over https; behind a TLS-terminating proxy that shows in x-forwarded-proto.
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? request.nextUrl.protocol.replace(':', '');
  if (proto === 'https') response.headers.set('Strict-Transport-Security', HSTS);
  // Replaces the build-time policy from next.config.js (a proxy's headers win over config headers).
  if (localCsp) response.headers.set('Content-Security-Policy', localCsp);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
