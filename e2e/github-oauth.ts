import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { GITHUB_ACCOUNTS, GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET, GITHUB_PASSWORD, type GitHubAccount } from './github-accounts';
import { awsBaseUrl, E2E_GITHUB_PORT, githubEnterpriseUrl } from './servers';

// A stand-in for a GitHub Enterprise Server, the way the emulator stands in for IVS: the aws-mode e2e
// console (AUTH_GITHUB_ENTERPRISE_URL) signs users in through it with GitHub's OAuth web application
// flow (`npx tsx e2e/github-oauth.ts`). It keeps to GitHub's documentation ("Authorizing OAuth apps",
// "Troubleshooting authorization request errors", "Troubleshooting OAuth app access token request
// errors", REST "Get the authenticated user" and "List email addresses for the authenticated user"):
//   GET  /login/oauth/authorize      client_id, redirect_uri, state, scope, code_challenge(_method)
//   POST /login/oauth/access_token   client_id, client_secret, code, redirect_uri, code_verifier; errors
//                                    come with status 200; JSON or XML only when Accept asks for it
//   GET  /api/v3/user, /api/v3/user/emails   Bearer (or `token`) auth, a User-Agent required
// Its own: the login form (GitHub's is a web page nobody documents) and no consent screen (GitHub
// shows one on a user's first authorization; it is between the user and GitHub). Memory only.

const CALLBACK_URL = `${awsBaseUrl}/api/auth/callback/github`; // the OAuth app's registered callback
const DOCS = 'https://docs.github.com/enterprise-server/apps/oauth-apps/maintaining-oauth-apps';
const CODE_TTL_MS = 10 * 60_000; // "The temporary code will expire after 10 minutes."

interface AuthorizationRequest {
  redirectUri?: string;
  state?: string;
  scopes: string[];
  codeChallenge?: string;
}
interface Grant extends AuthorizationRequest {
  login: string;
  expires: number;
}

const accounts: GitHubAccount[] = Object.values(GITHUB_ACCOUNTS);
const pending = new Map<string, AuthorizationRequest>();
const codes = new Map<string, Grant>();
const tokens = new Map<string, { login: string; scopes: string[] }>();

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const random = (bytes: number) => randomBytes(bytes).toString('hex');
const isLoopback = (host: string) => host === '127.0.0.1' || host === '[::1]';

/** GitHub's rule: same host (sub-domains allowed) and port, a path at or below the callback's; any port on loopback. */
function redirectUriMatches(candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  const callback = new URL(CALLBACK_URL);
  const hostOk = url.hostname === callback.hostname || url.hostname.endsWith(`.${callback.hostname}`);
  const portOk = url.port === callback.port || (isLoopback(callback.hostname) && url.hostname === callback.hostname);
  const pathOk = url.pathname === callback.pathname || url.pathname.startsWith(`${callback.pathname}/`);
  return url.protocol === callback.protocol && hostOk && portOk && pathOk;
}

function redirectWith(res: ServerResponse, target: string, params: Record<string, string | undefined>) {
  const url = new URL(target);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  res.writeHead(302, { location: url.toString() }).end();
}

