import { ROLES, type Role } from '@/lib/auth/roles';

// Pure: decides a signed-in identity's role from the ROLE_* lists. No env access, so it is unit-tested.
export interface RoleMappingConfig {
  emails: Record<Role, string[]>;
  groups: Record<Role, string[]>;
  /** Role for an identity no list matches; '' refuses such identities. */
  defaultRole: Role | '';
}

export interface Identity {
  email?: string | null;
  /** False when the identity provider says the email is not verified; such an email matches no list. */
  emailVerified?: boolean;
  groups?: string[];
}

const HIGHEST_FIRST = [...ROLES].reverse();

/** The highest role any list grants this identity, else the default role, else null (sign-in refused). */
export function mapRole(identity: Identity, config: RoleMappingConfig): Role | null {
  const email = identity.emailVerified === false ? undefined : identity.email?.trim().toLowerCase();
  const groups = new Set(identity.groups ?? []);
  for (const role of HIGHEST_FIRST) {
    if (email && config.emails[role].some((e) => e.trim().toLowerCase() === email)) return role;
    if (config.groups[role].some((g) => groups.has(g))) return role;
  }
  return config.defaultRole || null;
}

/**
 * Reads a groups claim from an OIDC profile. The claim may be a dotted path ('realm_access.roles' in
 * Keycloak) and hold an array or a single (space- or comma-separated) string.
 */
export function groupsFromClaims(claims: Record<string, unknown> | null | undefined, claim: string): string[] {
  let value: unknown = claims;
  for (const key of claim.split('.')) {
    if (!value || typeof value !== 'object') return [];
    value = (value as Record<string, unknown>)[key];
  }
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}
