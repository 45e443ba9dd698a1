import type { IncomingMessage, ServerResponse } from 'node:http';
import { ANY_OPERATION, scopeProblem, type FaultScope } from './fault-scope';
import { DROP_CONNECTION } from './faults';
import { isFrontDoorError } from './errors';
import { errorStatus, model } from './model';
import { parseArn } from './ids';
import { sendControl } from './http-io';
import type { Runtime } from './ivs-api';
import type { OpContext } from './ops/context';
import { endStream, startStream } from './ops/stream-lifecycle';
import { keysOfChannel } from './ops/stream-keys';
import { addEpisode, parseIngest, parseStartedSecondsAgo, recordViewers } from './cloudwatch/control-input';
import { IVS_QUOTAS } from './service-quotas/catalogue';
import { parseAppliedQuota, regionProblem } from './service-quotas/control-input';

export const CONTROL_PREFIX = '/_emulator/';
const HEALTH = ['HEALTHY', 'STARVING', 'UNKNOWN'];

class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function parseJson(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  try {
    const v = JSON.parse(body.toString('utf8')) as unknown;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new ControlError(400, 'BadRequest', 'Body must be a JSON object.');
}

// Finds a channel by ARN in whichever region the ARN names, with an IVS-like context for it.
function channelContext(rt: Runtime, arn: unknown): { ctx: OpContext; channelArn: string } {
  const parsed = typeof arn === 'string' ? parseArn(arn) : undefined;
  if (!parsed || parsed.type !== 'channel') throw new ControlError(400, 'BadRequest', '"channelArn" must be a channel ARN.');
  const channelArn = arn as string;
  const state = rt.store.regions.get(parsed.region);
  if (!state?.channels.get(channelArn) || parsed.account !== rt.accountId) {
    throw new ControlError(404, 'ResourceNotFoundException', `Channel ${channelArn} not found.`);
  }
  return { ctx: { store: rt.store, state, region: parsed.region, accountId: rt.accountId, now: new Date() }, channelArn };
}

function streamSettings(body: Record<string, unknown>) {
  const { health, viewerCount } = body;
  if (health !== undefined && (typeof health !== 'string' || !HEALTH.includes(health))) {
    throw new ControlError(400, 'BadRequest', `"health" must be one of ${HEALTH.join(', ')}.`);
  }
  if (viewerCount !== undefined && (typeof viewerCount !== 'number' || !Number.isInteger(viewerCount) || viewerCount < -1)) {
    throw new ControlError(400, 'BadRequest', '"viewerCount" must be an integer >= -1.');
  }
  return { health: health as string | undefined, viewerCount: viewerCount as number | undefined };
}

// The optional resource a queued fault is for (see fault-scope.ts).
function faultScope(operation: string, resourceArn: unknown, resourceName: unknown, region: unknown): FaultScope {
  if (region !== undefined && typeof region !== 'string') throw new ControlError(400, 'BadRequest', '"region" must be a string.');
  if (resourceArn !== undefined && typeof resourceArn !== 'string')
    throw new ControlError(400, 'BadRequest', '"resourceArn" must be a string.');
  if (resourceName !== undefined && typeof resourceName !== 'string')
    throw new ControlError(400, 'BadRequest', '"resourceName" must be a string.');
  const scope: FaultScope = {};
  if (resourceArn !== undefined) scope.resourceArn = resourceArn;
  if (resourceName !== undefined) scope.resourceName = resourceName;
  if (region !== undefined) scope.region = region;
  const problem = scopeProblem(operation, scope);
  if (problem) throw new ControlError(400, 'BadRequest', problem);
  return scope;
}

// Input checks from cloudwatch/control-input.ts throw plain Errors: they are the caller's 400s.
function badRequestOn<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw new ControlError(400, 'BadRequest', (err as Error).message);
  }
}

