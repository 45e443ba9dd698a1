import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { CONTROL_PREFIX, handleControlRequest } from './control';
import { readBody, sendError } from './http-io';
import { handlePlaybackRequest, PLAYBACK_PREFIX } from './playback/handler';
import { handleIvsRequest, type Runtime } from './ivs-api';
import { handleCloudWatchRequest, isCloudWatchRequest } from './cloudwatch/handler';
import { handleServiceQuotasRequest, isServiceQuotasRequest } from './service-quotas/handler';
import { signedService } from './sigv4';

export interface ServerOptions {
  latencyMs: number;
}

// One port for everything: /_emulator/playback/* is local HLS playback, the rest of /_emulator/* the
// control API, requests signed for `monitoring` CloudWatch, for `servicequotas` Service Quotas,
// everything else IVS.
export function createHttpServer(rt: Runtime, opts: ServerOptions): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      let body: Buffer;
      try {
        body = await readBody(req);
      } catch (err) {
        if (!res.headersSent) sendError(res, 413, 'SerializationException', (err as Error).message);
        return;
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname.startsWith(PLAYBACK_PREFIX)) {
        handlePlaybackRequest(rt, req, res, url);
        return;
      }
      if (url.pathname.startsWith(CONTROL_PREFIX)) {
        handleControlRequest(rt, req, res, body, url);
        return;
      }
      // Latency simulates the network and service time of a real IVS call.
      if (opts.latencyMs > 0) await delay(opts.latencyMs);
      const service = signedService(req.headers);
      if (isCloudWatchRequest(req, service)) handleCloudWatchRequest(rt, req, res, body);
      else if (isServiceQuotasRequest(req, service)) handleServiceQuotasRequest(rt, req, res, body);
      else await handleIvsRequest(rt, req, res, body, url);
    })().catch((err: unknown) => {
      process.stderr.write(`Local IVS: request failed: ${String(err)}\n`);
      if (!res.headersSent) sendError(res, 500, 'InternalServerException', 'Unexpected error during processing of request.');
    });
  });
}
