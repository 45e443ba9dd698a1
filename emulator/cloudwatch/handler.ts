import type { IncomingMessage, ServerResponse } from 'node:http';
import { IvsError } from '../errors';
import { requestId } from '../ids';
import type { Runtime } from '../ivs-api';
import { verifySigV4 } from '../sigv4';
import { CloudWatchError } from './errors';
import { getMetricData } from './get-metric-data';
import { listMetrics } from './list-metrics';
import { parseQueryBody, queryError, queryResponse } from './query-protocol';

// CloudWatch as the current SDK speaks it: awsJson1_0 with awsQuery compatibility. POST / with
// X-Amz-Target GraniteServiceVersion20100801.<Operation>, a JSON body, timestamps as epoch seconds;
// errors carry their awsQuery code in x-amzn-query-error ("Code;Sender") beside __type. A
// form-encoded body is awsQuery itself (query-protocol.ts), for clients on older models.
export const TARGET_PREFIX = 'GraniteServiceVersion20100801.';
const CONTENT_TYPE = 'application/x-amz-json-1.0';
const NAMESPACE = 'com.amazonaws.cloudwatch#';

const operations: Record<string, (state: Parameters<typeof getMetricData>[0], input: Record<string, unknown>, now: Date) => unknown> = {
  GetMetricData: getMetricData,
  ListMetrics: listMetrics,
};

interface Wire {
  name: string;
  input: () => unknown;
  ok: (output: unknown) => { type: string; text: string };
  error: (err: CloudWatchError) => { type: string; text: string; headers: Record<string, string> };
}

// The two protocols the same operations are reachable by: JSON for current SDKs, awsQuery for the rest.
function wireOf(req: IncomingMessage, body: Buffer, id: string): Wire {
  const contentType = String(req.headers['content-type'] ?? '');
  const fault = (err: CloudWatchError) => (err.status >= 500 ? 'Receiver' : 'Sender');
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    const { action, input } = parseQueryBody(body.toString('utf8'));
    return {
      name: action,
      input: () => input,
      ok: (output) => ({ type: 'text/xml', text: queryResponse(action, output as Record<string, unknown>, id) }),
      error: (err) => ({ type: 'text/xml', text: queryError(err.code, fault(err), err.message, id), headers: {} }),
    };
  }
  const target = req.headers['x-amz-target'];
  return {
    name: typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '',
    input: () => {
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        throw new CloudWatchError(400, 'SerializationException', 'The request body is not valid JSON.');
      }
      return input;
    },
    ok: (output) => ({ type: CONTENT_TYPE, text: JSON.stringify(output) }),
    error: (err) => ({
      type: CONTENT_TYPE,
      text: JSON.stringify({ __type: `${NAMESPACE}${err.type}`, message: err.message }),
      headers: { 'x-amzn-query-error': `${err.code};${fault(err)}` },
    }),
  };
}

function reply(
  res: ServerResponse,
  status: number,
  id: string,
  out: { type: string; text: string; headers?: Record<string, string> },
): void {
  res.writeHead(status, {
    'Content-Type': out.type,
    'Content-Length': String(Buffer.byteLength(out.text)),
    'x-amzn-RequestId': id,
    ...out.headers,
  });
  res.end(out.text);
}

// The front door's answers (auth, routing) reuse IVS's error codes and statuses.
const fromFrontDoor = (err: IvsError) => new CloudWatchError(err.status, err.code, err.message);

/** Is this request for CloudWatch? Its SigV4 scope names `monitoring`, or its target is CloudWatch's. */
export function isCloudWatchRequest(req: IncomingMessage, service: string | undefined): boolean {
  const target = req.headers['x-amz-target'];
  return service === 'monitoring' || (typeof target === 'string' && target.startsWith(TARGET_PREFIX));
}

export function handleCloudWatchRequest(rt: Runtime, req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  const id = requestId();
  const wire = wireOf(req, body, id);
  const op = operations[wire.name];
  if (req.method !== 'POST' || !op) {
    const err = new CloudWatchError(
      400,
      'UnknownOperationException',
      `The local CloudWatch serves GetMetricData and ListMetrics, not "${wire.name}".`,
    );
    reply(res, err.status, id, wire.error(err));
    return;
  }
  rt.counters.set(wire.name, (rt.counters.get(wire.name) ?? 0) + 1);
  try {
    const caller = verifySigV4(
      { method: 'POST', rawUrl: req.url ?? '/', headers: req.headers, body },
      rt.credentials,
      new Date(),
      'monitoring',
    );
    const input = wire.input();
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      throw new CloudWatchError(400, 'SerializationException', 'The request body must be a JSON object.');
    reply(res, 200, id, wire.ok(op(rt.store.region(caller.region), input as Record<string, unknown>, new Date())));
  } catch (err) {
    let failure: CloudWatchError;
    if (err instanceof CloudWatchError) failure = err;
    else if (err instanceof IvsError) failure = fromFrontDoor(err);
    else {
      process.stderr.write(`Local CloudWatch: ${wire.name} failed: ${(err as Error).stack ?? String(err)}\n`);
      failure = new CloudWatchError(
        500,
        'InternalServiceError',
        'Request processing has failed due to some unknown error.',
        'InternalServiceFault',
      );
    }
    reply(res, failure.status, id, wire.error(failure));
  }
}
