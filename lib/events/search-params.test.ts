import { describe, expect, it } from 'vitest';
import { eventsPageHref } from '@/lib/events/feed-url';
import { eventsViewFromSearchParams, validForm } from '@/lib/events/search-params';
import { encodeEventCursor } from '@/lib/events/types';

const ARN = 'arn:aws:ivs:us-west-2:123456789012:channel/AbCd1234';

describe('the /events URL', () => {
  it('takes a channel id or ARN, a kind, a severity and a cursor', () => {
    const before = encodeEventCursor({ occurredAt: 1_764_000_000_000, id: '0b0e6a52-4c3e-4d0e-9f7a-1a2b3c4d5e6f' });
    const view = eventsViewFromSearchParams({ channel: ` ${ARN} `, kind: 'stream.ended', severity: 'critical', before });
    expect(view.errors).toEqual({});
    expect(view.query).toEqual({ channel: ARN, kind: 'stream.ended', severity: 'critical', before });
    expect(eventsViewFromSearchParams(new URLSearchParams('channel=AbCd1234')).query).toEqual({ channel: 'AbCd1234' });
  });

  it('names each bad filter with a message for its field, and keeps the good ones', () => {
    const view = eventsViewFromSearchParams({
      channel: 'arn:aws:ivs:us-west-2:123456789012:stream-key/x',
      kind: 'stream.exploded',
      severity: 'panic',
      before: 'garbage',
    });
    expect(view.errors).toEqual({
      channel: 'Enter a channel id (the end of its ARN) or a whole channel ARN.',
      kind: 'Choose a kind from the list.',
      severity: 'Choose critical, warning or info.',
      before: expect.stringMatching(/link is damaged/),
    });
    expect(view.query).toEqual({});
    expect(view.form.kind).toBe('stream.exploded'); // shown back so it can be corrected
    const mixed = eventsViewFromSearchParams({ kind: 'starvation.started', severity: 'loud' });
    expect(mixed.query).toEqual({ kind: 'starvation.started' });
    expect(eventsPageHref(validForm(mixed))).toBe('/events?kind=starvation.started');
  });

  it('builds the older-page link from the filters and the cursor', () => {
    expect(eventsPageHref({ channel: 'AbCd1234', kind: '', severity: 'info' }, '17~abc')).toBe(
      '/events?channel=AbCd1234&severity=info&before=17%7Eabc',
    );
    expect(eventsPageHref({ channel: '', kind: '', severity: '' })).toBe('/events');
  });
});
