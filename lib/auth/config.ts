import 'server-only';
import NextAuth, { type NextAuthConfig } from 'next-auth';
import { encode as encodeToken } from 'next-auth/jwt';
import Credentials from 'next-auth/providers/credentials';
import type { Provider } from 'next-auth/providers';
import { NextResponse } from 'next/server';
import { env } from '@/lib/env';
import { recordAudit } from '@/lib/audit';
import { gitHubProvider, gitHubUrls } from '@/lib/auth/github';
import { demoSignInLimiter } from '@/lib/auth/sign-in-limiter';
import { TooManySignIns } from '@/lib/auth/too-many-sign-ins';
import { groupsFromClaims, mapRole } from '@/lib/auth/role-mapping';
import { isRole, type Role } from '@/lib/auth/roles';
import { resolveAuthSecret } from '@/lib/auth/secret';
import { isPublicPath } from '@/lib/auth/public-paths';
import { memoForgetSession } from '@/lib/auth/session-memo';
import { checkSession, endSession, startSession, type SessionIdentity } from '@/lib/auth/sessions';
import { store } from '@/lib/store';

declare module 'next-auth' {
  interface User {
    role?: Role;
  }
  interface Session {
    user: { email: string; name?: string | null; image?: string | null; role?: Role };
    /** When the token this request carried expires (ISO). `expires` is the refreshed token's, which a page cannot send. */
    tokenExpires?: string;
    /** The console session (lib/auth/sessions.ts) and when its user signed in (ISO). */
    sessionId?: string;
    signedInAt?: string;
  }
}

/** The local demo users; their role is their name. Only ever registered when IVS_MODE=local. */
export const DEMO_USERS = ['admin', 'operator', 'viewer'] as const satisfies readonly Role[];
export const DEMO_PASSWORD = 'local';

// Absolute: a session ends this long after sign-in (lib/auth/sessions.ts refuses it, and the token
// itself is encoded to expire then), however often Auth.js re-issues its cookie.
const sessionMaxAgeSeconds = () => env.SESSION_MAX_AGE_MINUTES * 60;

function providers(): Provider[] {
  if (env.mode === 'local') {
    return [
      Credentials({
        id: 'demo',
        name: 'Demo user',
        credentials: { username: { label: 'Username' }, password: { label: 'Password', type: 'password' } },
        // Both ways in (the login page's form and a POST to /api/auth/callback/demo) end here, so
        // the limit on failed attempts and their audit records cannot be gone around.
        authorize: async (credentials) => {
          const username = String(credentials?.username ?? '')
            .trim()
            .toLowerCase()
            .slice(0, 100);
          const password = String(credentials?.password ?? '');
          const who = username || '(no username)';
          if (demoSignInLimiter.retryAfter(who)) throw new TooManySignIns();
          const role = DEMO_USERS.find((u) => u === username);
          if (!role || password !== DEMO_PASSWORD) {
            demoSignInLimiter.failed(who);
            await recordRefusedSignIn(who, 'wrong username or password');
            return null;
          }
          return { id: role, name: role, email: `${role}@local.test`, role };
        },
      }),
    ];
  }
  const list: Provider[] = [];
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET) {
    list.push({
      id: 'oidc',
      name: env.AUTH_OIDC_NAME,
      type: 'oidc',
      issuer: env.AUTH_OIDC_ISSUER,
      clientId: env.AUTH_OIDC_ID,
      clientSecret: env.AUTH_OIDC_SECRET,
      checks: ['pkce', 'state', 'nonce'],
      authorization: { params: { scope: 'openid email profile' } },
    });
  }
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    list.push(
      gitHubProvider({
        clientId: env.AUTH_GITHUB_ID,
        clientSecret: env.AUTH_GITHUB_SECRET,
        enterpriseUrl: env.AUTH_GITHUB_ENTERPRISE_URL,
        // GitHub refuses before it says who the user is, so the record can only name GitHub.
        onRefused: (reason) => recordRefusedSignIn('unknown GitHub user', reason),
      }),
    );
  }
  return list;
}

