import { describe, expect, it } from 'vitest';
import { channelQueryString, channelsToCsv, matchesQuery, parseChannelQuery, toExportChannel, type ExportChannel } from './filter';

const channel = (over: Partial<ExportChannel> = {}): ExportChannel => ({
  arn: 'arn:aws:ivs:us-west-2:123456789012:channel/abc',
  id: 'abc',
  name: 'news',
  type: 'STANDARD',
  latencyMode: 'LOW',
  authorized: false,
  insecureIngest: false,
  preset: '',
  recordingConfigurationArn: '',
  playbackRestrictionPolicyArn: '',
  adConfigurationArn: '',
  tags: {},
  ...over,
});

describe('channel query', () => {
  it('reads the list URL: the first IVS filter, the tag filter and quick filters, and writes it back', () => {
    const q = parseChannelQuery(new URLSearchParams('name=st&recording=arn:x&tagKey=team&tagValue=news&qtype=BASIC&token=zzz'));
    expect(q).toMatchObject({ ivs: { kind: 'name', value: 'st' }, tagKey: 'team', tagValue: 'news', type: 'BASIC' });
    expect(channelQueryString(q).toString()).toBe('name=st&tagKey=team&tagValue=news&qtype=BASIC');
  });

  it('matches the tag key exactly, the value exactly when given (an empty value included)', () => {
    const q = (s: string) => parseChannelQuery(new URLSearchParams(s));
    const c = channel({ tags: { team: 'news', empty: '' } });
    expect(matchesQuery(c, q('tagKey=team'))).toBe(true);
    expect(matchesQuery(c, q('tagKey=Team'))).toBe(false);
    expect(matchesQuery(c, q('tagKey=team&tagValue=news'))).toBe(true);
    expect(matchesQuery(c, q('tagKey=team&tagValue=sport'))).toBe(false);
    expect(matchesQuery(c, q('tagKey=empty'))).toBe(true);
    expect(matchesQuery(c, q('tagKey=missing'))).toBe(false);
    expect(matchesQuery(c, q('qprivate=yes'))).toBe(false);
    expect(matchesQuery(c, q('qtag=TEAM=NEWS'))).toBe(true);
    expect(matchesQuery(c, q('qlive=live'), new Set())).toBe(false);
    expect(matchesQuery(c, q('qlive=live'), new Set([c.arn]))).toBe(true);
    expect(matchesQuery(c, q('qlive=offline'), new Set([c.arn]))).toBe(false);
  });
});

describe('CSV export', () => {
  it('writes one tag column per key, quotes what needs it and defuses spreadsheet formulas', () => {
    const csv = channelsToCsv([
      channel({ name: 'a', tags: { team: 'news, sport', cost: '=1+1' } }),
      channel({ id: 'def', name: 'b', tags: { team: 'say "hi"' } }),
    ]);
    const [head, first, second] = csv.trimEnd().split('\r\n');
    expect(head).toBe(
      'arn,id,name,type,latencyMode,authorized,insecureIngest,preset,recordingConfigurationArn,playbackRestrictionPolicyArn,adConfigurationArn,tag:cost,tag:team',
    );
    expect(first.endsWith(`,'=1+1,"news, sport"`)).toBe(true);
    expect(second.endsWith(',,"say ""hi"""')).toBe(true);
  });

  it('exports only the known fields, whatever else the DTO carries', () => {
    const extra = { ...channel(), streamKey: 'sk_secret', srtPassphrase: 'pass' } as ExportChannel;
    expect(JSON.stringify(toExportChannel(extra))).not.toMatch(/sk_secret|pass"/);
  });
});
