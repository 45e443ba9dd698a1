import { describe, expect, it } from 'vitest';
import { parseBoardQuery } from './query';

describe('parseBoardQuery (the board page and its polling route)', () => {
  it('reads page 1 when absent and a whole page number when given', () => {
    expect(parseBoardQuery(new URLSearchParams())).toMatchObject({ success: true, data: { page: 1 } });
    expect(parseBoardQuery({ page: '3' })).toMatchObject({ success: true, data: { page: 3 } });
  });

  it.each(['0', '-2', '1.5', 'abc', '100000'])('refuses page=%s with a message', (page) => {
    const out = parseBoardQuery(new URLSearchParams({ page }));
    expect(out.success).toBe(false);
    expect(out.error?.issues[0].message).toMatch(/^page must be/);
  });
});
