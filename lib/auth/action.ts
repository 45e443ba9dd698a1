import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { hasRole, type Role } from '@/lib/auth/roles';
import { getSessionUser, type SessionUser } from '@/lib/auth/session';
import { recordAudit, recordAuditStrict } from '@/lib/audit';
import { deniedAuditLimiter } from '@/lib/auth/per-user-limiter';
import { currentRegion } from '@/lib/auth/region';
import { SIGN_IN_AGAIN, signedInWithin, signInAgainMessage } from '@/lib/auth/recent-sign-in';
import { env } from '@/lib/env';
import { describeIvsError, isConsoleSideFailure } from '@/lib/ivs/errors';
import { withinArnScope } from '@/lib/ivs/arn';
import { consoleAccount } from '@/lib/ivs/account';

export interface ActionContext<I> {
  input: I;
  user: SessionUser;
  /** The region to pass to lib/ivs, whose modules all take a region. */
  region: string;
}

// Any zod schema: the shared ones are zod/mini (lib/zod.ts), server-only ones may be full zod.
type Schema = z.core.$ZodType;

export interface ActionDefinition<S extends Schema, T> {
  /** Audit name, `resource.verb`: 'channel.create', 'stream-key.reveal'. */
  name: string;
  /** Minimum role; the wrapper refuses anyone below it before any IVS call. */
  role: Role;
  input: S;
  /** The ARN the audit record names; called with the parsed input and, on success, the result. */
  resource?: (input: z.infer<S>, data?: T) => string | undefined;
  /** The ARN the resource belongs to (a stream key's channel), recorded too so a filter by it finds this. */
  parent?: (input: z.infer<S>) => string | undefined;
  /**
   * For secret reveals: the success record must be written before the result leaves the server; if the
   * audit store cannot record it, the caller gets a refusal instead of the data.
   */
  auditStrict?: boolean;
  /**
   * Whether a success is worth an audit record (default: always). For an action anyone may repeat at
   * will whose repeats change nothing (a region switch to the region already in use), so a loop of
   * calls cannot fill the audit log.
   */
  auditSuccess?: (input: z.infer<S>, data: T) => boolean;
  /**
   * For secret reveals: refused (code SignInAgain, audited as denied) unless the user signed in
   * within REVEAL_MAX_SESSION_AGE_MINUTES, so a secret needs a recent sign-in, not just an open session.
   */
  recentSignIn?: boolean;
  run: (ctx: ActionContext<z.infer<S>>) => Promise<T>;
}

export type GuardedAction<S extends Schema, T> = ((input: z.input<S>) => Promise<ActionResult<T>>) & {
  readonly actionName: string;
  readonly requiredRole: Role;
};

// Every action made by defineAction is remembered, so a test can prove no server action skips it.
const guarded = new WeakSet<object>();
export const isGuardedAction = (fn: unknown): boolean => typeof fn === 'function' && guarded.has(fn);

/**
 * The one wrapper for every server action: session, role, zod validation, IVS error mapping, audit.
 * An action is a public POST endpoint, so nothing here trusts the page that rendered the form.
 */
export function defineAction<S extends Schema, T>(def: ActionDefinition<S, T>): GuardedAction<S, T> {
  const action = async (rawInput: z.input<S>): Promise<ActionResult<T>> => {
    const user = await getSessionUser();
    if (!user) return { ok: false, code: 'Unauthenticated', error: 'Your session has ended. Sign in again.' };

    const region = await currentRegion();
    const audit = (outcome: 'success' | 'failure' | 'denied', resourceArn?: string, error?: string, parentArn?: string) =>
      recordAudit({ user: user.email, role: user.role, region, action: def.name, resourceArn, parentArn, outcome, error });
    // Refusals are audited within a per-user bound (lib/auth/per-user-limiter.ts), so a loop of refused
    // calls cannot fill the audit log; the record after a gap says how many went unrecorded.
    const auditDenied = async (reason: string) => {
      const { allowed, skipped } = deniedAuditLimiter.take(user.email);
      if (allowed)
        await audit('denied', undefined, skipped ? `${reason} (and ${skipped} earlier refusals not recorded one by one)` : reason);
    };

    if (!hasRole(user.role, def.role)) {
      await auditDenied(`requires ${def.role}`);
      return { ok: false, code: 'Forbidden', error: `This needs the ${def.role} role; you are signed in as ${user.role}.` };
    }

    if (def.recentSignIn && !signedInWithin(user.signedInAt, env.REVEAL_MAX_SESSION_AGE_MINUTES)) {
      await auditDenied(`needs a sign-in from the last ${env.REVEAL_MAX_SESSION_AGE_MINUTES} min`);
      return { ok: false, code: SIGN_IN_AGAIN, error: signInAgainMessage(env.REVEAL_MAX_SESSION_AGE_MINUTES) };
    }

    // ARNs must be of this region and account: refused here, with a message, before any IVS call.
    const scope = { region, account: await consoleAccount() };
    const parsed = withinArnScope(scope, () => z.safeParse(def.input, rawInput));
    if (!parsed.success) {
      return {
        ok: false,
        code: 'ValidationError',
        // A foreign ARN is usually not a field the user typed (a delete button's), so say it plainly.
        error: parsed.error.issues.find((i) => i.code === 'custom' && i.params?.foreignArn)?.message ?? 'Some fields need attention.',
        fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
      };
    }

    const input = parsed.data as z.infer<S>;
    const parentArn = def.parent?.(input);
    try {
      const data = await def.run({ input, user, region });
      if (def.auditStrict) {
        const entry = {
          user: user.email,
          role: user.role,
          region,
          action: def.name,
          resourceArn: def.resource?.(input, data),
          parentArn,
          outcome: 'success' as const,
        };
        try {
          await recordAuditStrict(entry);
        } catch {
          return {
            ok: false,
            code: 'AuditUnavailable',
            error: 'The audit log could not record this, so it was refused. Try again, or ask an admin to check the audit store.',
          };
        }
        return { ok: true, data };
      }
      if (def.auditSuccess?.(input, data) ?? true) await audit('success', def.resource?.(input, data), undefined, parentArn);
      return { ok: true, data };
    } catch (error) {
      // redirect()/notFound() inside run are control flow for Next, not failures.
      unstable_rethrow(error);
      const info = error instanceof ActionError ? { code: error.code, message: error.message } : describeIvsError(error);
      // Not an IVS answer: a bug or an outage worth a log line (the message only; inputs may hold secrets).
      if (isConsoleSideFailure(info)) {
        console.error(`[action] ${def.name} failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      }
      if (!(error instanceof ActionError && error.unaudited)) await audit('failure', def.resource?.(input), info.message, parentArn);
      return { ok: false, code: info.code, error: info.message };
    }
  };
  guarded.add(action);
  return Object.assign(action, { actionName: def.name, requiredRole: def.role });
}

/** Thrown inside `run` for a refusal the console decides itself (not IVS), with a message for the user. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly code = 'Refused',
    /** A refusal whose record would say nothing (a rate limit's): no audit record, so the limit bounds writes too. */
    readonly unaudited = false,
  ) {
    super(message);
  }
}