function liveSession(ctx: OpContext, channelArn: string) {
  const live = ctx.state.live.get(channelArn);
  return live ? ctx.state.sessions.get(channelArn)?.find((s) => s.streamId === live.streamId) : undefined;
}

type Route = (rt: Runtime, body: Buffer, url: URL) => unknown;

const routes: Record<string, Route> = {
  'GET health': () => ({ ok: true }),
  'GET requests': (rt) => Object.fromEntries(rt.counters),
  'GET requests/throttled': (rt) => Object.fromEntries(rt.throttled),
  'POST requests/reset': (rt) => (rt.counters.clear(), rt.throttled.clear(), {}),
  'POST reset': (rt) => {
    rt.store.reset();
    rt.counters.clear();
    rt.throttled.clear();
    rt.faults.clear();
    rt.limiter?.clear();
    rt.quotas.clear();
    rt.quotas.accessDenied = false;
    return {};
  },
  // Service Quotas: the applied value per region and quota code, and whether the API refuses.
  'GET quotas': (rt, _body, url) => {
    const region = url.searchParams.get('region');
    const problem = regionProblem(region);
    if (problem) throw new ControlError(400, 'BadRequest', problem);
    const values = rt.quotas.snapshot(region!);
    return { region, accessDenied: rt.quotas.accessDenied, quotas: IVS_QUOTAS.map((q) => ({ ...q, value: values[q.code] })) };
  },
  'POST quotas': (rt, body) => {
    const parsed = parseAppliedQuota(parseJson(body));
    if (typeof parsed === 'string') throw new ControlError(400, 'BadRequest', parsed);
    rt.quotas.set(parsed.region, parsed.code, parsed.value);
    return {};
  },
  'DELETE quotas': (rt, _body, url) => {
    const region = url.searchParams.get('region') ?? undefined;
    const code = url.searchParams.get('quotaCode') ?? undefined;
    if (code && !region) throw new ControlError(400, 'BadRequest', 'Clearing one quota needs "region" too.');
    rt.quotas.clear(region, code);
    return {};
  },
  'POST quotas/access': (rt, body) => {
    const { denied } = parseJson(body);
    if (typeof denied !== 'boolean') throw new ControlError(400, 'BadRequest', '"denied" must be true or false.');
    rt.quotas.accessDenied = denied;
    return {};
  },
  'GET faults': (rt) => rt.faults.pending(),
  'DELETE faults': (rt, _body, url) => {
    const param = (name: string) => url.searchParams.get(name) ?? undefined;
    const filter = {
      operation: param('operation'),
      resourceArn: param('resourceArn'),
      resourceName: param('resourceName'),
      region: param('region'),
    };
    if (!filter.operation && (filter.resourceArn || filter.resourceName || filter.region))
      throw new ControlError(400, 'BadRequest', 'Clearing by resource needs "operation" too.');
    rt.faults.clear(filter);
    return {};
  },
  'POST faults': (rt, body) => {
    const { operation, error, count = 1, resourceArn, resourceName, region, when = 'before' } = parseJson(body);
    if (typeof operation !== 'string' || (operation !== ANY_OPERATION && !model.operations[operation]))
      throw new ControlError(400, 'BadRequest', `"operation" must be an IVS operation name, or "${ANY_OPERATION}" for every operation.`);
    // IVS's own error shapes, or the AWS front door's (UnrecognizedClientException: a region not enabled for the account).
    if (typeof error !== 'string' || (error !== DROP_CONNECTION && !errorStatus(error) && !isFrontDoorError(error))) {
      throw new ControlError(
        400,
        'BadRequest',
        `"error" must be an IVS error shape name, e.g. InternalServerException or AccessDeniedException, an AWS front-door error such as UnrecognizedClientException, or "${DROP_CONNECTION}".`,
      );
    }
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1)
      throw new ControlError(400, 'BadRequest', '"count" must be a positive integer.');
    if (when !== 'before' && when !== 'after')
      throw new ControlError(
        400,
        'BadRequest',
        '"when" must be "before" (the call is refused) or "after" (applied, then its answer fails).',
      );
    const scope = faultScope(operation, resourceArn, resourceName, region);
    rt.faults.add(operation, error, count, scope, when);
    return { operation, error, count, ...scope, ...(when === 'after' ? { when } : {}) };
  },
  'POST streams/start': (rt, body) => {
    const b = parseJson(body);
    const { ctx, channelArn } = channelContext(rt, b.channelArn);
    const { health = 'HEALTHY', viewerCount = 0 } = streamSettings(b);
    const options = badRequestOn(() => ({ ingest: parseIngest(b.ingest), startedSecondsAgo: parseStartedSecondsAgo(b.startedSecondsAgo) }));
    if (ctx.state.live.has(channelArn)) throw new ControlError(409, 'ConflictException', `Channel ${channelArn} is already live.`);
    // An encoder can only connect with the channel's stream key.
    if (keysOfChannel(ctx, channelArn).length === 0) {
      throw new ControlError(
        409,
        'ConflictException',
        `Channel ${channelArn} has no stream key, so no encoder can connect. Create one first.`,
      );
    }
    return { stream: { ...startStream(ctx, ctx.state.channels.get(channelArn)!, health, viewerCount, options), state: 'LIVE' } };
  },
  'POST streams/stop': (rt, body) => {
    const { ctx, channelArn } = channelContext(rt, parseJson(body).channelArn);
    if (!ctx.state.live.has(channelArn)) throw new ControlError(409, 'ChannelNotBroadcasting', `Channel ${channelArn} is not live.`);
    endStream(ctx, channelArn);
    return {};
  },
  'POST streams/viewers': (rt, body) => {
    const b = parseJson(body);
    const { ctx, channelArn } = channelContext(rt, b.channelArn);
    const live = ctx.state.live.get(channelArn);
    if (!live) throw new ControlError(409, 'ChannelNotBroadcasting', `Channel ${channelArn} is not live.`);
    const { health, viewerCount } = streamSettings(b);
    if (health !== undefined) live.health = health;
    if (viewerCount !== undefined) {
      live.viewerCount = viewerCount;
      recordViewers(liveSession(ctx, channelArn), viewerCount, ctx.now);
    }
    rt.store.changed();
    return { stream: { ...live, state: 'LIVE' } };
  },
  // Degrades the live stream's simulated signal for a while (see docs/ivs-metrics.md).
  'POST streams/episode': (rt, body) => {
    const b = parseJson(body);
    const { ctx, channelArn } = channelContext(rt, b.channelArn);
    const session = liveSession(ctx, channelArn);
    if (!session) throw new ControlError(409, 'ChannelNotBroadcasting', `Channel ${channelArn} is not live.`);
    const episode = badRequestOn(() => addEpisode(session, b, ctx.now));
    rt.store.changed();
    return { episode };
  },
  'GET revocations': (rt, _body, url) => {
    const channelArn = url.searchParams.get('channelArn');
    const all = [...rt.store.regions.values()].flatMap((r) => r.revocations);
    return { revocations: channelArn ? all.filter((r) => r.channelArn === channelArn) : all };
  },
};

// The test/dev control API under /_emulator/ (no SigV4): simulated encoders, counters, faults.
export function handleControlRequest(rt: Runtime, req: IncomingMessage, res: ServerResponse, body: Buffer, url: URL): void {
  const route = routes[`${req.method} ${url.pathname.slice(CONTROL_PREFIX.length).replace(/\/$/, '')}`];
  if (!route) {
    sendControl(res, 404, { error: 'NotFound', message: `No control endpoint ${req.method} ${url.pathname}` });
    return;
  }
  try {
    sendControl(res, 200, route(rt, body, url));
  } catch (err) {
    if (err instanceof ControlError) sendControl(res, err.status, { error: err.code, message: err.message });
    else sendControl(res, 500, { error: 'InternalError', message: (err as Error).message });
  }
}
