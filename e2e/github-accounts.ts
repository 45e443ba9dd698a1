// The GitHub Enterprise Server stand-in's OAuth app and users (e2e/github-oauth.ts), shared with the
// spec that signs in through it. playwright.config.ts lists their addresses in ROLE_*_EMAILS.
export const GITHUB_PASSWORD = 'ghes-test-password';
export const GITHUB_CLIENT_ID = 'Ov23liE2eIvsConsole01';
export const GITHUB_CLIENT_SECRET = 'e2e0only0github0client0secret0123456789';

export interface GitHubEmailEntry {
  email: string;
  primary: boolean;
  verified: boolean;
}

export interface GitHubAccount {
  login: string;
  id: number;
  name: string | null;
  /** The address shown on the public profile (GET /user's `email`); null keeps every address private. */
  publicEmail: string | null;
  emails: GitHubEmailEntry[];
}

export const GITHUB_ACCOUNTS = {
  // Public, verified address listed in ROLE_ADMIN_EMAILS; reads the audit log in the spec.
  admin: {
    login: 'ada-admin',
    id: 5100,
    name: 'Ada Admin',
    publicEmail: 'ada@ghe.example.test',
    emails: [{ email: 'ada@ghe.example.test', primary: true, verified: true }],
  },
  // Public, verified address listed in ROLE_OPERATOR_EMAILS.
  operator: {
    login: 'olive-ops',
    id: 5101,
    name: 'Olive Operator',
    publicEmail: 'olive@ghe.example.test',
    emails: [{ email: 'olive@ghe.example.test', primary: true, verified: true }],
  },
  // No public address: the console must find the primary one through GET /user/emails. It is listed
  // in ROLE_VIEWER_EMAILS; the verified secondary address is in ROLE_ADMIN_EMAILS and must not count.
  privateEmail: {
    login: 'pia-private',
    id: 5102,
    name: null,
    publicEmail: null,
    emails: [
      { email: 'pia.home@mail.example.test', primary: false, verified: true },
      { email: 'pia@ghe.example.test', primary: true, verified: true },
    ],
  },
  // Someone who typed an admin's address into their account without owning it: the primary address
  // is in ROLE_ADMIN_EMAILS but unverified. GitHub refuses to issue this user a token.
  unverified: {
    login: 'mallory',
    id: 5103,
    name: 'Mallory',
    publicEmail: null,
    emails: [{ email: 'root@ghe.example.test', primary: true, verified: false }],
  },
  // Verified and public, but on no ROLE_* list.
  stranger: {
    login: 'sam-stranger',
    id: 5104,
    name: 'Sam Stranger',
    publicEmail: 'sam@elsewhere.example.test',
    emails: [{ email: 'sam@elsewhere.example.test', primary: true, verified: true }],
  },
} satisfies Record<string, GitHubAccount>;

/** The verified secondary address of `privateEmail`, listed for admin to prove only the primary counts. */
export const GITHUB_SECONDARY_ADMIN_EMAIL = GITHUB_ACCOUNTS.privateEmail.emails[0].email;
