import { TokenBucket } from './token-bucket';

// A paced queue for bulk IVS changes: every IVS call takes a token from one bucket (IVS documents
// 10 TPS for the tag operations), a ThrottlingException backs the whole queue off exponentially with
// jitter and retries the same call, and the caller can cancel and later retry what failed. Pure: the
// caller supplies the calls, the clock and the random source.

/** What one IVS call answered (an ActionResult has this shape). */
export type CallOutcome = { ok: true } | { ok: false; error: string; code?: string };

/** One IVS call for one item; a queue item is a list of these, run in order. */
export type Call = () => Promise<CallOutcome>;

export type ItemStatus = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

export interface ItemState {
  id: string;
  status: ItemStatus;
  message: string;
  /** Calls of this item that succeeded; a retry starts at the first one that did not. */
  callsDone: number;
  callsTotal: number;
}

export interface QueueSnapshot {
  items: ItemState[];
  running: boolean;
  cancelled: boolean;
  done: number;
  failed: number;
  /** IVS calls made, ThrottlingExceptions met (each was retried), for the bench and the progress line. */
  calls: number;
  throttled: number;
}

export interface QueueOptions {
  ratePerSecond?: number;
  burst?: number;
  /** Items worked on at once; the bucket, not this, sets the rate. */
  concurrency?: number;
  maxThrottleRetries?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onChange?: (snapshot: QueueSnapshot) => void;
}

export const TAG_TPS = 10;
const THROTTLED = 'ThrottlingException';

/** Exponential backoff with "equal jitter": half fixed, half random, so retries do not line up. */
export function backoffMs(attempt: number, base: number, max: number, random: () => number): number {
  const ceiling = Math.min(max, base * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export class BulkQueue {
  private readonly states = new Map<string, ItemState>();
  private readonly calls = new Map<string, Call[]>();
  private readonly bucket: TokenBucket;
  private readonly opts: Required<Omit<QueueOptions, 'onChange'>> & Pick<QueueOptions, 'onChange'>;
  private readonly listeners = new Set<(snapshot: QueueSnapshot) => void>();
  private latest: QueueSnapshot;
  private cancelRequested = false;
  private active = false;
  private callCount = 0;
  private throttleCount = 0;

  constructor(items: { id: string; calls: Call[] }[], options: QueueOptions = {}) {
    this.opts = {
      ratePerSecond: TAG_TPS,
      burst: 1,
      concurrency: 4,
      maxThrottleRetries: 6,
      baseBackoffMs: 250,
      maxBackoffMs: 8000,
      now: () => Date.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
      ...options,
    };
    this.bucket = new TokenBucket(this.opts.ratePerSecond, this.opts.burst, this.opts.now);
    for (const item of items) {
      this.calls.set(item.id, item.calls);
      this.states.set(item.id, { id: item.id, status: 'pending', message: 'Waiting', callsDone: 0, callsTotal: item.calls.length });
    }
    if (options.onChange) this.listeners.add(options.onChange);
    this.latest = this.snapshot();
  }

  /** For useSyncExternalStore: `subscribe` and `current` (the same object until something changes). */
  subscribe = (listener: (snapshot: QueueSnapshot) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  current = (): QueueSnapshot => this.latest;

  snapshot(): QueueSnapshot {
    const items = [...this.states.values()].map((s) => ({ ...s }));
    return {
      items,
      running: this.active,
      cancelled: this.cancelRequested,
      done: items.filter((i) => i.status === 'done').length,
      failed: items.filter((i) => i.status === 'failed').length,
      calls: this.callCount,
      throttled: this.throttleCount,
    };
  }

  /** Runs every pending item; resolves when all have finished or the queue was cancelled. */
  run(): Promise<QueueSnapshot> {
    return this.work([...this.states.values()].filter((s) => s.status === 'pending').map((s) => s.id));
  }

  /** Runs the failed (and cancelled) items again, from the call that did not succeed. */
  retryFailed(): Promise<QueueSnapshot> {
    const ids = [...this.states.values()].filter((s) => s.status === 'failed' || s.status === 'cancelled').map((s) => s.id);
    for (const id of ids) this.update(id, { status: 'pending', message: 'Waiting' }, false);
    return this.work(ids);
  }

  /** Starts no new call; calls already sent finish, and the items not reached are marked cancelled. */
  cancel(): void {
    if (!this.active) return;
    this.cancelRequested = true;
    this.emit();
  }

  private async work(ids: string[]): Promise<QueueSnapshot> {
    if (this.active) throw new Error('The queue is already running.');
    this.active = true;
    this.cancelRequested = false;
    this.emit();
    const todo = [...ids];
    const worker = async () => {
      for (let id = todo.shift(); id !== undefined; id = todo.shift()) await this.runItem(id);
    };
    await Promise.all(Array.from({ length: Math.min(this.opts.concurrency, todo.length) }, worker));
    this.active = false;
    this.emit();
    return this.snapshot();
  }

  private async runItem(id: string): Promise<void> {
    const calls = this.calls.get(id) ?? [];
    const state = this.states.get(id)!;
    if (this.cancelRequested) return this.update(id, { status: 'cancelled', message: 'Cancelled before it started' });
    this.update(id, { status: 'running', message: 'Working' });
    for (let i = state.callsDone; i < calls.length; i++) {
      const outcome = await this.paced(calls[i], () => this.cancelRequested);
      if (outcome === 'cancelled')
        return this.update(id, {
          status: 'cancelled',
          message: i ? 'Cancelled part-way: some changes were saved' : 'Cancelled before it started',
        });
      if (!outcome.ok) return this.update(id, { status: 'failed', message: outcome.error });
      this.update(id, { callsDone: i + 1 });
    }
    this.update(id, { status: 'done', message: 'Done' });
  }

  // One call through the bucket, retried after a ThrottlingException with the whole queue backing off.
  private async paced(call: Call, cancelled: () => boolean): Promise<CallOutcome | 'cancelled'> {
    for (let attempt = 0; ; attempt++) {
      const wait = this.bucket.reserve();
      if (wait > 0) await this.opts.sleep(wait);
      if (cancelled()) return 'cancelled';
      this.callCount++;
      const outcome = await call().catch((e: unknown): CallOutcome => ({
        ok: false,
        error: e instanceof Error ? e.message : 'The call failed.',
      }));
      if (outcome.ok || outcome.code !== THROTTLED) return outcome;
      this.throttleCount++;
      if (attempt >= this.opts.maxThrottleRetries)
        return { ...outcome, error: `${outcome.error} (still throttled after ${attempt + 1} tries)` };
      this.bucket.pause(backoffMs(attempt, this.opts.baseBackoffMs, this.opts.maxBackoffMs, this.opts.random));
    }
  }

  private update(id: string, patch: Partial<ItemState>, emit = true): void {
    const state = this.states.get(id);
    if (state) Object.assign(state, patch);
    if (emit) this.emit();
  }

  private emit(): void {
    this.latest = this.snapshot();
    this.listeners.forEach((listener) => listener(this.latest));
  }
}
