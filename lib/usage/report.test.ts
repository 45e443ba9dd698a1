import { describe, expect, it } from 'vitest';
import { usageWindow } from './catalogue';
import { parsePriceFile } from './price-schema';
import { totalRow, usageCsv, usageRows, type ChannelUsage } from './report';
import { usageQueries } from './queries';

const ch = (over: Partial<ChannelUsage>): ChannelUsage => ({
  region: 'us-west-2',
  id: 'a',
  arn: 'arn:a',
  name: 'a',
  type: 'STANDARD',
  tags: {},
  inputSeconds: 3600,
  deliveredSeconds: 7200,
  recordedSeconds: 0,
  peakViews: 10,
  ...over,
});

describe('usage report', () => {
  const usage = [
    ch({}),
    ch({ id: 'b', arn: 'arn:b', name: 'b', type: 'BASIC', tags: { team: 'news' }, peakViews: 30 }),
    ch({ id: 'c', arn: 'arn:c', name: 'c', region: 'eu-west-1', tags: { team: 'news' }, inputSeconds: 1800 }),
  ];

  it('groups by tag value with untagged channels apart, peaks as the highest channel peak', () => {
    const rows = usageRows(usage, 'tag', 'team', null);
    expect(rows.map((r) => [r.label, r.channels, r.inputHoursTotal, r.peakViews])).toEqual([
      ['news', 2, 1.5, 30],
      ['(no tag)', 1, 1, 10],
    ]);
    expect(rows[0].inputHours).toMatchObject({ BASIC: 1, STANDARD: 0.5 });
    expect(totalRow(rows)).toMatchObject({ channels: 3, inputHoursTotal: 2.5, deliveredHours: 6, peakViews: 30, estimate: null });
  });

  it('estimates only with a price file, regional rates over the default', () => {
    const parsed = parsePriceFile({
      currency: 'USD',
      default: { inputPerHour: { STANDARD: 2, BASIC: 0.2 }, deliveredPerHour: 0.1 },
      regions: { 'eu-west-1': { deliveredPerHour: 0.2 } },
    });
    if (!parsed.ok) throw new Error(parsed.error);
    const rows = usageRows(usage, 'region', undefined, parsed.prices);
    expect(rows.find((r) => r.key === 'us-west-2')!.estimate).toBeCloseTo(2 + 0.2 + 4 * 0.1);
    expect(rows.find((r) => r.key === 'eu-west-1')!.estimate).toBeCloseTo(1 + 2 * 0.2);
    expect(usageCsv(rows, 'region', 'USD').split('\r\n')[0]).toContain('"estimate_USD"');
  });

  it('says what is wrong in a price file', () => {
    const r = parsePriceFile({ currency: 'dollars', default: { inputPerHour: { GOLD: 1 } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/currency: currency must be a three-letter code/);
  });

  it('keeps spreadsheet formulas out of the CSV', () => {
    const csv = usageCsv(usageRows([ch({ name: '=HYPERLINK("x")' })], 'channel', undefined, null), 'channel', null);
    expect(csv).toContain(`"'=HYPERLINK(""x"") (us-west-2)"`);
    expect(csv).not.toContain('estimate');
  });

  it('checks a custom period field by field', () => {
    const now = Date.parse('2026-12-03T10:00:00Z');
    expect(usageWindow({ range: 'custom', from: '', to: 'x' }, now)).toEqual({
      ok: false,
      fieldErrors: { from: 'Give a start date and time.', to: 'Not a date and time (use YYYY-MM-DDTHH:MM, UTC).' },
    });
    expect(usageWindow({ range: 'custom', from: '2026-12-02T10:00', to: '2026-12-02T09:00' }, now)).toMatchObject({
      ok: false,
      fieldErrors: { to: 'The end must be at least a minute after the start.' },
    });
    const ok = usageWindow({ range: 'custom', from: '2026-12-01T10:00:30', to: '2026-12-02T10:00' }, now);
    expect(ok).toEqual({ ok: true, window: { start: new Date('2026-12-01T10:00:00Z'), end: new Date('2026-12-02T10:00:00Z') } });
  });

  it('asks 4 queries per channel, one period as long as the window', () => {
    const { queries } = usageQueries(['x', 'y'], 86_400);
    expect(queries).toHaveLength(8);
    expect(new Set(queries.map((q) => q.period))).toEqual(new Set([86_400]));
  });
});
