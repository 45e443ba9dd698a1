import 'server-only';
import { IvsClient } from '@aws-sdk/client-ivs';
import { env } from '@/lib/env';

// The local emulator accepts these fixed credentials; real AWS uses the standard credential chain.
const LOCAL_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

// On globalThis: Next loads this module once per route bundle and once for instrumentation.ts, and
// the client warmed at start-up (lib/ivs/warm-up.ts) should be the one the pages use.
const clients = ((globalThis as { __ivsClients?: Map<string, IvsClient> }).__ivsClients ??= new Map());

function clientConfig(region: string) {
  return env.mode === 'local'
    ? {
        region,
        endpoint: env.IVS_ENDPOINT ?? `http://127.0.0.1:${env.IVS_LOCAL_PORT}`,
        credentials: LOCAL_CREDENTIALS,
        retryMode: 'adaptive',
        maxAttempts: 3,
      }
    : { region, endpoint: env.IVS_ENDPOINT, retryMode: 'adaptive', maxAttempts: 5 };
}

/** One long-lived IVS client per region, with adaptive retry (backs off on ThrottlingException). */
export function ivsClient(region: string): IvsClient {
  let client = clients.get(region);
  if (!client) {
    client = new IvsClient(clientConfig(region));
    clients.set(region, client);
  }
  return client;
}

const onceClients = ((globalThis as { __ivsOnceClients?: Map<string, IvsClient> }).__ivsOnceClients ??= new Map());

/**
 * The same, but the SDK never repeats a call: for creates, which IVS cannot recognise as repeats (it
 * takes no client token), so a CreateChannel retried after its answer was lost makes a second
 * channel. lib/ivs/create-adopting.ts retries them itself, once it knows the first did not happen.
 */
export function ivsClientNoRetry(region: string): IvsClient {
  let client = onceClients.get(region);
  if (!client) {
    // With a deadline: an answer lost without a reset would otherwise be waited for forever, while
    // a timeout counts as an unknown outcome and the create is looked for and adopted.
    client = new IvsClient({
      ...clientConfig(region),
      maxAttempts: 1,
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 15_000 },
    });
    onceClients.set(region, client);
  }
  return client;
}
