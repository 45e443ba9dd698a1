import { describe, expect, it, vi } from 'vitest';
import { ListChannelsCommand } from '@aws-sdk/client-ivs';
import { pagesOf, readAllPages, wholeListing } from './list-all';

// A fake ListChannels over `total` channels, 100 per page, with opaque tokens.
function channels(total: number) {
  const send = vi.fn(async ({ input }: { input: { nextToken?: string } }) => {
    const start = Number(input.nextToken ?? 0);
    const page = Array.from({ length: Math.max(0, Math.min(100, total - start)) }, (_, i) => ({ arn: `c${start + i}` }));
    return { channels: page, nextToken: start + 100 < total ? String(start + 100) : undefined };
  });
  // A plain object, not an IvsClient: the shared client may come from another bundle's copy of the SDK.
  const client = { send: (command: ListChannelsCommand) => send(command) };
  return { send, pages: () => pagesOf((nextToken) => client.send(new ListChannelsCommand({ maxResults: 100, nextToken }))) };
}

describe('readAllPages', () => {
  it('follows nextToken through every page, in order, with any client that sends', async () => {
    const ivs = channels(250);
    const listing = await readAllPages(ivs.pages(), (p) => p.channels);
    expect(listing.truncated).toBe(false);
    expect(listing.items.map((c) => c.arn)).toEqual(Array.from({ length: 250 }, (_, i) => `c${i}`));
    expect(ivs.send).toHaveBeenCalledTimes(3);
  });

  it('flags a listing the page cap cut off, and only then', async () => {
    const cut = await readAllPages(channels(350).pages(), (p) => p.channels, 3);
    expect(cut).toMatchObject({ truncated: true });
    expect(cut.items).toHaveLength(300);
    expect(await readAllPages(channels(300).pages(), (p) => p.channels, 3)).toMatchObject({ truncated: false });
  });

  it('refuses to pass a cut-off listing off as whole', () => {
    expect(wholeListing({ items: [1], truncated: false }, 'policies')).toEqual([1]);
    expect(() => wholeListing({ items: [1], truncated: true }, 'policies')).toThrow(/more policies than the console lists/);
  });
});
