import { describe, expect, it } from 'vitest';
import { quotaByName, usageLevel } from './catalogue';

describe('usageLevel', () => {
  it('warns from 80 % and is full at 100 %', () => {
    expect(usageLevel(15, 20)).toEqual({ percent: 75, level: 'ok' });
    expect(usageLevel(16, 20)).toEqual({ percent: 80, level: 'warning' });
    expect(usageLevel(20, 20)).toEqual({ percent: 100, level: 'full' });
    expect(usageLevel(3, 2)).toEqual({ percent: 150, level: 'full' });
  });
  it('rounds down so 79.9 % is not shown as 80 %', () => {
    expect(usageLevel(799, 1000)).toEqual({ percent: 79, level: 'ok' });
  });
  it('knows nothing when the usage is unknown, and treats an applied value of 0 as full', () => {
    expect(usageLevel(null, 20)).toEqual({ percent: null, level: 'ok' });
    expect(usageLevel(0, 0).level).toBe('full');
  });
});

describe('quotaByName', () => {
  it('matches the QuotaName whatever its case', () => {
    expect(quotaByName('playback key pairs')?.key).toBe('playbackKeyPairs');
    expect(quotaByName('Stream keys per channel')).toBeUndefined();
  });
});
