import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { auth, signInOrigins } from '@/lib/auth/config';
import { isPublicPath } from '@/lib/auth/public-paths';
import { memoGet, sessionTokenKey } from '@/lib/auth/session-memo';
import { localEmulatorOrigin } from '@/lib/ivs/playback-endpoint';
import { createNonce, noncePolicy } from '@/lib/security/csp';
import { actionBodyRefusal, actionOriginRefusal, type Refusal } from '@/lib/security/action-request';
import { env } from '@/lib/env';

// Only an optimistic redirect to /login (the `authorized` callback in lib/auth/config.ts). The real
// checks are requireUser in pages, defineAction in actions and guardedRoute in route handlers.
const authProxy = auth as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response | undefined>;

const HSTS = 'max-age=63072000; includeSubDomains';

// Built once; per page request only the nonce changes. In local mode the test player loads HLS from
// the emulator, whose port is only known at run time.
const pagePolicy = noncePolicy({
  dev: process.env.NODE_ENV !== 'production',
  localPlaybackOrigin: localEmulatorOrigin(),
  signInOrigins: signInOrigins(),
});

// A nonce only matters where HTML is rendered: not API routes, nor RSC fetches (client navigations,
// prefetches), which keep next.config.js's policy (no inline scripts at all).
function rendersHtml(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  return pathname !== '/api' && !pathname.startsWith('/api/') && request.headers.get('rsc') !== '1';
}

// Next stamps its inline and bootstrap scripts with the nonce it finds in the request's CSP header,
// and components/shell/theme-script.tsx reads x-nonce; NextResponse.next({ request }) is how a
// proxy hands changed request headers on. From Auth.js's pass-through only its cookies matter.
function nextWithNonce(request: NextRequest, passed: Response | null): NextResponse {
  const nonce = createNonce();
  const csp = pagePolicy(nonce);
  const headers = forwardedHeaders(request);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers } });
  for (const cookie of passed?.headers.getSetCookie() ?? []) response.headers.append('set-cookie', cookie);
  // Replaces the build-time policy from next.config.js (a proxy's headers win over config headers).
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

// X-Forwarded-Host is what the client wrote unless a proxy in front is trusted to set it
// (TRUST_FORWARDED_HOST); then Next's own action origin check must not see it either.
function forwardedHeaders(request: NextRequest): Headers {
  const headers = new Headers(request.headers);
  if (!env.TRUST_FORWARDED_HOST) headers.delete('x-forwarded-host');
  return headers;
}

// The origins Next was built to accept (next.config.js), as its own check uses them.
const builtOrigins = (process.env.BUILT_SERVER_ACTIONS_ALLOWED_ORIGINS ?? '').split(',').filter(Boolean);
const ACTION_POLICY = { allowedOrigins: builtOrigins, trustForwardedHost: env.TRUST_FORWARDED_HOST };

// A refused action call gets a 4xx here; past this point Next would answer it with a 500.
async function actionRefusal(request: NextRequest): Promise<Refusal | null> {
  return actionOriginRefusal(request.headers, ACTION_POLICY) ?? (await actionBodyRefusal(request));
}

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
  const refusal = action ? await actionRefusal(request) : null;
  if (refusal)
    return new NextResponse(refusal.message, { status: refusal.status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const passed =
    isPublicPath(request.nextUrl.pathname) || action || known() ? null : ((await authProxy(request, event)) ?? NextResponse.next());
  // A page gets a fresh nonce unless Auth.js answered with its redirect to /login, which renders
  // nothing (NextResponse.next() marks a pass-through with x-middleware-next).
  const page = rendersHtml(request) && (!passed || passed.headers.get('x-middleware-next') === '1');
  const response = page
    ? nextWithNonce(request, passed)
    : (passed ?? (action ? NextResponse.next({ request: { headers: forwardedHeaders(request) } }) : NextResponse.next()));
  // HSTS only means something over https; behind a TLS-terminating proxy that shows in x-forwarded-proto.
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? request.nextUrl.protocol.replace(':', '');
  if (proto === 'https') response.headers.set('Strict-Transport-Security', HSTS);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
