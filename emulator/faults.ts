import { IvsError } from './errors';

export const RANDOM_FAULTS = ['ThrottlingException', 'InternalServerException', 'ServiceUnavailable'] as const;

const MESSAGES: Record<string, string> = {
  ThrottlingException: 'Rate exceeded',
  InternalServerException: 'Unexpected error during processing of request.',
  ServiceUnavailable: 'Service is currently unavailable.',
};

export function faultError(code: string): IvsError {
  return new IvsError(code, MESSAGES[code] ?? `Injected ${code} (Local IVS fault injection)`);
}

// Faults a test asked for ("fail the next N CreateStreamKey calls") plus a random failure rate.
export class FaultBook {
  private readonly queued = new Map<string, { error: string; count: number }[]>();

  constructor(private readonly rate = 0, private readonly random: () => number = Math.random) {}

  add(operation: string, error: string, count: number): void {
    const list = this.queued.get(operation) ?? [];
    list.push({ error, count });
    this.queued.set(operation, list);
  }

  // Clears one operation's queued faults, or all of them: tests sharing one emulator clear only their own.
  clear(operation?: string): void {
    if (operation) this.queued.delete(operation);
    else this.queued.clear();
  }

  pending(): Record<string, { error: string; count: number }[]> {
    return Object.fromEntries(this.queued);
  }

  // Returns the error this call must fail with, if any, consuming one queued fault.
  next(operation: string): IvsError | undefined {
    const list = this.queued.get(operation);
    if (list?.length) {
      const head = list[0];
      head.count -= 1;
      if (head.count <= 0) list.shift();
      if (list.length === 0) this.queued.delete(operation);
      return faultError(head.error);
    }
    if (this.rate > 0 && this.random() < this.rate) {
      return faultError(RANDOM_FAULTS[Math.floor(this.random() * RANDOM_FAULTS.length)]);
    }
    return undefined;
  }
}
