import { vi } from 'vitest';
import type { Role } from '@/lib/auth/roles';

/**
 * Shared set-up for server-action unit tests. Importing this module (before the actions, which tests
 * load with `await import(...)`) mocks the session, the audit store, the region and the IVS client:
 * - `harness.user` is the session user (`as(role)` sets it; null means no session);
 * - `harness.send` receives every IVS command (`answerIvs` answers by operation name);
 * - `harness.audit` records recordAudit calls, and recordAuditStrict calls too unless a test gives
 *   `harness.auditStrict` its own behaviour (e.g. to make a strict audit fail).
 */
const audit = vi.fn();
export const harness = {
  user: null as null | { email: string; name: string; role: Role; sessionId: string; signedInAt: number },
  send: vi.fn(),
  audit,
  auditStrict: vi.fn((...args: unknown[]) => audit(...args)),
};

// The factories below run when a test first imports the mocked module, after `harness` exists.

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => harness.user }));
vi.mock('@/lib/audit', () => ({
  recordAudit: (...args: unknown[]) => harness.audit(...args),
  recordAuditStrict: (...args: unknown[]) => harness.auditStrict(...args),
}));
vi.mock('@/lib/auth/region', () => ({ currentRegion: async () => 'us-west-2' }));
vi.mock('@/lib/ivs/client', async () => {
  const { fakeIvsClient } = await import('@/test/fake-ivs-client');
  const client = () => fakeIvsClient((...args) => harness.send(...args));
  return { ivsClient: client, ivsClientNoRetry: client };
});
// A create runs straight through: the request ledger has tests of its own on both stores
// (lib/requests/run-once.test.ts), and the end-to-end suite covers it in the console.
vi.mock('@/lib/auth/create-once', () => ({ createOnce: (_request: unknown, work: { create: () => Promise<unknown> }) => work.create() }));

/** Signs in as a demo user of that role, just now (or `signedInAt` epoch ms: reveals want a recent sign-in). */
export const as = (role: Role, signedInAt = Date.now()) =>
  (harness.user = { email: `${role}@local`, name: role, role, sessionId: 'test-session', signedInAt });

/** An error shaped like the SDK's service exceptions (describeIvsError reads its name). */
export const ivsError = (name: string, message = `${name} from IVS`) => Object.assign(new Error(message), { name, $metadata: {} });

/** The IVS operation a command stands for: GetChannelCommand -> 'GetChannel'. */
export const opOf = (command: unknown) => (command as { constructor: { name: string } }).constructor.name.replace(/Command$/, '');

/** The operations sent to IVS so far, in order. */
export const sentOps = () => harness.send.mock.calls.map(([command]) => opOf(command));

/** Answers each IVS command by its operation name; an unexpected command fails the test loudly. */
export function answerIvs(handlers: Record<string, (input: Record<string, unknown>) => unknown>) {
  harness.send.mockImplementation(async (command: { input: Record<string, unknown> }) => {
    const op = opOf(command);
    const handler = handlers[op];
    if (!handler) throw new Error(`unexpected ${op}`);
    return handler(command.input);
  });
}
