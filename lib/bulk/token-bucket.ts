// A token bucket that hands out reservations: each caller learns how long to wait before its call,
// so concurrent workers are spread evenly at `ratePerSecond` instead of bursting together.
// Pure (the clock is injected), so it runs the same in the browser, in Node and under fake timers.
export class TokenBucket {
  private tokens: number;
  private updated: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.tokens = burst;
    this.updated = now();
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.updated) / 1000) * this.ratePerSecond);
    this.updated = t;
  }

  /** Takes one token and returns the milliseconds to wait before using it (0 = now). */
  reserve(): number {
    this.refill();
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.ratePerSecond) * 1000);
  }

  /** Nobody gets a token for `ms` (after a ThrottlingException, the whole queue backs off, not one worker). */
  pause(ms: number): void {
    this.refill();
    this.tokens = Math.min(this.tokens, 0) - (ms / 1000) * this.ratePerSecond;
  }
}
