import { describe, expect, it, vi } from 'vitest';
import { createAdopting, outcomeUnknown } from './create-adopting';

const sdkError = (name: string, httpStatusCode?: number) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode } });
const noSleep = async () => {};

describe('createAdopting', () => {
  it('tells a refusal (4xx: nothing happened) from a failure after which IVS may have applied the call', () => {
    expect(outcomeUnknown(sdkError('ValidationException', 400))).toBe(false);
    expect(outcomeUnknown(sdkError('ThrottlingException', 429))).toBe(false);
    expect(outcomeUnknown(sdkError('InternalServerException', 500))).toBe(true);
    expect(outcomeUnknown(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(true);
  });

  it('a refusal is thrown at once: no lookup, no retry', async () => {
    const create = vi.fn().mockRejectedValue(sdkError('ValidationException', 400));
    const find = vi.fn();
    await expect(createAdopting({ create, find, sleep: noSleep })).rejects.toThrow('ValidationException');
    expect(create).toHaveBeenCalledTimes(1);
    expect(find).not.toHaveBeenCalled();
  });

  it('after a lost answer it adopts what IVS made instead of creating again', async () => {
    const create = vi.fn().mockRejectedValue(sdkError('InternalServerException', 500));
    const find = vi.fn().mockResolvedValue('made-by-the-first-call');
    expect(await createAdopting({ create, find, sleep: noSleep })).toBe('made-by-the-first-call');
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('creates again only when the lookup shows the first call did nothing, and retries a throttle', async () => {
    const create = vi
      .fn()
      .mockRejectedValueOnce(sdkError('ServiceUnavailable', 503))
      .mockRejectedValueOnce(sdkError('ThrottlingException', 429))
      .mockResolvedValueOnce('made');
    const find = vi.fn().mockResolvedValue(undefined);
    expect(await createAdopting({ create, find, sleep: noSleep })).toBe('made');
    expect(create).toHaveBeenCalledTimes(3);
    expect(find).toHaveBeenCalledTimes(1);
  });
});
