import { describe, expect, it } from 'vitest';
import { isSealed, open, seal, SealedValueError } from '@/lib/alerts/secret-box';

const URL_ = 'https://hooks.slack.com/services/T000/B000/XXXXXXXX';

describe('sealed alert destinations', () => {
  it('seals so the value is nowhere in what is stored, and opens it again', () => {
    const stored = seal(URL_, 'secret-now');
    expect(isSealed(stored)).toBe(true);
    expect(stored).not.toContain('hooks.slack.com');
    expect(seal(URL_, 'secret-now')).not.toBe(stored); // a fresh IV each time
    expect(open(stored, ['secret-now'])).toBe(URL_);
  });

  it('opens with an earlier secret while AUTH_SECRET rotates, and says so when none fits', () => {
    const stored = seal(URL_, 'secret-before');
    expect(open(stored, ['secret-now', 'secret-before'])).toBe(URL_);
    expect(() => open(stored, ['secret-now'])).toThrow(SealedValueError);
  });

  it('refuses a value that was tampered with', () => {
    const stored = seal(URL_, 'secret-now');
    const flipped = stored.slice(0, -2) + (stored.at(-2) === 'A' ? 'B' : 'A') + stored.at(-1);
    expect(() => open(flipped, ['secret-now'])).toThrow(SealedValueError);
  });

  it('reads a value stored before sealing as it is', () => {
    expect(open(URL_, ['secret-now'])).toBe(URL_);
  });
});