/** Which sign-in buttons the login page shows (never the secrets). */
export function signInOptions(): { id: string; name: string }[] {
  return providers()
    .filter((p) => typeof p !== 'function' && p.id !== 'demo')
    .map((p) => ({ id: (p as { id: string }).id, name: (p as { name: string }).name }));
}

/** Where a sign-in redirects the browser: the identity providers' origins (for the CSP's form-action). */
export function signInOrigins(): string[] {
  if (env.mode === 'local') return [];
  const origins = new Set<string>();
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID) origins.add(new URL(env.AUTH_OIDC_ISSUER).origin);
  if (env.AUTH_GITHUB_ID) origins.add(new URL(gitHubUrls(env.AUTH_GITHUB_ENTERPRISE_URL).authorize).origin);
  return [...origins];
}

type Claims = Record<string, unknown> | undefined;

/** What the role is derived from, at sign-in and again every SESSION_ROLE_CHECK_SECONDS (kept with the session). */
function identityAtSignIn(user: { email?: string | null }, provider: string | undefined, profile: Claims): SessionIdentity {
  const claims = profile ?? {};
  return {
    email: user.email ?? (typeof claims.email === 'string' ? claims.email : ''),
    provider: provider ?? 'unknown',
    groups: provider === 'oidc' ? groupsFromClaims(claims, env.AUTH_OIDC_GROUPS_CLAIM) : [],
  };
}

/**
 * The role an identity has under the configuration this process runs with: demo users (local mode
 * only) are their name, everyone else goes through the ROLE_* lists. Called at sign-in and by
 * checkSession, so a user taken off the lists loses the role within the check interval.
 */
function roleOf(identity: SessionIdentity): Role | null {
  if (identity.provider === 'demo') {
    return (env.mode === 'local' && DEMO_USERS.find((u) => `${u}@local.test` === identity.email)) || null;
  }
  return mapRole(identity, {
    emails: { admin: env.ROLE_ADMIN_EMAILS, operator: env.ROLE_OPERATOR_EMAILS, viewer: env.ROLE_VIEWER_EMAILS },
    groups: { admin: env.ROLE_ADMIN_GROUPS, operator: env.ROLE_OPERATOR_GROUPS, viewer: env.ROLE_VIEWER_GROUPS },
    defaultRole: env.ROLE_DEFAULT,
  });
}

/** The role a fresh sign-in gets (an unverified email was refused before this). */
function roleAtSignIn(user: { email?: string | null }, provider: string | undefined, profile: Claims): Role | null {
  return roleOf(identityAtSignIn(user, provider, profile));
}

// Awaited by the caller: on a serverless host the instance may be frozen once the redirect is answered.
/** The audit record of a refused sign-in (never the password or a token). */
export function recordRefusedSignIn(user: string, error: string): Promise<void> {
  return recordAudit({ user, role: 'none', region: env.defaultRegion, action: 'session.sign-in', outcome: 'denied', error });
}

let config: NextAuthConfig | undefined;

