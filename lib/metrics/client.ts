import 'server-only';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { env } from '@/lib/env';

// The local emulator serves CloudWatch on the IVS port (told apart by the SigV4 service) and accepts
// these fixed credentials; real AWS uses the standard credential chain, as lib/ivs/client.ts does.
const LOCAL_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

// On globalThis for the same reason as the IVS clients: one per region across route bundles.
const clients = ((globalThis as { __cloudWatchClients?: Map<string, CloudWatchClient> }).__cloudWatchClients ??= new Map());

function clientConfig(region: string) {
  return env.mode === 'local'
    ? {
        region,
        endpoint: env.CLOUDWATCH_ENDPOINT ?? env.IVS_ENDPOINT ?? `http://127.0.0.1:${env.IVS_LOCAL_PORT}`,
        credentials: LOCAL_CREDENTIALS,
        retryMode: 'adaptive',
        maxAttempts: 3,
      }
    : // IVS_ENDPOINT is not reused here: an IVS VPC endpoint does not serve CloudWatch.
      { region, endpoint: env.CLOUDWATCH_ENDPOINT, retryMode: 'adaptive', maxAttempts: 5 };
}

/** One long-lived CloudWatch client per region, with adaptive retry (backs off on throttling). */
export function cloudWatchClient(region: string): CloudWatchClient {
  let client = clients.get(region);
  if (!client) {
    client = new CloudWatchClient(clientConfig(region));
    clients.set(region, client);
  }
  return client;
}
