import 'server-only';
import { IvsClient } from '@aws-sdk/client-ivs';
import { env } from '@/lib/env';

// The local emulator accepts these fixed credentials; real AWS uses the standard credential chain.
const LOCAL_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

// On globalThis: Next loads this module once per route bundle and once for instrumentation.ts, and
// the client warmed at start-up (lib/ivs/warm-up.ts) should be the one the pages use.
const clients = ((globalThis as { __ivsClients?: Map<string, IvsClient> }).__ivsClients ??= new Map());

/** One long-lived IVS client per region, with adaptive retry (backs off on ThrottlingException). */
export function ivsClient(region: string): IvsClient {
  let client = clients.get(region);
  if (!client) {
    client =
      env.mode === 'local'
        ? new IvsClient({
            region,
            endpoint: env.IVS_ENDPOINT ?? `http://127.0.0.1:${env.IVS_LOCAL_PORT}`,
            credentials: LOCAL_CREDENTIALS,
            retryMode: 'adaptive',
            maxAttempts: 3,
          })
        : new IvsClient({ region, endpoint: env.IVS_ENDPOINT, retryMode: 'adaptive', maxAttempts: 5 });
    clients.set(region, client);
  }
  return client;
}
