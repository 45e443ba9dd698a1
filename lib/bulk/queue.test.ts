import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffMs, BulkQueue, type Call, type CallOutcome } from './queue';
import { TokenBucket } from './token-bucket';

const ok: CallOutcome = { ok: true };
const throttled: CallOutcome = { ok: false, error: 'IVS is throttling requests', code: 'ThrottlingException' };

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

// A call that records when it ran (fake time) and answers from a script, then ok.
function recorder(times: number[], script: CallOutcome[] = []): Call {
  return async () => {
    times.push(Date.now());
    return script.shift() ?? ok;
  };
}

describe('TokenBucket', () => {
  it('spaces reservations at the rate after the burst', () => {
    let t = 0;
    const bucket = new TokenBucket(10, 1, () => t);
    expect([bucket.reserve(), bucket.reserve(), bucket.reserve()]).toEqual([0, 100, 200]);
    t = 1000;
    expect(bucket.reserve()).toBe(0);
  });

  it('pause holds every later reservation back', () => {
    const bucket = new TokenBucket(10, 1, () => 0);
    bucket.reserve();
    bucket.pause(500);
    expect(bucket.reserve()).toBe(600);
  });
});

describe('BulkQueue', () => {
  it('never starts more than 10 calls in any second, counting every call of an item', async () => {
    const times: number[] = [];
    const items = Array.from({ length: 15 }, (_, i) => ({ id: `c${i}`, calls: [recorder(times), recorder(times)] }));
    const queue = new BulkQueue(items, { concurrency: 4 });
    const done = queue.run();
    await vi.runAllTimersAsync();
    const result = await done;
    expect(result.done).toBe(15);
    expect(times).toHaveLength(30);
    for (const t of times) expect(times.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(10);
    // …and it does use the quota: 30 calls at 10/s take just under 3 s.
    expect(Math.max(...times)).toBe(2900);
  });

  it('retries a throttled call after an exponential, jittered pause and then succeeds', async () => {
    const times: number[] = [];
    const queue = new BulkQueue([{ id: 'a', calls: [recorder(times, [throttled, throttled])] }], { random: () => 0.5, baseBackoffMs: 200 });
    const done = queue.run();
    await vi.runAllTimersAsync();
    const result = await done;
    expect(result.items[0]).toMatchObject({ status: 'done' });
    expect(result.throttled).toBe(2);
    // backoff(0) = 150 ms, backoff(1) = 300 ms, each on top of the 100 ms token spacing.
    expect(times).toEqual([0, 250, 650]);
  });

  it('gives up on a call still throttled after the retry limit, and fails other errors at once', async () => {
    const always: Call = async () => throttled;
    const denied: Call = async () => ({ ok: false, error: 'IVS could not find this resource.', code: 'ResourceNotFoundException' });
    const queue = new BulkQueue(
      [
        { id: 'a', calls: [always] },
        { id: 'b', calls: [denied] },
      ],
      { maxThrottleRetries: 2 },
    );
    const done = queue.run();
    await vi.runAllTimersAsync();
    const result = await done;
    expect(result.items.find((i) => i.id === 'a')).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/still throttled after 3 tries/),
    });
    expect(result.items.find((i) => i.id === 'b')).toMatchObject({ status: 'failed', message: 'IVS could not find this resource.' });
  });

  it('cancel stops new calls; retryFailed resumes from the call that did not succeed', async () => {
    const runs: Record<string, number> = {};
    const counted =
      (name: string, script: CallOutcome[] = []): Call =>
      async () => {
        runs[name] = (runs[name] ?? 0) + 1;
        return script.shift() ?? ok;
      };
    const items = [
      { id: 'a', calls: [counted('a1'), counted('a2', [{ ok: false, error: 'boom', code: 'InternalServerException' }])] },
      ...Array.from({ length: 5 }, (_, i) => ({ id: `b${i}`, calls: [counted(`b${i}`)] })),
    ];
    const queue = new BulkQueue(items, { concurrency: 1 });
    const done = queue.run();
    await vi.advanceTimersByTimeAsync(250);
    queue.cancel();
    await vi.runAllTimersAsync();
    const result = await done;
    expect(result.items[0]).toMatchObject({ status: 'failed', message: 'boom', callsDone: 1 });
    const cancelled = result.items.filter((i) => i.status === 'cancelled').map((i) => i.id);
    expect(cancelled.length).toBeGreaterThanOrEqual(3);
    cancelled.forEach((id) => expect(runs[id]).toBeUndefined());

    const again = queue.retryFailed();
    await vi.runAllTimersAsync();
    const after = await again;
    expect(after.items.every((i) => i.status === 'done')).toBe(true);
    // Item a re-ran only its failed second call; every other item ran exactly once.
    expect(runs).toEqual({ a1: 1, a2: 2, b0: 1, b1: 1, b2: 1, b3: 1, b4: 1 });
  });

  it('reports a thrown error as a failed item instead of stopping the queue', async () => {
    const boom: Call = async () => {
      throw new Error('network down');
    };
    const queue = new BulkQueue([
      { id: 'a', calls: [boom] },
      { id: 'b', calls: [async () => ok] },
    ]);
    const done = queue.run();
    await vi.runAllTimersAsync();
    const result = await done;
    expect(result.items.map((i) => i.status)).toEqual(['failed', 'done']);
    expect(result.items[0].message).toBe('network down');
  });
});

describe('backoffMs', () => {
  it('grows exponentially up to the cap, with jitter in the upper half', () => {
    expect(backoffMs(0, 100, 1000, () => 0)).toBe(50);
    expect(backoffMs(3, 100, 1000, () => 1)).toBe(800);
    expect(backoffMs(10, 100, 1000, () => 1)).toBe(1000);
  });
});
