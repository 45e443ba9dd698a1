import { describe, expect, it } from 'vitest';
import { decodeEvent, STREAM_EVENT_CODES, STREAM_EVENTS } from '../stream-events';
import { ctx, event, T0 } from '../test-fixtures';
import { streamEventsRule } from './stream-events';

describe('decodeEvent', () => {
  it('has a plain-English line for every documented event and code', () => {
    for (const name of Object.keys(STREAM_EVENTS)) expect(decodeEvent({ name }).known).toBe(true);
    for (const code of Object.keys(STREAM_EVENT_CODES)) {
      const d = decodeEvent({ name: 'Session Ended', code });
      expect(d.known).toBe(true);
      expect(d.line).toContain(STREAM_EVENT_CODES[code].meaning);
      expect(d.fix).toBe(STREAM_EVENT_CODES[code].fix);
    }
  });

  it('makes a routine event with a code a warning: Session Ended with MultitrackInputRequired', () => {
    expect(decodeEvent({ name: 'Session Ended' }).severity).toBe('info');
    const d = decodeEvent({ name: 'Session Ended', code: 'MultitrackInputRequired' });
    expect(d.severity).toBe('warning');
    expect(d.line).toBe(
      'The encoder disconnected and IVS no longer receives video. ' +
        'The encoder connected with single-track video, but this channel requires multitrack input.',
    );
  });

  it('says so for an unknown event or code instead of guessing', () => {
    const d = decodeEvent({ name: 'Something New', type: 'IVS Stream State Change', code: 'Xyz' });
    expect(d).toMatchObject({ known: false, severity: 'info' });
    expect(d.line).toBe('IVS reported "Something New". Code Xyz (no description is documented for it).');
    expect(decodeEvent({ name: 'Ingest Bitrate', type: 'IVS Limit Breach' }).severity).toBe('warning');
  });
});

describe('streamEventsRule', () => {
  it('groups failures by name and code with a count and the last time', () => {
    const events = [
      event('Stream Takeover Failure', T0, { code: 'StreamTakeoverInvalidPriority' }),
      event('Stream Takeover Failure', T0 + 60_000, { code: 'StreamTakeoverInvalidPriority' }),
      event('Stream Failure', T0 + 30_000),
    ];
    const findings = streamEventsRule(ctx({ events }));
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['event:Stream Takeover Failure:StreamTakeoverInvalidPriority', 'warning'],
      ['event:Stream Failure', 'critical'],
    ]);
    expect(findings[0].detail).toContain('Seen 2 times, last at 12:01:00 UTC.');
    expect(findings[0].window).toEqual({ start: T0, end: T0 + 60_000 });
  });

  it('leaves routine events and starvation (its own rule) out', () => {
    const names = ['Session Created', 'Stream Start', 'Starvation Start', 'Starvation End', 'Stream End', 'Session Ended'];
    const events = names.map((n, i) => event(n, T0 + i));
    expect(streamEventsRule(ctx({ events }))).toEqual([]);
  });
});
