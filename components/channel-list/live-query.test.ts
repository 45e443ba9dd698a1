import { afterEach, expect, it, vi } from 'vitest';
import { shouldRetryQuery } from '@/lib/http/http-error';
import { fetchLive } from './live-query';

afterEach(() => vi.restoreAllMocks());

// The 401 message says "Your session has ended", with no "401" in it: a decision on the text retried it.
it('does not retry the live poll once the session has ended', async () => {
  vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{}', { status: 401 }));
  const error = await fetchLive('all').catch((e: unknown) => e);
  expect(error).toMatchObject({ status: 401, message: 'Your session has ended. Sign in again.' });
  expect(shouldRetryQuery(0, error)).toBe(false);
});

it('retries the live poll after a server failure', async () => {
  vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{}', { status: 502 }));
  expect(shouldRetryQuery(0, await fetchLive(['a']).catch((e: unknown) => e))).toBe(true);
});
