import { describe, expect, it, vi } from 'vitest';
import type { ConsoleEvent } from '@/lib/alerts/console-event';
import { ruleMatches, type MatchableRule } from '@/lib/alerts/match';

const event = { kind: 'starvation.started', severity: 'warning' } as ConsoleEvent;
const rule: MatchableRule = {
  enabled: true,
  kinds: ['starvation.started', 'stream.ended'],
  minSeverity: 'warning',
  tagKey: null,
  tagValue: null,
};
const noTags = () => Promise.resolve(null);

describe('ruleMatches', () => {
  it('matches on kind and minimum severity', async () => {
    expect(await ruleMatches(rule, event, noTags)).toBe(true);
    expect(await ruleMatches(rule, { ...event, severity: 'critical' }, noTags)).toBe(true);
    expect(await ruleMatches(rule, { ...event, severity: 'info' }, noTags)).toBe(false);
    expect(await ruleMatches(rule, { ...event, kind: 'stream.started' }, noTags)).toBe(false);
    expect(await ruleMatches({ ...rule, enabled: false }, event, noTags)).toBe(false);
  });

  it('asks for tags only for a tag-scoped rule, and matches key and value', async () => {
    const tags = vi.fn(async () => ({ team: 'sports', env: 'prod' }));
    expect(await ruleMatches(rule, event, tags)).toBe(true);
    expect(tags).not.toHaveBeenCalled();
    expect(await ruleMatches({ ...rule, tagKey: 'team', tagValue: 'sports' }, event, tags)).toBe(true);
    expect(await ruleMatches({ ...rule, tagKey: 'team', tagValue: 'news' }, event, tags)).toBe(false);
    expect(await ruleMatches({ ...rule, tagKey: 'team', tagValue: 'sports' }, event, noTags)).toBe(false);
  });
});