function loginPage(res: ServerResponse, requestId: string, login = '', error?: string) {
  res.writeHead(error ? 401 : 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in to GitHub Enterprise (stand-in)</title></head>
<body><main>
<h1>Sign in to GitHub Enterprise</h1>
<p>to continue to the IVS console</p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/session">
<input type="hidden" name="request" value="${escapeHtml(requestId)}">
<label>Username or email address <input name="login" autocomplete="username" value="${escapeHtml(login)}" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit" name="decision" value="authorize">Sign in</button>
<button type="submit" name="decision" value="cancel" formnovalidate>Cancel</button>
</form>
</main></body></html>`);
}

function authorize(url: URL, res: ServerResponse) {
  const q = url.searchParams;
  if (q.get('client_id') !== GITHUB_CLIENT_ID) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
  const state = q.get('state') ?? undefined;
  const redirectUri = q.get('redirect_uri') ?? undefined;
  if (redirectUri && !redirectUriMatches(redirectUri)) {
    return redirectWith(res, CALLBACK_URL, {
      error: 'redirect_uri_mismatch',
      error_description: 'The redirect_uri MUST match the registered callback URL for this application.',
      error_uri: `${DOCS}/troubleshooting-authorization-request-errors#redirect-uri-mismatch`,
      state,
    });
  }
  // "Required if code_challenge_method is included" (and the reverse); "Must be S256".
  const challenge = q.get('code_challenge') ?? undefined;
  const method = q.get('code_challenge_method') ?? undefined;
  if (!!challenge !== !!method || (method && method !== 'S256') || (challenge && challenge.length !== 43)) {
    return void res
      .writeHead(400, { 'content-type': 'text/plain' })
      .end('code_challenge must be a 43-character S256 challenge, sent with code_challenge_method=S256');
  }
  const requestId = random(16);
  pending.set(requestId, { redirectUri, state, scopes: (q.get('scope') ?? '').split(/[\s,]+/).filter(Boolean), codeChallenge: challenge });
  loginPage(res, requestId);
}

async function readBody(req: IncomingMessage): Promise<Record<string, string>> {
  let body = '';
  for await (const chunk of req) body += chunk;
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(body || '{}') as Record<string, string>;
  return Object.fromEntries(new URLSearchParams(body));
}

async function session(req: IncomingMessage, res: ServerResponse) {
  const form = await readBody(req);
  const request = pending.get(form.request ?? '');
  if (!request)
    return void res
      .writeHead(422, { 'content-type': 'text/plain' })
      .end('This sign-in request has expired. Start again from the application.');
  const back = request.redirectUri ?? CALLBACK_URL;
  if (form.decision === 'cancel') {
    pending.delete(form.request);
    return redirectWith(res, back, {
      error: 'access_denied',
      error_description: 'The user has denied your application access.',
      error_uri: `${DOCS}/troubleshooting-authorization-request-errors#access-denied`,
      state: request.state,
    });
  }
  const login = (form.login ?? '').trim().toLowerCase();
  const account = accounts.find((a) => a.login === login || a.emails.some((e) => e.email === login));
  if (!account || form.password !== GITHUB_PASSWORD) return loginPage(res, form.request, form.login, 'Incorrect username or password.');
  pending.delete(form.request);
  const code = random(10);
  codes.set(code, { ...request, login: account.login, expires: Date.now() + CODE_TTL_MS });
  redirectWith(res, back, { code, state: request.state });
}

type TokenAnswer = Record<string, string>;

/** Errors too come with status 200; the format follows Accept (form encoding by default). */
function answerToken(req: IncomingMessage, res: ServerResponse, answer: TokenAnswer) {
  const accept = req.headers.accept ?? '';
  if (accept.includes('application/json'))
    return void res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(answer));
  if (accept.includes('application/xml')) {
    const fields = Object.entries(answer)
      .map(([k, v]) => `<${k}>${escapeHtml(v)}</${k}>`)
      .join('');
    return void res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' }).end(`<OAuth>${fields}</OAuth>`);
  }
  res.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }).end(new URLSearchParams(answer).toString());
}

const tokenError = (error: string, description: string, anchor: string): TokenAnswer => ({
  error,
  error_description: description,
  error_uri: `${DOCS}/troubleshooting-oauth-app-access-token-request-errors#${anchor}`,
});

