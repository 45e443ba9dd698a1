// The local OpenID Connect issuer's test accounts (e2e/oidc-issuer.ts), shared with the specs that
// sign in through it. playwright.config.ts maps the groups to roles with ROLE_*_GROUPS.
export const OIDC_PASSWORD = 'issuer-test-password';
export const OIDC_CLIENT_ID = 'ivs-console-e2e';
export const OIDC_CLIENT_SECRET = 'e2e-only-client-secret-0123456789';
export const OIDC_ADMIN_GROUP = 'ivs-admins';
export const OIDC_OPERATOR_GROUP = 'ivs-operators';

export interface OidcAccount {
  email: string;
  name: string;
  emailVerified: boolean;
  groups: string[];
  /** The issuer leaves email and email_verified out of its tokens (signing in still uses the address). */
  withholdsEmail?: boolean;
}

export const OIDC_ACCOUNTS = {
  admin: { email: 'ada@idp.example.test', name: 'Ada Admin', emailVerified: true, groups: ['staff', OIDC_ADMIN_GROUP] },
  operator: { email: 'otto@idp.example.test', name: 'Otto Operator', emailVerified: true, groups: ['staff', OIDC_OPERATOR_GROUP] },
  // Signs in at the issuer, but no ROLE_* list matches: the console must refuse them.
  noGroup: { email: 'nora@idp.example.test', name: 'Nora Nogroup', emailVerified: true, groups: [] },
  // Listed in ROLE_ADMIN_EMAILS and in the admin group, but the issuer says the address is not
  // verified: refused all the same (the audit log would otherwise name actions after that address).
  unverified: { email: 'uma@idp.example.test', name: 'Uma Unverified', emailVerified: false, groups: [OIDC_ADMIN_GROUP] },
  // In the operator group, but the issuer sends no email claim: refused with its own message.
  noEmail: {
    email: 'nemo@idp.example.test',
    name: 'Nemo Noemail',
    emailVerified: true,
    groups: [OIDC_OPERATOR_GROUP],
    withholdsEmail: true,
  },
} satisfies Record<string, OidcAccount>;
