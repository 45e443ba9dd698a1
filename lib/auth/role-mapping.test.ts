import { describe, expect, it } from 'vitest';
import { groupsFromClaims, mapRole, type RoleMappingConfig } from '@/lib/auth/role-mapping';

const config = (over: Partial<RoleMappingConfig> = {}): RoleMappingConfig => ({
  emails: { admin: ['boss@example.com'], operator: ['ops@example.com', 'Boss@Example.com'], viewer: ['eve@example.com'] },
  groups: { admin: ['ivs-admins'], operator: ['ivs-ops'], viewer: ['staff'] },
  defaultRole: '',
  ...over,
});

describe('mapRole', () => {
  it('maps listed emails case-insensitively', () => {
    expect(mapRole({ email: 'OPS@example.com' }, config())).toBe('operator');
    expect(mapRole({ email: 'eve@example.com' }, config())).toBe('viewer');
  });

  it('gives the highest role when several lists match', () => {
    expect(mapRole({ email: 'boss@example.com' }, config())).toBe('admin');
    expect(mapRole({ email: 'eve@example.com', groups: ['ivs-ops', 'staff'] }, config())).toBe('operator');
    expect(mapRole({ email: 'ops@example.com', groups: ['ivs-admins'] }, config())).toBe('admin');
  });

  it('maps by group alone', () => {
    expect(mapRole({ email: 'x@example.com', groups: ['ivs-admins'] }, config())).toBe('admin');
  });

  it('refuses an unlisted identity unless a default role is configured', () => {
    expect(mapRole({ email: 'stranger@example.com', groups: ['other'] }, config())).toBeNull();
    expect(mapRole({ email: 'stranger@example.com' }, config({ defaultRole: 'viewer' }))).toBe('viewer');
    expect(mapRole({}, config())).toBeNull();
  });

  it('ignores an email the provider marks unverified', () => {
    expect(mapRole({ email: 'boss@example.com', emailVerified: false }, config())).toBeNull();
    expect(mapRole({ email: 'boss@example.com', emailVerified: false, groups: ['staff'] }, config())).toBe('viewer');
  });
});

describe('groupsFromClaims', () => {
  it('reads arrays, strings and dotted paths', () => {
    expect(groupsFromClaims({ groups: ['a', 'b', 3] }, 'groups')).toEqual(['a', 'b']);
    expect(groupsFromClaims({ groups: 'a b,c' }, 'groups')).toEqual(['a', 'b', 'c']);
    expect(groupsFromClaims({ realm_access: { roles: ['ivs-admins'] } }, 'realm_access.roles')).toEqual(['ivs-admins']);
  });

  it('returns nothing for a missing or odd claim', () => {
    expect(groupsFromClaims({}, 'groups')).toEqual([]);
    expect(groupsFromClaims(null, 'groups')).toEqual([]);
    expect(groupsFromClaims({ groups: { a: 1 } }, 'groups')).toEqual([]);
  });
});
