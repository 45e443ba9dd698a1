import type { IncomingMessage, ServerResponse } from 'node:http';
import { IvsError } from '../errors';
import { requestId } from '../ids';
import type { Runtime } from '../ivs-api';
import { verifySigV4 } from '../sigv4';
import { CloudWatchError } from './errors';
import { getMetricData } from './get-metric-data';
import { listMetrics } from './list-metrics';

// CloudWatch as the current SDK speaks it: awsJson1_0 with awsQuery compatibility. POST / with
// X-Amz-Target GraniteServiceVersion20100801.<Operation>, a JSON body, timestamps as epoch seconds;
// errors carry their awsQuery code in x-amzn-query-error ("Code;Sender") beside __type.
export const TARGET_PREFIX = 'GraniteServiceVersion20100801.';
const CONTENT_TYPE = 'application/x-amz-json-1.0';
const NAMESPACE = 'com.amazonaws.cloudwatch#';

const operations: Record<string, (state: Parameters<typeof getMetricData>[0], input: Record<string, unknown>, now: Date) => unknown> = {
  GetMetricData: getMetricData,
  ListMetrics: listMetrics,
};

function reply(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': CONTENT_TYPE,
    'Content-Length': String(Buffer.byteLength(text)),
    'x-amzn-RequestId': requestId(),
    ...extra,
  });
  res.end(text);
}

function replyError(res: ServerResponse, err: CloudWatchError): void {
  const fault = err.status >= 500 ? 'Receiver' : 'Sender';
  reply(res, err.status, { __type: `${NAMESPACE}${err.type}`, message: err.message }, { 'x-amzn-query-error': `${err.code};${fault}` });
}

// The front door's answers (auth, routing) reuse IVS's error codes and statuses.
const fromFrontDoor = (err: IvsError) => new CloudWatchError(err.status, err.code, err.message);

/** Is this request for CloudWatch? Its SigV4 scope names `monitoring`, or its target is CloudWatch's. */
export function isCloudWatchRequest(req: IncomingMessage, service: string | undefined): boolean {
  const target = req.headers['x-amz-target'];
  return service === 'monitoring' || (typeof target === 'string' && target.startsWith(TARGET_PREFIX));
}

export function handleCloudWatchRequest(rt: Runtime, req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  const target = req.headers['x-amz-target'];
  const name = typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
  const op = operations[name];
  if (req.method !== 'POST' || !op) {
    replyError(res, new CloudWatchError(400, 'UnknownOperationException', `The local CloudWatch serves GetMetricData and ListMetrics, not "${name || String(target)}".`));
    return;
  }
  rt.counters.set(name, (rt.counters.get(name) ?? 0) + 1);
  try {
    const caller = verifySigV4({ method: 'POST', rawUrl: req.url ?? '/', headers: req.headers, body }, rt.credentials, new Date(), 'monitoring');
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      throw new CloudWatchError(400, 'SerializationException', 'The request body is not valid JSON.');
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new CloudWatchError(400, 'SerializationException', 'The request body must be a JSON object.');
    reply(res, 200, op(rt.store.region(caller.region), input as Record<string, unknown>, new Date()));
  } catch (err) {
    if (err instanceof CloudWatchError) return replyError(res, err);
    if (err instanceof IvsError) return replyError(res, fromFrontDoor(err));
    process.stderr.write(`Local CloudWatch: ${name} failed: ${(err as Error).stack ?? String(err)}\n`);
    replyError(res, new CloudWatchError(500, 'InternalServiceError', 'Request processing has failed due to some unknown error.', 'InternalServiceFault'));
  }
}
