import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Provider } from 'oidc-provider';
import { OIDC_ACCOUNTS, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_PASSWORD, type OidcAccount } from './oidc-accounts';
import { awsBaseUrl, E2E_OIDC_PORT, oidcIssuerUrl } from './servers';

// A real OpenID Connect issuer for the aws-mode e2e console (`npx tsx e2e/oidc-issuer.ts`): discovery,
// signed ID tokens, a confidential client with PKCE required, and a login form of its own that checks
// a password, so the specs sign in the way a user does with Okta or Keycloak. Memory only.

const accounts = new Map<string, OidcAccount>(Object.values(OIDC_ACCOUNTS).map((a) => [a.email, a]));

type GrantContext = {
  oidc: {
    client: { clientId: string };
    session: { accountId: string; grantIdFor(clientId: string): string | undefined };
    result?: { consent?: { grantId?: string } };
    provider: { Grant: GrantModel };
  };
};
type GrantModel = {
  new (init: { clientId: string; accountId: string }): { addOIDCScope(scope: string): void; save(): Promise<string> };
  find(id: string): Promise<unknown>;
};

const provider = new Provider(oidcIssuerUrl, {
  clients: [
    {
      client_id: OIDC_CLIENT_ID,
      client_secret: OIDC_CLIENT_SECRET,
      redirect_uris: [`${awsBaseUrl}/api/auth/callback/oidc`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  pkce: { required: () => true },
  // Auth.js reads the profile from the ID token only. Like Okta, Entra ID and Keycloak (and unlike
  // oidc-provider's strict default, which keeps scope claims for userinfo), put them there.
  conformIdTokenClaims: false,
  // The console asks for `openid email profile`; `groups` rides with profile, as IdPs configured
  // to send a groups claim to an app do without an extra scope.
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
  findAccount: (_ctx: unknown, sub: string) => {
    const account = accounts.get(sub);
    if (!account) return undefined;
    return {
      accountId: sub,
      claims: () => ({
        sub,
        name: account.name,
        groups: account.groups,
        ...(account.withholdsEmail ? {} : { email: account.email, email_verified: account.emailVerified }),
      }),
    };
  },
  // The console is a first-party client: no consent screen, every sign-in gets the scopes it asks for.
  loadExistingGrant: async (ctx: GrantContext) => {
    const { client, session, result, provider: op } = ctx.oidc;
    const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
    if (grantId) return op.Grant.find(grantId);
    const grant = new op.Grant({ clientId: client.clientId, accountId: session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
  interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
  features: { devInteractions: { enabled: false } },
  jwks: { keys: [generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
});

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(res: ServerResponse, uid: string, email = '', error?: string) {
  res.writeHead(error ? 401 : 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body>
<main>
<h1>Test identity provider</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label>Email <input name="email" type="email" autocomplete="username" value="${escapeHtml(email)}" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Continue</button>
</form>
</main>
</body></html>`);
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, submit: boolean) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid || details.prompt.name !== 'login') {
    res.writeHead(400, { 'content-type': 'text/plain' }).end(`unexpected interaction ${details.prompt.name}`);
    return;
  }
  if (!submit) return loginPage(res, uid);
  const form = await formBody(req);
  const email = (form.get('email') ?? '').trim().toLowerCase();
  if (!accounts.has(email) || form.get('password') !== OIDC_PASSWORD) return loginPage(res, uid, email, 'Wrong email or password.');
  await provider.interactionFinished(req, res, { login: { accountId: email } }, { mergeWithLastSubmission: false });
}

const handle = provider.callback();
createServer((req, res) => {
  const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(new URL(req.url ?? '/', oidcIssuerUrl).pathname);
  if (!match) return handle(req, res);
  const submit = !!match[2];
  if (submit !== (req.method === 'POST')) return void res.writeHead(405).end();
  interaction(req, res, match[1], submit).catch((error: Error) => {
    if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
    res.end(`sign-in failed: ${error.message}`);
  });
}).listen(E2E_OIDC_PORT, '127.0.0.1', () => console.log(`OIDC issuer at ${oidcIssuerUrl}`));
