import type { IncomingMessage, ServerResponse } from 'node:http';
import { IvsError } from '../errors';
import { requestId } from '../ids';
import type { Runtime } from '../ivs-api';
import { verifySigV4 } from '../sigv4';
import { accessDenied, ServiceQuotasError } from './errors';
import { serviceQuotasOperations } from './operations';

// Service Quotas as its SDK speaks it: awsJson1_1, POST / with X-Amz-Target
// ServiceQuotasV20190624.<Operation>, signed for `servicequotas`; errors name their shape in __type.
export const TARGET_PREFIX = 'ServiceQuotasV20190624.';
const CONTENT_TYPE = 'application/x-amz-json-1.1';

/** Is this request for Service Quotas? Its SigV4 scope names `servicequotas`, or its target is theirs. */
export function isServiceQuotasRequest(req: IncomingMessage, service: string | undefined): boolean {
  const target = req.headers['x-amz-target'];
  return service === 'servicequotas' || (typeof target === 'string' && target.startsWith(TARGET_PREFIX));
}

function reply(res: ServerResponse, status: number, id: string, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': CONTENT_TYPE,
    'Content-Length': String(Buffer.byteLength(text)),
    'x-amzn-RequestId': id,
    ...headers,
  });
  res.end(text);
}

function fail(res: ServerResponse, id: string, err: ServiceQuotasError): void {
  reply(res, err.status, id, { __type: err.type, Message: err.message }, { 'x-amzn-ErrorType': err.type });
}

function parse(body: Buffer): Record<string, unknown> {
  let input: unknown;
  try {
    input = body.length ? JSON.parse(body.toString('utf8')) : {};
  } catch {
    throw new ServiceQuotasError(400, 'SerializationException', 'The request body is not valid JSON.');
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new ServiceQuotasError(400, 'SerializationException', 'The request body must be a JSON object.');
  return input as Record<string, unknown>;
}

export function handleServiceQuotasRequest(rt: Runtime, req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  const id = requestId();
  const target = req.headers['x-amz-target'];
  const name = typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
  const op = Object.hasOwn(serviceQuotasOperations, name) ? serviceQuotasOperations[name] : undefined;
  if (req.method !== 'POST' || !op) {
    const served = Object.keys(serviceQuotasOperations).join(', ');
    fail(res, id, new ServiceQuotasError(400, 'UnknownOperationException', `The local Service Quotas serves ${served}, not "${name}".`));
    return;
  }
  rt.counters.set(name, (rt.counters.get(name) ?? 0) + 1);
  try {
    const caller = verifySigV4(
      { method: 'POST', rawUrl: req.url ?? '/', headers: req.headers, body },
      rt.credentials,
      new Date(),
      'servicequotas',
    );
    if (rt.quotas.accessDenied) throw accessDenied(name);
    const output = op({ region: caller.region, accountId: rt.accountId, quotas: rt.quotas }, parse(body));
    reply(res, 200, id, output);
  } catch (err) {
    if (err instanceof ServiceQuotasError) fail(res, id, err);
    // The front door's answers (signature, unknown key) reuse IVS's codes and statuses.
    else if (err instanceof IvsError) fail(res, id, new ServiceQuotasError(err.status, err.code, err.message));
    else {
      process.stderr.write(`Local Service Quotas: ${name} failed: ${(err as Error).stack ?? String(err)}\n`);
      fail(res, id, new ServiceQuotasError(500, 'ServiceException', 'Something went wrong.'));
    }
  }
}
