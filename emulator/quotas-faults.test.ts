import { describe, expect, it } from 'vitest';
import { FaultBook } from './faults';
import { RateLimiter, tpsFor } from './quotas';

describe('RateLimiter (token bucket, burst = TPS)', () => {
  it('allows a burst of TPS calls per operation and region, then refills', () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    const burst = Array.from({ length: 6 }, () => limiter.allow('GetChannel', 'us-west-2', {}));
    expect(burst).toEqual([true, true, true, true, true, false]);
    expect(limiter.allow('GetChannel', 'eu-west-1', {})).toBe(true);
    expect(limiter.allow('ListChannels', 'us-west-2', {})).toBe(true);
    now += 200;
    expect(limiter.allow('GetChannel', 'us-west-2', {})).toBe(true);
    expect(limiter.allow('GetChannel', 'us-west-2', {})).toBe(false);
  });

  it('uses 10 TPS for tag operations and per-channel limits for PutMetadata', () => {
    expect(tpsFor('TagResource')).toBe(10);
    expect(tpsFor('ImportPlaybackKeyPair')).toBe(3);
    expect(tpsFor('BatchStartViewerSessionRevocation')).toBe(2);
    expect(tpsFor('CreateChannel')).toBe(5);
    const limiter = new RateLimiter(() => 0);
    const a = Array.from({ length: 6 }, () => limiter.allow('PutMetadata', 'us-west-2', { channelArn: 'a' }));
    expect(a.filter(Boolean)).toHaveLength(5);
    expect(limiter.allow('PutMetadata', 'us-west-2', { channelArn: 'b' })).toBe(true);
  });
});

describe('FaultBook', () => {
  it('fails exactly the next N calls of an operation with the queued error', () => {
    const faults = new FaultBook();
    faults.add('CreateStreamKey', 'InternalServerException', 2);
    expect(faults.next('GetChannel')).toBeUndefined();
    expect(faults.next('CreateStreamKey')).toMatchObject({ code: 'InternalServerException', status: 500 });
    expect(faults.next('CreateStreamKey')).toMatchObject({ code: 'InternalServerException' });
    expect(faults.next('CreateStreamKey')).toBeUndefined();
  });

  it('answers a share of calls with 429, 500 or 503 at the fault rate', () => {
    let i = 0;
    const values = [0.05, 0.1, 0.5, 0.9, 0.05, 0.99];
    const faults = new FaultBook(0.1, () => values[i++ % values.length]);
    const a = faults.next('GetChannel');
    expect([429, 500, 503]).toContain(typeof a === 'object' ? a.status : undefined);
    expect(faults.next('GetChannel')).toBeUndefined();
  });
});
