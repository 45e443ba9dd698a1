// Roles are ordered: each one can do everything the one before it can.
// Safe to import from client components (it only decides what to show; the server decides what runs).
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `role` is at least `required` (admin ⊇ operator ⊇ viewer). */
export function hasRole(role: Role | undefined | null, required: Role): boolean {
  if (!role) return false;
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: 'Reads everything except secrets',
  operator: 'Creates, edits, rotates and reveals stream keys',
  admin: 'Also deletes, imports key pairs and reads the audit log',
};
