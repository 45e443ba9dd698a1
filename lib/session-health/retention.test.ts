import { describe, expect, it } from 'vitest';
import { retentionNote } from './retention';

const NOW = Date.parse('2026-12-02T12:00:00Z');
const H = 3_600_000;
const D = 24 * H;

describe('retentionNote', () => {
  it('says nothing for a recent session with data', () => {
    expect(retentionNote(NOW - 2 * H, NOW, 30, true)).toBeNull();
  });

  it('names the coarser resolution CloudWatch kept for an older session', () => {
    expect(retentionNote(NOW - 5 * H, NOW, 60, true)).toMatch(/older than 3 hours .* 1-minute/);
    expect(retentionNote(NOW - 20 * D, NOW, 300, true)).toBe(
      'Metrics older than 15 days are kept at 5-minute resolution: short dips and spikes are averaged away.',
    );
    expect(retentionNote(NOW - 100 * D, NOW, 3600, true)).toMatch(/older than 63 days .* 1-hour/);
  });

  it('says when CloudWatch has nothing, and why when it is past retention', () => {
    expect(retentionNote(NOW - 20 * D, NOW, 300, false)).toBe('CloudWatch has no data for this session.');
    expect(retentionNote(NOW - 500 * D, NOW, 3600, false)).toMatch(/15 months/);
  });
});
