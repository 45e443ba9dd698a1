import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

// Proves the rule "every server action goes through defineAction" for every 'use server' file in the
// tree, including ones added later: each export must be guarded and must refuse a missing session and
// a too-low role before any IVS call. A new actions file is picked up without touching this test.

const mocks = vi.hoisted(() => {
  process.env.IVS_MODE = 'local';
  process.env.DATA_DIR = `${process.env.TMPDIR ?? '/tmp'}/actions-guarded-${process.pid}`;
  return { user: null as null | { email: string; name: string; role: string } };
});

vi.mock('@/lib/auth/session', () => ({
  getSessionUser: async () => mocks.user,
  requireUser: async () => {
    throw new Error('requireUser must not be reached from a server action test');
  },
}));
vi.mock('@/lib/auth/config', () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));
vi.mock('@/lib/audit', () => ({
  recordAudit: vi.fn(async () => {}),
  recordAuditStrict: vi.fn(async () => {}),
  queryAudit: vi.fn(async () => []),
}));
vi.mock('@/lib/preferences', () => ({ preferredRegion: async () => undefined, savePreferredRegion: async () => {} }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: vi.fn(), delete: vi.fn(), has: () => false, getAll: () => [] }),
  headers: async () => new Headers(),
}));

import { IvsClient } from '@aws-sdk/client-ivs';
import { isGuardedAction } from '@/lib/auth/action';
import { ROLES, type Role } from '@/lib/auth/roles';

const ROOT = path.resolve(__dirname, '..');
const SCANNED = ['app', 'lib', 'components'];

// Server functions declared inline (not in a 'use server' file) that are public on purpose.
const INLINE_SERVER_FUNCTIONS_ALLOWED = new Set(['app/(auth)/login/page.tsx']);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(rel);
    return /\.(ts|tsx|js|jsx|mjs)$/.test(entry.name) && !/\.test\.|\.spec\./.test(entry.name) ? [rel] : [];
  });
}

const LEADING_COMMENTS = String.raw`(?:\s|//[^\n]*\n|/\*[\s\S]*?\*/)*`;
const FILE_DIRECTIVE = new RegExp(`^${LEADING_COMMENTS}['"]use server['"]`);
const ANY_DIRECTIVE = /(^|[\s{;])['"]use server['"]\s*;?/m;

const files = SCANNED.flatMap(sourceFiles).map((file) => ({ file, text: readFileSync(path.join(ROOT, file), 'utf8') }));
const actionFiles = files.filter((f) => FILE_DIRECTIVE.test(f.text)).map((f) => f.file);

const below = (role: Role): Role | undefined => ROLES[ROLES.indexOf(role) - 1];

let ivsCalls = 0;
let fetchCalls = 0;

beforeAll(() => {
  vi.spyOn(IvsClient.prototype, 'send').mockImplementation(async () => {
    ivsCalls += 1;
    throw new Error('IVS must not be called by a refused action');
  });
  vi.spyOn(globalThis, 'fetch').mockImplementation(async () => {
    fetchCalls += 1;
    throw new Error('no network in this test');
  });
});
afterAll(() => vi.restoreAllMocks());
beforeEach(() => {
  ivsCalls = 0;
  fetchCalls = 0;
  mocks.user = null;
});

it('finds the server action files (so the checks below cannot pass vacuously)', () => {
  expect(actionFiles).toEqual(
    expect.arrayContaining(['components/shell/actions.ts', 'components/stream-key/actions.ts', 'components/tag-editor/actions.ts']),
  );
});

it('has no inline server functions outside the allowed public ones', () => {
  const inline = files
    .filter((f) => !FILE_DIRECTIVE.test(f.text) && ANY_DIRECTIVE.test(f.text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '')))
    .map((f) => f.file)
    .filter((file) => !INLINE_SERVER_FUNCTIONS_ALLOWED.has(file));
  expect(inline, "declare server actions with defineAction in a 'use server' file instead").toEqual([]);
});

describe.each(actionFiles)('%s', (file) => {
  let exportsOf: [string, unknown][] = [];

  beforeAll(async () => {
    exportsOf = Object.entries(await import(/* @vite-ignore */ path.join(ROOT, file)));
  });

  it('exports only actions made with defineAction', () => {
    expect(exportsOf.length).toBeGreaterThan(0);
    for (const [name, value] of exportsOf) {
      expect(isGuardedAction(value), `${file} export "${name}" is not wrapped in defineAction`).toBe(true);
    }
  });

  it('refuses every action without a session, before any IVS call', async () => {
    for (const [name, action] of exportsOf) {
      mocks.user = null;
      const result = await (action as (input: unknown) => Promise<{ ok: boolean; code?: string }>)({});
      expect(result, `${name} without a session`).toMatchObject({ ok: false, code: 'Unauthenticated' });
    }
    expect(ivsCalls).toBe(0);
    expect(fetchCalls).toBe(0);
  });

  it('refuses every action to the role just below its required role, before any IVS call', async () => {
    for (const [name, action] of exportsOf) {
      const required = (action as { requiredRole: Role }).requiredRole;
      expect(ROLES, `${name} has an unknown requiredRole`).toContain(required);
      const lower = below(required);
      if (!lower) continue; // 'viewer' actions: every signed-in user may call them
      mocks.user = { email: `${lower}@local.test`, name: lower, role: lower };
      const result = await (action as (input: unknown) => Promise<{ ok: boolean; code?: string }>)({});
      expect(result, `${name} as ${lower}`).toMatchObject({ ok: false, code: 'Forbidden' });
    }
    expect(ivsCalls).toBe(0);
    expect(fetchCalls).toBe(0);
  });
});
