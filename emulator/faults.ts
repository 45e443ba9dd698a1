import { IvsError } from './errors';
import { scopeMatches, type FaultScope } from './fault-scope';

export const RANDOM_FAULTS = ['ThrottlingException', 'InternalServerException', 'ServiceUnavailable'] as const;

const MESSAGES: Record<string, string> = {
  ThrottlingException: 'Rate exceeded',
  InternalServerException: 'Unexpected error during processing of request.',
  ServiceUnavailable: 'Service is currently unavailable.',
};

export function faultError(code: string): IvsError {
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

const sameScope = (a: FaultScope, b: FaultScope) => a.resourceArn === b.resourceArn && a.resourceName === b.resourceName;

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
    if (scope.resourceArn === undefined && scope.resourceName === undefined) {
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
  // queued fault of that timing whose scope the call's input matches. Random faults come before.
  next(operation: string, input: Record<string, unknown> = {}, timing: FaultTiming = 'before'): FaultAnswer | undefined {
    const list = this.queued.get(operation);
    const index = list?.findIndex((f) => (f.when ?? 'before') === timing && scopeMatches(f, input)) ?? -1;
    if (list && index >= 0) {
      const fault = list[index];
      fault.count -= 1;
      if (fault.count <= 0) list.splice(index, 1);
      if (list.length === 0) this.queued.delete(operation);
      return fault.error === DROP_CONNECTION ? DROP_CONNECTION : faultError(fault.error);
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
