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

export interface QueuedFault extends FaultScope {
  error: string;
  count: number;
}

export interface FaultFilter extends FaultScope {
  operation?: string;
}

const sameScope = (a: FaultScope, b: FaultScope) => a.resourceArn === b.resourceArn && a.resourceName === b.resourceName;

// Faults a test asked for ("fail the next N CreateStreamKey calls [on this channel]") plus a random
// failure rate.
export class FaultBook {
  private readonly queued = new Map<string, QueuedFault[]>();

  constructor(private readonly rate = 0, private readonly random: () => number = Math.random) {}

  add(operation: string, error: string, count: number, scope: FaultScope = {}): void {
    const list = this.queued.get(operation) ?? [];
    list.push({ error, count, ...definedScope(scope) });
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

  // Returns the error this call must fail with, if any, consuming one use of the first queued fault
  // whose scope the call's input matches.
  next(operation: string, input: Record<string, unknown> = {}): IvsError | undefined {
    const list = this.queued.get(operation);
    const index = list?.findIndex((f) => scopeMatches(f, input)) ?? -1;
    if (list && index >= 0) {
      const fault = list[index];
      fault.count -= 1;
      if (fault.count <= 0) list.splice(index, 1);
      if (list.length === 0) this.queued.delete(operation);
      return faultError(fault.error);
    }
    if (this.rate > 0 && this.random() < this.rate) {
      return faultError(RANDOM_FAULTS[Math.floor(this.random() * RANDOM_FAULTS.length)]);
    }
    return undefined;
  }
}

// Leaves unset scope fields out, so GET /_emulator/faults shows only what a test asked for.
function definedScope(scope: FaultScope): FaultScope {
  return Object.fromEntries(Object.entries(scope).filter(([, v]) => v !== undefined));
}
