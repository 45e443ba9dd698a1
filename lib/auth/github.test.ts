import { afterEach, describe, expect, it, vi } from 'vitest';
import { OAuthCallbackError } from '@auth/core/errors';
import type { GitHubEmail } from 'next-auth/providers/github';
import { chooseGitHubEmail, gitHubProvider, type GitHubSignInProfile } from '@/lib/auth/github';

const GHES = 'https://github.example.com';
const email = (address: string, over: Partial<GitHubEmail> = {}): GitHubEmail => ({
  email: address,
  primary: false,
  verified: true,
  visibility: 'private',
  ...over,
});

type Endpoint = {
  url: string;
  conform?: (r: Response) => Promise<Response | undefined>;
  request?: (ctx: { tokens: { access_token?: string } }) => Promise<GitHubSignInProfile>;
};
const endpoint = (value: unknown) => value as Endpoint;

describe('gitHubProvider', () => {
  it('uses a GitHub Enterprise Server’s own OAuth and /api/v3 endpoints', () => {
    const p = gitHubProvider({ clientId: 'id', clientSecret: 's', enterpriseUrl: GHES });
    expect(p.name).toBe('GitHub Enterprise');
    expect((p.authorization as { url: string }).url).toBe(`${GHES}/login/oauth/authorize`);
    expect(endpoint(p.token).url).toBe(`${GHES}/login/oauth/access_token`);
    expect(endpoint(p.userinfo).url).toBe(`${GHES}/api/v3/user`);
  });

  it('uses github.com and api.github.com without one', () => {
    const p = gitHubProvider({ clientId: 'id', clientSecret: 's' });
    expect(p.name).toBe('GitHub');
    expect((p.authorization as { url: string }).url).toBe('https://github.com/login/oauth/authorize');
    expect(endpoint(p.token).url).toBe('https://github.com/login/oauth/access_token');
    expect(endpoint(p.userinfo).url).toBe('https://api.github.com/user');
  });

  it('asks for the email list, checks state as well as PKCE and sends the client secret in the body', () => {
    const p = gitHubProvider({ clientId: 'id', clientSecret: 's' });
    expect((p.authorization as { params: { scope: string } }).params.scope.split(' ')).toContain('user:email');
    expect(p.checks).toEqual(expect.arrayContaining(['pkce', 'state']));
    expect(p.client).toMatchObject({ token_endpoint_auth_method: 'client_secret_post' });
  });
});

describe('reading the user', () => {
  afterEach(() => vi.unstubAllGlobals());

  function serve(user: Record<string, unknown>, emails: GitHubEmail[] | number) {
    const calls: { url: string; auth: string | null }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, auth: new Headers(init.headers).get('authorization') });
      if (url.endsWith('/user')) return Response.json(user);
      return typeof emails === 'number' ? Response.json({ message: 'Not Found' }, { status: emails }) : Response.json(emails);
    });
    const p = gitHubProvider({ clientId: 'id', clientSecret: 's', enterpriseUrl: GHES });
    return { calls, profile: () => endpoint(p.userinfo).request!({ tokens: { access_token: 'gho_x' } }) };
  }

  const user = { login: 'octo', id: 1, name: 'Octo', avatar_url: 'https://a/1' };

  it('takes the public email and its verified flag, asking the enterprise API with the token', async () => {
    const { calls, profile } = serve({ ...user, email: 'octo@example.com' }, [email('octo@example.com', { visibility: 'public' })]);
    expect(await profile()).toMatchObject({ login: 'octo', email: 'octo@example.com', email_verified: true });
    expect(calls).toEqual([
      { url: `${GHES}/api/v3/user`, auth: 'Bearer gho_x' },
      { url: `${GHES}/api/v3/user/emails`, auth: 'Bearer gho_x' },
    ]);
  });

  it('takes the primary address of a user whose email is private', async () => {
    const { profile } = serve({ ...user, email: null }, [email('other@example.com'), email('main@example.com', { primary: true })]);
    expect(await profile()).toMatchObject({ email: 'main@example.com', email_verified: true });
  });

  it('marks an unverified primary address as unverified (Auth.js’s own provider would not)', async () => {
    const { profile } = serve({ ...user, email: null }, [
      email('victim@example.com', { primary: true, verified: false }),
      email('me@example.com'),
    ]);
    expect(await profile()).toMatchObject({ email: 'victim@example.com', email_verified: false });
  });

  it('counts nothing as verified when the email list cannot be read', async () => {
    const { profile } = serve({ ...user, email: 'octo@example.com' }, 404);
    expect(await profile()).toMatchObject({ email: 'octo@example.com', email_verified: false });
  });
});

describe('chooseGitHubEmail', () => {
  it('does not vouch for a public email missing from the list', () => {
    expect(chooseGitHubEmail('else@example.com', [email('me@example.com', { primary: true })])).toEqual({
      email: 'else@example.com',
      verified: false,
    });
  });

  it('matches the public email case-insensitively and has no address without a primary one', () => {
    expect(chooseGitHubEmail('Me@Example.com', [email('me@example.com')])).toEqual({ email: 'Me@Example.com', verified: true });
    expect(chooseGitHubEmail(null, [email('me@example.com')])).toEqual({ email: null, verified: false });
  });
});

describe('GitHub’s token errors (status 200 with an error body)', () => {
  const conform = (onRefused = vi.fn(async () => {})) => ({
    onRefused,
    run: endpoint(gitHubProvider({ clientId: 'id', clientSecret: 's', onRefused }).token).conform!,
  });

  it('lets a token through untouched', async () => {
    const { run } = conform();
    expect(await run(Response.json({ access_token: 'gho_x', token_type: 'bearer', scope: 'read:user,user:email' }))).toBeUndefined();
  });

  it('turns unverified_user_email into a refusal the user is told about, and reports it', async () => {
    const { run, onRefused } = conform();
    const body = { error: 'unverified_user_email', error_description: 'The user must have a verified primary email.' };
    await expect(run(Response.json(body))).rejects.toBeInstanceOf(OAuthCallbackError);
    expect(onRefused).toHaveBeenCalledWith(expect.stringMatching(/primary email address is not verified.*unverified_user_email/));
  });

  it('reports other errors, which are the operator’s to fix, with GitHub’s description', async () => {
    const { run, onRefused } = conform();
    const body = { error: 'incorrect_client_credentials', error_description: 'The client_id and/or client_secret passed are incorrect.' };
    await expect(run(Response.json(body))).rejects.toThrow(
      'GitHub refused the token request: incorrect_client_credentials (The client_id and/or client_secret passed are incorrect.)',
    );
    await expect(run(Response.json(body))).rejects.not.toBeInstanceOf(OAuthCallbackError);
    expect(onRefused).not.toHaveBeenCalled();
  });
});
