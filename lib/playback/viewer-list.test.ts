import { describe, expect, it } from 'vitest';
import { chunk, parseViewerList } from './viewer-list';

describe('parseViewerList', () => {
  it('reads ids with optional versions, skipping blanks and comments', () => {
    const parsed = parseViewerList('alice\n\n# banned on 2030-01-01\nbob,3\ncarol\t7\n  dave , 0  \n');
    expect(parsed.sessions).toEqual([
      { viewerId: 'alice' },
      { viewerId: 'bob', viewerSessionVersion: 3 },
      { viewerId: 'carol', viewerSessionVersion: 7 },
      { viewerId: 'dave', viewerSessionVersion: 0 },
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('reports lines whose viewer id is too long, with their line number', () => {
    const parsed = parseViewerList(`ok\n${'x'.repeat(41)}`);
    expect(parsed.sessions).toEqual([{ viewerId: 'ok' }]);
    expect(parsed.problems).toEqual([{ line: 2, text: 'x'.repeat(41), message: 'A viewer id is at most 40 characters.' }]);
  });

  it('merges repeated ids, keeping the highest version', () => {
    expect(parseViewerList('a,2\na,5\na,1\na').sessions).toEqual([{ viewerId: 'a', viewerSessionVersion: 5 }]);
  });
});

describe('chunk', () => {
  it('splits 45 items into 20 + 20 + 5', () => {
    expect(
      chunk(
        Array.from({ length: 45 }, (_, i) => i),
        20,
      ).map((c) => c.length),
    ).toEqual([20, 20, 5]);
  });
});
