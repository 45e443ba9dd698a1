import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-ivs';
import { as, harness as h } from '@/test/action-harness';

const CHANNEL = 'arn:aws:ivs:us-west-2:123456789012:channel/AbCdEfGh1234';

const { tagResourceAction, untagResourceAction } = await import('./actions');

beforeEach(() => {
  vi.clearAllMocks();
  h.send.mockResolvedValue({});
});

describe('tag actions', () => {
  it('refuse a viewer before any IVS call', async () => {
    as('viewer');
    expect(await tagResourceAction({ resourceArn: CHANNEL, tags: [{ key: 'team', value: 'news' }] })).toMatchObject({
      ok: false,
      code: 'Forbidden',
    });
    expect(await untagResourceAction({ resourceArn: CHANNEL, tagKeys: ['team'] })).toMatchObject({ ok: false, code: 'Forbidden' });
    expect(h.send).not.toHaveBeenCalled();
  });

  it('send exactly one TagResource / UntagResource call for an operator', async () => {
    as('operator');
    expect(await tagResourceAction({ resourceArn: CHANNEL, tags: [{ key: 'team', value: 'news' }] })).toEqual({
      ok: true,
      data: { resourceArn: CHANNEL, tagged: ['team'] },
    });
    expect(await untagResourceAction({ resourceArn: CHANNEL, tagKeys: ['old'] })).toMatchObject({ ok: true });
    expect(h.send).toHaveBeenCalledTimes(2);
    expect(h.send.mock.calls[0][0]).toBeInstanceOf(TagResourceCommand);
    expect(h.send.mock.calls[0][0].input).toEqual({ resourceArn: CHANNEL, tags: { team: 'news' } });
    expect(h.send.mock.calls[1][0]).toBeInstanceOf(UntagResourceCommand);
    expect(h.audit).toHaveBeenCalledWith(expect.objectContaining({ action: 'tags.tag', resourceArn: CHANNEL, outcome: 'success' }));
  });

  it('refuse invalid tags with field errors and an ARN from another region, without calling IVS', async () => {
    as('operator');
    expect(await tagResourceAction({ resourceArn: CHANNEL, tags: [{ key: 'aws:owner', value: 'x' }] })).toMatchObject({
      ok: false,
      code: 'ValidationError',
    });
    const other = await tagResourceAction({ resourceArn: CHANNEL.replace('us-west-2', 'eu-west-1'), tags: [{ key: 'a', value: 'b' }] });
    expect(other).toMatchObject({ ok: false, code: 'ValidationError', error: expect.stringMatching(/Switch the region to eu-west-1/) });
    expect(h.send).not.toHaveBeenCalled();
  });

  it('turn an IVS error into a message', async () => {
    as('operator');
    h.send.mockRejectedValue(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: {} }));
    expect(await tagResourceAction({ resourceArn: CHANNEL, tags: [{ key: 'a', value: 'b' }] })).toMatchObject({
      ok: false,
      code: 'ThrottlingException',
      error: expect.stringMatching(/throttling/),
    });
  });

  it("set a tag whose key is __proto__, which IVS's TagKey pattern accepts, as a key like any other", async () => {
    as('operator');
    const result = await tagResourceAction({ resourceArn: CHANNEL, tags: [{ key: '__proto__', value: 'x' }] });
    expect(result).toEqual({ ok: true, data: { resourceArn: CHANNEL, tagged: ['__proto__'] } });
    const sent = h.send.mock.calls[0][0].input.tags as Record<string, string>;
    expect(Object.entries(sent)).toEqual([['__proto__', 'x']]);
    expect(JSON.stringify(sent)).toBe('{"__proto__":"x"}');
  });
});
