import { beforeEach, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({
  user: null as null | { email: string; name: string; role: 'viewer' | 'operator' | 'admin' },
  listChannelsPage: vi.fn(),
}));

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => h.user }));
vi.mock('@/lib/auth/region', () => ({ currentRegion: async () => 'us-west-2' }));
vi.mock('@/lib/ivs/client', () => ({ ivsClient: () => ({}) }));
vi.mock('@/lib/ivs/channels', () => ({ listChannelsPage: h.listChannelsPage }));
vi.mock('@/lib/ivs/streams', () => ({
  liveSnapshot: async () => ({ fetchedAt: 0, streams: [{ channelArn: 'arn:aws:ivs:us-west-2:123456789012:channel/c' }] }),
}));

const { GET } = await import('./route');

const row = (id: string, tags: Record<string, string>) => ({
  arn: `arn:aws:ivs:us-west-2:123456789012:channel/${id}`,
  id,
  name: `ch-${id}`,
  type: 'STANDARD',
  latencyMode: 'LOW',
  authorized: false,
  insecureIngest: false,
  preset: '',
  recordingConfigurationArn: '',
  playbackRestrictionPolicyArn: '',
  tags,
  // Whatever a DTO might carry by mistake must not reach the file.
  streamKey: 'sk_us-west-2_SECRET',
});

beforeEach(() => {
  vi.clearAllMocks();
  h.user = { email: 'viewer@local', name: 'viewer', role: 'viewer' };
  h.listChannelsPage.mockImplementation(async (_region: string, opts: { nextToken?: string }) =>
    opts.nextToken
      ? { channels: [row('b', { team: 'news' })], nextToken: null }
      : { channels: [row('a', { team: 'sport' }), row('c', {})], nextToken: 'page2' },
  );
});

const get = (qs: string) => GET(new Request(`http://localhost/api/channels/export?${qs}`));

describe('GET /api/channels/export', () => {
  it('refuses without a session', async () => {
    h.user = null;
    expect((await get('format=csv')).status).toBe(401);
    expect(h.listChannelsPage).not.toHaveBeenCalled();
  });

  it('exports every page for a viewer as CSV, with tags and without stream keys', async () => {
    const res = await get('format=csv&name=ch');
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="channels-us-west-2-.*\.csv"/);
    const text = await res.text();
    expect(text.trimEnd().split('\r\n')).toHaveLength(4);
    expect(text).toContain('tag:team');
    expect(text).not.toContain('SECRET');
    expect(h.listChannelsPage).toHaveBeenCalledWith('us-west-2', { nextToken: undefined, filter: { kind: 'name', value: 'ch' } });
  });

  it('applies the tag filter to the JSON export and to single pages', async () => {
    const body = await (await get('format=json&tagKey=team&tagValue=news')).json();
    expect(body).toMatchObject({ count: 1, truncated: false, filter: 'tagKey=team&tagValue=news' });
    expect(body.channels[0]).toMatchObject({ id: 'b', tags: { team: 'news' } });
    expect(JSON.stringify(body)).not.toContain('SECRET');

    const page = await (await get('paged=1&tagKey=team')).json();
    expect(page).toMatchObject({ scanned: 2, nextToken: 'page2' });
    expect(page.channels.map((c: { id: string }) => c.id)).toEqual(['a']);

    const live = await (await get('format=json&qlive=live')).json();
    expect(live.channels.map((c: { id: string }) => c.id)).toEqual(['c']);
  });

  it('rejects a bad format or page token', async () => {
    expect((await get('format=xml')).status).toBe(400);
    expect((await get('paged=1&token=%3Cscript%3E')).status).toBe(400);
  });

  it.each([
    ['name=bad%20name!', /letters, digits/i],
    [`name=${'a'.repeat(129)}`, /128/],
    ['recording=not-an-arn', /Not a recording configuration ARN/],
    ['recording=arn:aws:ivs:eu-west-1:123456789012:recording-configuration/Rc1', /is in eu-west-1/],
    ['policy=arn:aws:ivs:us-west-2:111122223333:playback-restriction-policy/P1', /belongs to AWS account 111122223333/],
    ['tagKey=aws:owner', /reserved/],
    ['tagKey=team&tagValue=%3Cscript%3E', /Tag value/],
    ['token=%7B%22a%22%3A1%7D', /page token/],
    [`token=${'a'.repeat(1025)}`, /page token/],
  ])('refuses %s with a message and no ListChannels call', async (qs, message) => {
    for (const mode of ['format=json', 'paged=1']) {
      const res = await get(`${mode}&${qs}`);
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(message);
    }
    expect(h.listChannelsPage).not.toHaveBeenCalled();
  });
});
