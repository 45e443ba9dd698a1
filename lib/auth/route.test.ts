import { beforeEach, describe, expect, it, vi } from 'vitest';

const mocks = vi.hoisted(() => {
  process.env.IVS_MODE = 'local';
  return { user: null as null | { email: string; name: string; role: 'viewer' | 'operator' | 'admin' } };
});

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => mocks.user }));
vi.mock('@/lib/preferences', () => ({ preferredRegion: async () => undefined }));
vi.mock('next/headers', () => ({ cookies: async () => ({ get: () => undefined }) }));

import { guardedRoute } from '@/lib/auth/route';

const req = new Request('http://localhost/api/things/abc');

beforeEach(() => {
  mocks.user = { email: 'op@local.test', name: 'op', role: 'operator' };
});

describe('guardedRoute', () => {
  it('answers 401 JSON without a session, without running the handler', async () => {
    mocks.user = null;
    const handler = vi.fn();
    const res = await guardedRoute('viewer', handler)(req);
    expect(res.status).toBe(401);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ code: 'Unauthenticated' });
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers 403 below the role', async () => {
    const handler = vi.fn();
    const res = await guardedRoute('admin', handler)(req);
    expect(res.status).toBe(403);
    expect(handler).not.toHaveBeenCalled();
  });

  it('runs the handler with user, region and params, and marks the answer no-store', async () => {
    const route = guardedRoute<{ id: string }>('viewer', async (_req, ctx) =>
      Response.json({ id: ctx.params.id, user: ctx.user.email, region: ctx.region }, { headers: { 'Cache-Control': 'max-age=60' } }),
    );
    const res = await route(req, { params: Promise.resolve({ id: 'abc' }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ id: 'abc', user: 'op@local.test', region: 'us-west-2' });
  });

  it('turns an IVS error into JSON with its name', async () => {
    const notFound = Object.assign(new Error('gone'), { name: 'ResourceNotFoundException', $metadata: {} });
    const res = await guardedRoute('viewer', async () => Promise.reject(notFound))(req);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'ResourceNotFoundException' });
  });
});