// Built on first use rather than at import, so `next build` does not need a secret or the data dir.
function authConfig(): NextAuthConfig {
  config ??= {
    trustHost: true,
    // AUTH_SECRET (and AUTH_SECRET_1..3 for rotation) are read by Auth.js itself when set.
    secret: env.AUTH_SECRET ? undefined : resolveAuthSecret({ mode: env.mode, dataDir: env.DATA_DIR }),
    session: { strategy: 'jwt', maxAge: sessionMaxAgeSeconds() },
    jwt: {
      // Auth.js encodes every re-issued token to live maxAge from now; ours never outlives its session.
      encode: (params) => {
        const ends = typeof params.token?.sessionExpires === 'number' ? params.token.sessionExpires : Infinity;
        const left = Math.floor((ends - Date.now()) / 1000);
        return encodeToken({ ...params, maxAge: Math.max(1, Math.min(params.maxAge ?? sessionMaxAgeSeconds(), left)) });
      },
    },
    pages: { signIn: '/login', error: '/login' },
    providers: providers(),
    callbacks: {
      async signIn({ user, account, profile }) {
        // Sessions, roles and the audit log know users by email: without one the session would be
        // empty and /login would silently send the user round again, so refuse and say why.
        if (!user.email) {
          const subject =
            typeof profile?.sub === 'string'
              ? `sub:${profile.sub}`
              : typeof profile?.login === 'string'
                ? `github:${profile.login}`
                : 'unknown';
          await recordRefusedSignIn(subject, 'the identity provider sent no email claim');
          return '/login?error=NoEmail';
        }
        // Sessions and the audit log name users by email, and an address the identity provider has not
        // verified could be anyone's: it signs no one in, whatever its groups or ROLE_DEFAULT would give
        // (or the audit log would credit its actions to the address's owner). Saying so, rather than
        // 'no role', tells the user that verifying it may be all they need to do.
        if (profile?.email_verified === false) {
          await recordRefusedSignIn(user.email, 'the identity provider says this email address is not verified');
          return '/login?error=EmailUnverified';
        }
        if (roleAtSignIn(user, account?.provider, profile as Claims)) return true;
        await recordRefusedSignIn(user.email, 'no role matches this identity');
        return false;
      },
      // Every way of reading a session (pages, actions and routes through auth(), /api/auth/session,
      // proxy.ts) runs this callback, so this is where an ended session is refused: null makes Auth.js
      // answer "no session" and delete the cookie. The token carries only the session's id; the store
      // says whether it is open and with which role (lib/auth/sessions.ts). A token from before
      // sessions were kept has no id and is refused: its user signs in again.
      async jwt({ token, user, account, profile }) {
        const db = await store();
        if (account && user) {
          const identity = identityAtSignIn(user, account.provider, profile as Claims);
          const role = roleOf(identity);
          if (!role) return null; // the signIn callback refused it already
          const started = await startSession(db, identity, role, { maxAgeMs: sessionMaxAgeSeconds() * 1000 });
          return { ...token, sid: started.id, role, signedInAt: started.signedInAt.getTime(), sessionExpires: started.expiresAt.getTime() };
        }
        if (typeof token.sid !== 'string') return null;
        const open = await checkSession(db, token.sid, { roleCheckMs: env.SESSION_ROLE_CHECK_SECONDS * 1000, deriveRole: roleOf });
        if (!open) return null;
        return { ...token, role: open.role, signedInAt: open.signedInAt.getTime(), sessionExpires: open.expiresAt.getTime() };
      },
      async session({ session, token }) {
        // token.exp is the decoded cookie's own expiry (s); lib/auth/session.ts bounds its memo by it.
        const tokenExpires = typeof token.exp === 'number' ? new Date(token.exp * 1000).toISOString() : undefined;
        const signedInAt = typeof token.signedInAt === 'number' ? new Date(token.signedInAt).toISOString() : undefined;
        const sessionId = typeof token.sid === 'string' ? token.sid : undefined;
        return {
          ...session,
          tokenExpires,
          sessionId,
          signedInAt,
          user: { ...session.user, role: isRole(token.role) ? token.role : undefined },
        };
      },
      // Used by proxy.ts: an optimistic redirect for pages only. Actions and routes check for themselves.
      authorized({ request, auth }) {
        if (auth?.user || isPublicPath(request.nextUrl.pathname) || request.headers.has('next-action')) return true;
        const login = new URL('/login', request.nextUrl);
        const back = request.nextUrl.pathname + request.nextUrl.search;
        if (back !== '/') login.searchParams.set('callbackUrl', back);
        return NextResponse.redirect(login);
      },
    },
    events: {
      // Any sign-out (the console's action, or a POST to /api/auth/signout) ends the session in the store.
      async signOut(message) {
        const sid = 'token' in message ? message.token?.sid : undefined;
        if (typeof sid !== 'string') return;
        memoForgetSession(sid);
        await endSession(await store(), sid, 'signed out');
      },
      async signIn({ user, account, profile }) {
        const role = roleAtSignIn(user, account?.provider, profile as Claims);
        await recordAudit({
          user: user.email ?? 'unknown',
          role: role ?? 'unknown',
          region: env.defaultRegion,
          action: 'session.sign-in',
          outcome: 'success',
        });
      },
    },
  };
  return config;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig());
