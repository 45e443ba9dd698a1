import { IvsClient, ListChannelsCommand } from '@aws-sdk/client-ivs';
import { awsBaseUrl, baseUrl, emulatorUrl, githubEnterpriseUrl, oidcIssuerUrl } from './servers';

// A fresh `next start` answers each route family's first request slowly (its server chunks load and
// V8 compiles them): seconds on a busy 2-core machine, enough to push a test that happens to be first
// past its timeout. So every route family is requested once, on both consoles and both identity
// providers, before the first test. Nothing here asserts: a slow or failed answer only means less warm.

// Every page and route handler of the app, with ids that exist (a channel) or not (the rest: the
// not-found answer loads the same route code).
const consolePaths = (channelId: string) => [
  '/',
  '/channels',
  '/channels?tagKey=env',
  '/channels/new',
  `/channels/${channelId}`,
  `/channels/${channelId}/edit`,
  `/channels/${channelId}/sessions/warm-up`,
  '/live',
  '/audit',
  '/sessions',
  '/alerts',
  '/playback-keys',
  '/playback-keys/new',
  '/playback-keys/generate',
  '/playback-keys/token',
  '/playback-keys/warm-up',
  '/recording-configurations',
  '/recording-configurations/new',
  '/recording-configurations/warm-up',
  '/restriction-policies',
  '/restriction-policies/new',
  '/restriction-policies/warm-up',
  '/restriction-policies/warm-up/edit',
  '/api/streams',
  '/api/channels/export?format=csv',
  '/api/health',
];

/** Cookies a response set, as one Cookie header value merged over what the jar had. */
function remember(jar: Map<string, string>, res: Response): string {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair.indexOf('=');
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

async function get(url: string, cookie = ''): Promise<Response> {
  const res = await fetch(url, { headers: { cookie }, redirect: 'manual', signal: AbortSignal.timeout(60_000) });
  await res.arrayBuffer();
  return res;
}

/** Auth.js's sign-in POST for a provider; answers with a redirect (the issuer, or the console after credentials). */
async function authPost(origin: string, path: string, form: Record<string, string>, jar: Map<string, string>): Promise<Response> {
  const csrfRes = await fetch(`${origin}/api/auth/csrf`, { signal: AbortSignal.timeout(60_000) });
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken, callbackUrl: `${origin}/channels`, ...form });
  const res = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: remember(jar, csrfRes), origin },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(60_000),
  });
  remember(jar, res);
  await res.arrayBuffer();
  return res;
}

async function warmLocalConsole(): Promise<void> {
  const jar = new Map<string, string>();
  await get(`${baseUrl}/login`);
  await authPost(baseUrl, '/api/auth/callback/demo', { username: 'admin', password: 'local' }, jar);
  if (![...jar.keys()].some((name) => name.endsWith('session-token'))) throw new Error('the demo sign-in gave no session');
  const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const ivs = new IvsClient({ endpoint: emulatorUrl, region: 'us-west-2', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const channelArn = (await ivs.send(new ListChannelsCommand({ maxResults: 1 }))).channels?.[0]?.arn ?? 'warm-up';
  ivs.destroy();
  for (const path of consolePaths(channelArn.split('/').pop()!)) await get(`${baseUrl}${path}`, cookie);
}

// The aws-mode console as far as each identity provider's login form: its sign-in route (which
// reads the issuer's discovery document the first time), the provider's authorize endpoint and form.
async function warmAwsConsole(): Promise<void> {
  await get(`${awsBaseUrl}/login`);
  await get(`${awsBaseUrl}/channels`);
  await get(`${awsBaseUrl}/api/auth/providers`);
  for (const provider of ['oidc', 'github']) {
    const jar = new Map<string, string>();
    const signIn = await authPost(awsBaseUrl, `/api/auth/signin/${provider}`, {}, jar);
    let location = signIn.headers.get('location');
    // Follow the provider's own redirects (authorize -> interaction form) with its cookies.
    const providerJar = new Map<string, string>();
    for (let hop = 0; location && hop < 5; hop++) {
      const url = new URL(location);
      if (![new URL(oidcIssuerUrl).origin, new URL(githubEnterpriseUrl).origin].includes(url.origin)) break;
      const res = await fetch(url, {
        headers: { cookie: [...providerJar].map(([k, v]) => `${k}=${v}`).join('; ') },
        redirect: 'manual',
        signal: AbortSignal.timeout(60_000),
      });
      remember(providerJar, res);
      await res.arrayBuffer();
      location = res.headers.get('location');
      if (location?.startsWith('/')) location = new URL(location, url).href;
    }
  }
}

export async function warmUp(): Promise<void> {
  const started = Date.now();
  const results = await Promise.allSettled([warmLocalConsole(), warmAwsConsole()]);
  const failed = results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason));
  console.log(
    `[e2e] servers warmed up in ${((Date.now() - started) / 1000).toFixed(1)} s${failed.length ? ` (partly: ${failed.join('; ')})` : ''}`,
  );
}