async function accessToken(req: IncomingMessage, res: ServerResponse) {
  const p = await readBody(req);
  if (p.client_id !== GITHUB_CLIENT_ID || p.client_secret !== GITHUB_CLIENT_SECRET) {
    return answerToken(
      req,
      res,
      tokenError(
        'incorrect_client_credentials',
        'The client_id and/or client_secret passed are incorrect.',
        'incorrect-client-credentials',
      ),
    );
  }
  const grant = codes.get(p.code ?? '');
  codes.delete(p.code ?? ''); // a code is good for one exchange
  const badCode = tokenError('bad_verification_code', 'The code passed is incorrect or expired.', 'bad-verification-code');
  if (!grant || grant.expires < Date.now()) return answerToken(req, res, badCode);
  if (grant.redirectUri && p.redirect_uri !== grant.redirectUri) {
    return answerToken(
      req,
      res,
      tokenError(
        'redirect_uri_mismatch',
        'The redirect_uri MUST match the registered callback URL for this application.',
        'redirect-uri-mismatch',
      ),
    );
  }
  // PKCE: "Required if code_challenge was sent during the user authorization". GitHub documents no
  // error of its own for a wrong verifier; the code is as good as wrong.
  if (
    grant.codeChallenge &&
    createHash('sha256')
      .update(p.code_verifier ?? '')
      .digest('base64url') !== grant.codeChallenge
  ) {
    return answerToken(req, res, badCode);
  }
  const account = accounts.find((a) => a.login === grant.login)!;
  if (!account.emails.some((e) => e.primary && e.verified)) {
    return answerToken(
      req,
      res,
      tokenError('unverified_user_email', 'The user must have a verified primary email.', 'unverified-user-email'),
    );
  }
  const token = `gho_${random(18)}`;
  tokens.set(token, { login: account.login, scopes: grant.scopes });
  answerToken(req, res, { access_token: token, scope: grant.scopes.join(','), token_type: 'bearer' });
}

function api(path: string, req: IncomingMessage, res: ServerResponse) {
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    void res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
  if (!req.headers['user-agent']) {
    return json(403, { message: 'Request forbidden by administrative rules. Please make sure your request has a User-Agent header.' });
  }
  const [scheme, value] = (req.headers.authorization ?? '').split(' ');
  const session = /^(bearer|token)$/i.test(scheme ?? '') ? tokens.get(value ?? '') : undefined;
  if (!req.headers.authorization)
    return json(401, { message: 'Requires authentication', documentation_url: 'https://docs.github.com/rest' });
  if (!session) return json(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
  const account = accounts.find((a) => a.login === session.login)!;
  const scopeHeader = { 'x-oauth-scopes': session.scopes.join(', ') };
  if (path === '/api/v3/user') {
    return json(
      200,
      {
        login: account.login,
        id: account.id,
        node_id: Buffer.from(`04:User${account.id}`).toString('base64'),
        avatar_url: `${githubEnterpriseUrl}/avatars/u/${account.id}`,
        html_url: `${githubEnterpriseUrl}/${account.login}`,
        type: 'User',
        site_admin: false,
        name: account.name,
        email: account.publicEmail,
      },
      scopeHeader,
    );
  }
  // "OAuth app tokens ... need the user:email scope to use this endpoint" (or user, which includes it).
  if (!session.scopes.some((s) => s === 'user:email' || s === 'user'))
    return json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  return json(
    200,
    account.emails.map((e) => ({ ...e, visibility: e.email === account.publicEmail ? 'public' : e.primary ? 'private' : null })),
    scopeHeader,
  );
}

createServer((req, res) => {
  const url = new URL(req.url ?? '/', githubEnterpriseUrl);
  const route = `${req.method} ${url.pathname}`;
  const done = (error: Error) => {
    if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
    res.end(`request failed: ${error.message}`);
  };
  if (route === 'GET /login/oauth/authorize') return authorize(url, res);
  if (route === 'POST /session') return void session(req, res).catch(done);
  if (route === 'POST /login/oauth/access_token') return void accessToken(req, res).catch(done);
  if (req.method === 'GET' && (url.pathname === '/api/v3/user' || url.pathname === '/api/v3/user/emails'))
    return api(url.pathname, req, res);
  if (route === 'GET /status') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'); // for Playwright's webServer wait
  res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
}).listen(E2E_GITHUB_PORT, '127.0.0.1', () => console.log(`GitHub Enterprise stand-in at ${githubEnterpriseUrl}`));
