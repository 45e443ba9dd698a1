import type { IncomingMessage, ServerResponse } from 'node:http';
import { isFrontDoorError } from './errors';
import { requestId } from './ids';

export const MAX_BODY_BYTES = 1024 * 1024;

// Headers IVS attaches to every response (the model binds them on errors and batch results).
const COMMON_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'",
  'Strict-Transport-Security': 'max-age=47304000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

// An empty object is sent as an empty body: that is what IVS does for 200 responses without members.
export function send(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text =
    body === undefined || (typeof body === 'object' && body !== null && Object.keys(body).length === 0) ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
    'x-amzn-RequestId': requestId(),
    ...extra,
  });
  res.end(text);
}

// restJson1 error: the type in x-amzn-ErrorType; the text in exceptionMessage for IVS's own error
// shapes (the model names that member), in message for the AWS front door's (auth, routing), as AWS
// sends those: the SDK reads each from where real IVS puts it.
export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  send(res, status, isFrontDoorError(code) ? { message } : { exceptionMessage: message }, { 'x-amzn-ErrorType': code });
}

// Control-API replies always carry a JSON body, even `{}`.
export function sendControl(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}
