import { OAuthCallbackError } from '@auth/core/errors';
import GitHub, { type GitHubEmail, type GitHubProfile } from 'next-auth/providers/github';
import type { OAuthConfig } from 'next-auth/providers';

// Sign-in with github.com or a GitHub Enterprise Server. Auth.js's own GitHub provider takes the
// primary address from /user/emails whether or not GitHub has verified it; this one says which it is
// (`email_verified` on the profile, as an OIDC ID token would), so an address nobody proved they own
// never matches a ROLE_*_EMAILS list.

export interface GitHubSignInOptions {
  clientId: string;
  clientSecret: string;
  /** GitHub Enterprise Server's root URL (validated in lib/env.ts); unset means github.com. */
  enterpriseUrl?: string;
  /** Called when GitHub refuses the sign-in itself, before the console learns who the user is. */
  onRefused?: (reason: string) => Promise<void>;
}

/** The profile the console sees: GitHub's /user, with the address chosen for sign-in and whether GitHub verified it. */
export type GitHubSignInProfile = GitHubProfile & { email_verified?: boolean };

/**
 * The address a GitHub user signs in with and whether it is verified. Like Auth.js: the public
 * profile email if set, else the primary one. Without the /user/emails list nothing is verified.
 */
export function chooseGitHubEmail(
  publicEmail: string | null | undefined,
  emails: GitHubEmail[] | undefined,
): { email: string | null; verified: boolean } {
  const listed = (address: string) => emails?.find((e) => e.email.toLowerCase() === address.toLowerCase());
  if (publicEmail) return { email: publicEmail, verified: listed(publicEmail)?.verified === true };
  const primary = emails?.find((e) => e.primary);
  return primary ? { email: primary.email, verified: primary.verified === true } : { email: null, verified: false };
}

export function gitHubUrls(enterpriseUrl?: string) {
  const web = enterpriseUrl ?? 'https://github.com';
  const api = enterpriseUrl ? `${enterpriseUrl}/api/v3` : 'https://api.github.com';
  return {
    authorize: `${web}/login/oauth/authorize`,
    token: `${web}/login/oauth/access_token`,
    user: `${api}/user`,
    emails: `${api}/user/emails`,
  };
}

async function getJson(url: string, accessToken: string): Promise<Response> {
  // GitHub refuses API requests without a User-Agent.
  return fetch(url, {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/vnd.github+json', 'User-Agent': 'ivs-console' },
  });
}

export function gitHubProvider({
  clientId,
  clientSecret,
  enterpriseUrl,
  onRefused,
}: GitHubSignInOptions): OAuthConfig<GitHubSignInProfile> {
  const urls = gitHubUrls(enterpriseUrl);
  const base = GitHub({ clientId, clientSecret, enterprise: enterpriseUrl ? { baseUrl: enterpriseUrl } : undefined });

  const token = {
    url: urls.token,
    // GitHub answers a refused token request with status 200 and {error, error_description}, which
    // oauth4webapi can only report as a malformed response ("Configuration" on /login).
    async conform(response: Response): Promise<Response | undefined> {
      if (!response.ok) return undefined;
      const body: unknown = await response
        .clone()
        .json()
        .catch(() => undefined);
      const error = body && typeof body === 'object' ? (body as { error?: unknown; error_description?: unknown }) : undefined;
      if (typeof error?.error !== 'string') return undefined;
      const detail = `${error.error}${typeof error.error_description === 'string' ? ` (${error.error_description})` : ''}`;
      // The user's own doing, so they get a reason; anything else is the operator's to fix (server log).
      if (error.error === 'unverified_user_email') {
        await onRefused?.(`GitHub refused the sign-in: the account's primary email address is not verified: ${detail}`);
        throw new OAuthCallbackError(`GitHub refused the sign-in: ${detail}`);
      }
      throw new Error(`GitHub refused the token request: ${detail}`);
    },
  };

  const userinfo = {
    url: urls.user,
    async request({ tokens }: { tokens: { access_token?: string } }): Promise<GitHubSignInProfile> {
      const accessToken = tokens.access_token ?? '';
      const userResponse = await getJson(urls.user, accessToken);
      if (!userResponse.ok) throw new Error(`GitHub ${urls.user} answered ${userResponse.status}`);
      const profile = (await userResponse.json()) as GitHubProfile;
      // The OAuth app asks for user:email, so the list is there; if it is not, nothing counts as verified.
      const emailsResponse = await getJson(urls.emails, accessToken);
      const emails = emailsResponse.ok ? ((await emailsResponse.json()) as GitHubEmail[]) : undefined;
      const { email, verified } = chooseGitHubEmail(profile.email, Array.isArray(emails) ? emails : undefined);
      return { ...profile, email, email_verified: verified };
    },
  };

  return {
    ...base,
    name: enterpriseUrl ? 'GitHub Enterprise' : 'GitHub',
    authorization: { url: urls.authorize, params: { scope: 'read:user user:email' } },
    // GitHub documents state (and, on github.com, PKCE); Auth.js's GitHub default sends only PKCE.
    checks: ['pkce', 'state'],
    // client_id and client_secret in the form body, the way GitHub documents the token request.
    client: { token_endpoint_auth_method: 'client_secret_post' },
    token,
    userinfo,
  };
}
