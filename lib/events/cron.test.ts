import { describe, expect, it, vi } from 'vitest';
import { handleCronTick, type CronDeps } from '@/lib/events/cron';

const SECRET = 'cron-test-secret-0123456789';
const get = (auth?: string) => new Request('http://console.test/api/cron/tick', { headers: auth ? { authorization: auth } : {} });

function deps(over: Partial<CronDeps> = {}) {
  const d = {
    secret: SECRET,
    watch: vi.fn(async () => ({ leader: true, recorded: 2 })),
    dispatch: vi.fn(async () => ({ events: 2, queued: 1, sent: 1, retry: 0, failed: 0 })),
    purge: vi.fn(async () => 0),
    jobs: vi.fn(async () => ({ items: 3 })),
    ...over,
  };
  return d;
}

describe('GET /api/cron/tick', () => {
  it('is 404 without CRON_SECRET, and 401 without the bearer token or with a wrong one; nothing runs', async () => {
    const off = deps({ secret: undefined });
    expect((await handleCronTick(get(`Bearer ${SECRET}`), off)).status).toBe(404);
    const d = deps();
    for (const auth of [undefined, 'Bearer wrong-secret-of-some-length', SECRET.slice(1)]) {
      expect((await handleCronTick(get(auth), d)).status).toBe(401);
    }
    expect(d.watch).not.toHaveBeenCalled();
    expect(d.dispatch).not.toHaveBeenCalled();
    expect(d.jobs).not.toHaveBeenCalled();
  });

  it('runs one look, one dispatch, the retention and the jobs, and says what each did', async () => {
    const d = deps();
    const res = await handleCronTick(get(`Bearer ${SECRET}`), d);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      watcher: { leader: true, recorded: 2 },
      alerts: { events: 2, queued: 1, sent: 1, retry: 0, failed: 0 },
      retention: { deleted: 0 },
      jobs: { items: 3 },
    });
  });

  it('still dispatches when the watcher fails, answers 500 so the failure shows, and leaks no URL', async () => {
    const d = deps({ watch: vi.fn(async () => Promise.reject(new Error('fetch https://hooks.example.com/x failed'))) });
    const res = await handleCronTick(get(`Bearer ${SECRET}`), d);
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.watcher).toEqual({ error: 'fetch <url> failed' });
    expect(d.dispatch).toHaveBeenCalledOnce();
  });
});
