import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthError, CredentialsSignin } from 'next-auth';
import { TooManySignIns } from '@/lib/auth/too-many-sign-ins';
import { LoginForm, type LoginState } from '@/components/auth/login-form';
import { Button } from '@/components/ui/button';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { DEMO_PASSWORD, DEMO_USERS, signIn, signInOptions } from '@/lib/auth/config';
import { ROLE_DESCRIPTIONS } from '@/lib/auth/roles';
import { getSessionUser } from '@/lib/auth/session';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Sign in' };

// Auth.js sends refused sign-ins back here with ?error=<type>.
const ERRORS: Record<string, string> = {
  AccessDenied: 'Your account has no role in this console. Ask an administrator to add your email or group.',
  NoEmail:
    'Your identity provider did not send an email address, which the console needs to know who you are. Ask an administrator to have it send one (with OpenID Connect: the email claim in the ID token).',
  EmailUnverified:
    'Your identity provider says your email address is not verified, so the console cannot sign you in with it. Verify it with your provider (on GitHub: Settings, Emails) and sign in again.',
  // Auth.js's name for "the provider answered with an error": GitHub does so for an unverified primary email.
  OAuthCallbackError:
    'Your identity provider refused to sign you in. GitHub does this when your primary email address is not verified: verify it under Settings, Emails, then sign in again.',
  Configuration: 'Sign-in is not configured correctly on the server. Check the server log.',
  Verification: 'The sign-in link is no longer valid. Try again.',
};

// The two server functions below are the console's only unguarded ones: signing in needs no session.
// (test/actions-guarded.test.ts allows inline 'use server' in this file only.)
async function signInWithDemo(_prev: LoginState, form: FormData): Promise<LoginState> {
  'use server';
  const username = String(form.get('username') ?? '').slice(0, 100);
  if (env.mode !== 'local') return { error: 'Demo sign-in is only available with the local emulator.', username };
  try {
    await signIn('demo', {
      username,
      password: String(form.get('password') ?? ''),
      redirectTo: safeCallbackUrl(form.get('callbackUrl')),
    });
  } catch (error) {
    // Success is a thrown redirect, which must propagate; only Auth.js refusals are answered here.
    if (error instanceof TooManySignIns || (error instanceof CredentialsSignin && error.code === new TooManySignIns().code)) {
      return { error: 'Too many failed sign-ins. Wait a few minutes and try again.', username };
    }
    if (error instanceof AuthError) return { error: 'Wrong username or password', username };
    throw error;
  }
  return {};
}

async function signInWithProvider(form: FormData): Promise<void> {
  'use server';
  const provider = String(form.get('provider') ?? '');
  if (!signInOptions().some((p) => p.id === provider)) redirect('/login');
  await signIn(provider, { redirectTo: safeCallbackUrl(form.get('callbackUrl')) });
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const error = typeof params.error === 'string' ? (ERRORS[params.error] ?? 'Sign-in failed. Try again.') : undefined;
  const providers = env.mode === 'local' ? [] : signInOptions();

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <h1 className="mb-1 text-2xl font-semibold tracking-tight">Sign in to IVS Console</h1>
        <p className="mb-6 text-sm text-zinc-600 dark:text-zinc-400">
          {env.mode === 'local' ? 'Local mode: the console talks to the IVS emulator, not to AWS.' : `Amazon IVS, ${env.defaultRegion}.`}
        </p>
        <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
          {error && (
            <p
              role="alert"
              className="mb-4 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-300"
            >
              {error}
            </p>
          )}
          {env.mode === 'local' ? (
            <LoginForm action={signInWithDemo} callbackUrl={callbackUrl} />
          ) : providers.length ? (
            <div className="space-y-3">
              {providers.map((p) => (
                <form key={p.id} action={signInWithProvider}>
                  <input type="hidden" name="provider" value={p.id} />
                  <input type="hidden" name="callbackUrl" value={callbackUrl} />
                  <Button type="submit" variant={p.id === 'oidc' ? 'primary' : 'secondary'} className="w-full">
                    Sign in with {p.name}
                  </Button>
                </form>
              ))}
            </div>
          ) : (
            <p className="text-sm text-zinc-700 dark:text-zinc-300">
              No sign-in method is configured. Set AUTH_OIDC_ISSUER, AUTH_OIDC_ID and AUTH_OIDC_SECRET (or AUTH_GITHUB_ID and
              AUTH_GITHUB_SECRET) and restart the console.
            </p>
          )}
        </div>
        {env.mode === 'local' && (
          <section aria-labelledby="demo-users" className="mt-6 text-sm">
            <h2 id="demo-users" className="font-medium">
              Demo users
            </h2>
            <p className="mb-2 text-zinc-600 dark:text-zinc-400">
              Each signs in with <code className="font-mono">{DEMO_PASSWORD}</code> and has the role of the same name.
            </p>
            <ul className="space-y-1.5">
              {DEMO_USERS.map((u) => (
                <li key={u} className="flex items-baseline gap-2">
                  <code className="w-16 shrink-0 font-mono">{u}</code>
                  <span className="text-zinc-600 dark:text-zinc-400">{ROLE_DESCRIPTIONS[u]}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}
