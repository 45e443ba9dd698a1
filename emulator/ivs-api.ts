import type { IncomingMessage, ServerResponse } from 'node:http';
import { IvsError } from './errors';
import { DROP_CONNECTION, type FaultAnswer, type FaultBook } from './faults';
import { send, sendError } from './http-io';
import { matchRoute, shape, type Operation } from './model';
import { handlers } from './ops';
import type { OpContext } from './ops/context';
import type { RateLimiter } from './quotas';
import type { AppliedQuotas } from './service-quotas/applied';
import { verifySigV4, type Credentials } from './sigv4';
import type { Store } from './state';
import { validateInput } from './validate';

// Shared, mutable pieces of one running emulator.
export interface Runtime {
  store: Store;
  accountId: string;
  credentials: Credentials;
  counters: Map<string, number>;
  /** Calls refused by the quotas (ThrottlingException), per operation: what a load test needs to see. */
  throttled: Map<string, number>;
  faults: FaultBook;
  limiter?: RateLimiter;
  /** Applied Service Quotas values per region; enforced on creates only with --enforce-quotas. */
  quotas: AppliedQuotas;
}

// Builds the operation input from URI labels, query string, headers and JSON body, as the model
// binds them.
function readInput(op: Operation, labels: Record<string, string>, url: URL, req: IncomingMessage, body: Buffer): Record<string, unknown> {
  let input: Record<string, unknown> = {};
  if (body.length > 0) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new IvsError('SerializationException', 'The request body is not valid JSON.');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new IvsError('SerializationException', 'The request body must be a JSON object.');
    }
    input = parsed as Record<string, unknown>;
  }
  if (!op.input) return input;
  for (const [name, ref] of Object.entries(shape(op.input.shape).members ?? {})) {
    const wire = ref.locationName ?? name;
    if (ref.location === 'uri') input[name] = labels[wire];
    else if (ref.location === 'querystring') {
      const values = url.searchParams.getAll(wire);
      if (values.length) input[name] = shape(ref.shape).type === 'list' ? values : values[0];
    } else if (ref.location === 'header') {
      const v = req.headers[wire.toLowerCase()];
      if (typeof v === 'string') input[name] = v;
    }
  }
  return input;
}

// Serves one IVS API call: route, count, authenticate, inject faults, throttle, validate, run.
export async function handleIvsRequest(rt: Runtime, req: IncomingMessage, res: ServerResponse, body: Buffer, url: URL): Promise<void> {
  const method = req.method ?? 'GET';
  const match = matchRoute(method, url.pathname);
  if (!match) {
    sendError(res, 404, 'UnknownOperationException', `No IVS operation matches ${method} ${url.pathname}`);
    return;
  }
  const { op, labels } = match;
  rt.counters.set(op.name, (rt.counters.get(op.name) ?? 0) + 1);
  try {
    const caller = verifySigV4({ method, rawUrl: req.url ?? '/', headers: req.headers, body }, rt.credentials);
    const input = readInput(op, labels, url, req, body);
    // Faults may be scoped to one resource, so they are looked up with the call's input.
    const call = { region: caller.region, accountId: rt.accountId };
    const before = rt.faults.next(op.name, input, 'before', call);
    if (before) return failWith(before, res);
    if (rt.limiter && !rt.limiter.allow(op.name, caller.region, input)) {
      rt.throttled.set(op.name, (rt.throttled.get(op.name) ?? 0) + 1);
      throw new IvsError('ThrottlingException', 'Rate exceeded');
    }
    if (op.input) validateInput(input, op.input.shape);
    const ctx: OpContext = {
      store: rt.store,
      state: rt.store.region(caller.region),
      region: caller.region,
      accountId: rt.accountId,
      now: new Date(),
      // With --enforce-quotas a create is refused at the applied value Service Quotas reports.
      limit: rt.limiter ? (code) => rt.quotas.value(caller.region, code) : undefined,
    };
    const output = handlers[op.name](ctx, input);
    // The call is applied; a fault queued for 'after' loses or spoils its answer.
    const after = rt.faults.next(op.name, input, 'after', call);
    if (after) return failWith(after, res);
    send(res, op.http.responseCode ?? 200, op.output ? (output ?? {}) : undefined);
  } catch (err) {
    if (err instanceof IvsError) {
      sendError(res, err.status, err.code, err.message);
      return;
    }
    process.stderr.write(`Local IVS: ${op.name} failed: ${(err as Error).stack ?? String(err)}\n`);
    sendError(res, 500, 'InternalServerException', 'Unexpected error during processing of request.');
  }
}

function failWith(answer: FaultAnswer, res: ServerResponse): void {
  if (answer === DROP_CONNECTION) {
    res.socket?.destroy();
    return;
  }
  sendError(res, answer.status, answer.code, answer.message);
}
