import 'server-only';
import { hasRole, type Role } from '@/lib/auth/roles';
import { getSessionUser, type SessionUser } from '@/lib/auth/session';
import { currentRegion } from '@/lib/auth/region';
import { describeIvsError, isConsoleSideFailure } from '@/lib/ivs/errors';

export interface RouteContext<P> {
  user: SessionUser;
  region: string;
  params: P;
}

const NO_STORE = { 'Cache-Control': 'no-store' };

function json(body: unknown, status: number): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

/**
 * The wrapper for authenticated GET route handlers (client polling): 401 without a session, 403 below
 * the role, IVS errors as JSON, and never cached, since every answer depends on who asks.
 */
export function guardedRoute<P extends Record<string, string | string[]> = Record<string, never>>(
  role: Role,
  handler: (req: Request, ctx: RouteContext<P>) => Promise<Response>,
) {
  return async (req: Request, routeCtx?: { params?: Promise<P> }): Promise<Response> => {
    const user = await getSessionUser();
    if (!user) return json({ error: 'Sign in to continue.', code: 'Unauthenticated' }, 401);
    if (!hasRole(user.role, role)) {
      return json({ error: `This needs the ${role} role; you are signed in as ${user.role}.`, code: 'Forbidden' }, 403);
    }
    let response: Response;
    try {
      const region = await currentRegion();
      const params = ((await routeCtx?.params) ?? {}) as P;
      response = await handler(req, { user, region, params });
    } catch (error) {
      const info = describeIvsError(error);
      if (isConsoleSideFailure(info))
        console.error(`[route] ${new URL(req.url).pathname} failed:`, error instanceof Error ? error.message : error);
      response = json({ error: info.message, code: info.code }, info.code === 'ResourceNotFoundException' ? 404 : 502);
    }
    const out = new Response(response.body, response);
    out.headers.set('Cache-Control', 'no-store');
    return out;
  };
}
