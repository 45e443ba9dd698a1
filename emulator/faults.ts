import { IvsError } from './errors';
import { ANY_OPERATION, scopeMatches, type FaultScope } from './fault-scope';

export const RANDOM_FAULTS = ['ThrottlingException', 'InternalServerException', 'ServiceUnavailable'] as const;

const MESSAGES: Record<string, string> = {
  ThrottlingException: 'Rate exceeded',
  InternalServerException: 'Unexpected error during processing of request.',
  ServiceUnavailable: 'Service is currently unavailable.',
};

// Where the call came from, for errors whose real text names it (IAM's AccessDenied does).
export interface FaultCall {
  operation: string;
  region?: string;
  accountId?: string;
}

export function faultError(code: string, call?: FaultCall): IvsError {
  if (code === 'AccessDeniedException' && call) {
    // IAM's wording when no policy allows the action (the caller is the emulator's one IAM user).
    const account = call.accountId ?? '123456789012';
    return new IvsError(
      code,
      `User: arn:aws:iam::${account}:user/local-ivs is not authorized to perform: ivs:${call.operation} on resource: ` +
        `arn:aws:ivs:${call.region ?? 'us-west-2'}:${account}:* because no identity-based policy allows the ivs:${call.operation} action`,
    );
  }
  if (code === 'UnrecognizedClientException') return new IvsError(code, 'The security token included in the request is invalid.');
  return new IvsError(code, MESSAGES[code] ?? `Injected ${code} (Local IVS fault injection)`);
}

// Not an IVS error: the emulator closes the connection without answering, as a lost answer looks.
export const DROP_CONNECTION = 'DropConnection';

// 'before': the call fails and changes nothing (IVS refused it). 'after': IVS applied the call and
// then the answer failed (a 500, or a connection lost on the way back): the ambiguous failure a
// client's retry turns into a duplicate.
export type FaultTiming = 'before' | 'after';

export interface QueuedFault extends FaultScope {
  error: string;
  count: number;
  when?: 'after';
}

/** What a faulted call gets instead of its answer: an IVS error, or a dropped connection. */
export type FaultAnswer = IvsError | typeof DROP_CONNECTION;

export interface FaultFilter extends FaultScope {
  operation?: string;
}

const sameScope = (a: FaultScope, b: FaultScope) =>
  a.resourceArn === b.resourceArn && a.resourceName === b.resourceName && a.region === b.region;

// Faults a test asked for ("fail the next N CreateStreamKey calls [on this channel]") plus a random
// failure rate.
export class FaultBook {
  private readonly queued = new Map<string, QueuedFault[]>();

  constructor(
    private readonly rate = 0,
    private readonly random: () => number = Math.random,
  ) {}

  add(operation: string, error: string, count: number, scope: FaultScope = {}, when: FaultTiming = 'before'): void {
    const list = this.queued.get(operation) ?? [];
    list.push({ error, count, ...definedScope(scope), ...(when === 'after' ? { when } : {}) });
    this.queued.set(operation, list);
  }

  // Clears all faults, one operation's, or one operation's faults with exactly that scope: tests
  // sharing one emulator clear only their own.
  clear(filter: FaultFilter = {}): void {
    const { operation, ...scope } = filter;
    if (!operation) return this.queued.clear();
    if (scope.resourceArn === undefined && scope.resourceName === undefined && scope.region === undefined) {
      this.queued.delete(operation);
      return;
    }
    const kept = (this.queued.get(operation) ?? []).filter((f) => !sameScope(f, scope));
    if (kept.length) this.queued.set(operation, kept);
    else this.queued.delete(operation);
  }

  pending(): Record<string, QueuedFault[]> {
    return Object.fromEntries(this.queued);
  }

  // Returns what this call gets instead of its answer, if anything, consuming one use of the first
  // queued fault of that timing whose scope the call matches: the operation's own faults first, then
  // those for every operation ("*"). Random faults come last.
  next(
    operation: string,
    input: Record<string, unknown> = {},
    timing: FaultTiming = 'before',
    call: Omit<FaultCall, 'operation'> = {},
  ): FaultAnswer | undefined {
    for (const key of [operation, ANY_OPERATION]) {
      const list = this.queued.get(key);
      const index = list?.findIndex((f) => (f.when ?? 'before') === timing && scopeMatches(f, input, call.region)) ?? -1;
      if (!list || index < 0) continue;
      const fault = list[index];
      fault.count -= 1;
      if (fault.count <= 0) list.splice(index, 1);
      if (list.length === 0) this.queued.delete(key);
      return fault.error === DROP_CONNECTION ? DROP_CONNECTION : faultError(fault.error, { operation, ...call });
    }
    if (timing === 'before' && this.rate > 0 && this.random() < this.rate) {
      return faultError(RANDOM_FAULTS[Math.floor(this.random() * RANDOM_FAULTS.length)]);
    }
    return undefined;
  }
}

// Leaves unset scope fields out, so GET /_emulator/faults shows only what a test asked for.
function definedScope(scope: FaultScope): FaultScope {
  return Object.fromEntries(Object.entries(scope).filter(([, v]) => v !== undefined));
}
