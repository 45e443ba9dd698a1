import 'server-only';
import { ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { env } from '@/lib/env';

// Built like lib/metrics/client.ts: the local emulator serves Service Quotas on the IVS port (told
// apart by the SigV4 service) with fixed credentials; real AWS uses the standard credential chain
// and Service Quotas' own regional endpoint (an IVS VPC endpoint does not serve it).
const LOCAL_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

const clients = ((globalThis as { __serviceQuotasClients?: Map<string, ServiceQuotasClient> }).__serviceQuotasClients ??= new Map());

function clientConfig(region: string) {
  return env.mode === 'local'
    ? {
        region,
        endpoint: env.IVS_ENDPOINT ?? `http://127.0.0.1:${env.IVS_LOCAL_PORT}`,
        credentials: LOCAL_CREDENTIALS,
        retryMode: 'adaptive',
        maxAttempts: 3,
      }
    : { region, retryMode: 'adaptive', maxAttempts: 5 };
}

/** One long-lived Service Quotas client per region. */
export function serviceQuotasClient(region: string): ServiceQuotasClient {
  let client = clients.get(region);
  if (!client) {
    client = new ServiceQuotasClient(clientConfig(region));
    clients.set(region, client);
  }
  return client;
}
