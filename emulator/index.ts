import type { AddressInfo } from 'node:net';
import { startEventBridgeDelivery } from './eventbridge';
import { FaultBook } from './faults';
import type { Runtime } from './ivs-api';
import { loadStateFile, StateWriter } from './persistence';
import { RateLimiter } from './quotas';
import { seedDemoData } from './seed';
import { AppliedQuotas } from './service-quotas/applied';
import { createHttpServer } from './server';
import { Store } from './state';

export interface EmulatorOptions {
  port?: number /* 0 = random */;
  host?: string;
  accountId?: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  statePath?: string;
  seed?: number;
  latencyMs?: number;
  faultRate?: number;
  enforceQuotas?: boolean;
  quiet?: boolean;
  /** Deliver IVS's EventBridge events for simulated streams to this URL, with this secret as the API-key header. */
  eventBridge?: { url: string; secret: string; header?: string };
}

export interface RunningEmulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

function checkOptions(o: EmulatorOptions): void {
  if (o.accountId !== undefined && !/^\d{12}$/.test(o.accountId)) throw new Error(`accountId must be 12 digits, got "${o.accountId}"`);
  if (o.region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(o.region))
    throw new Error(`region "${o.region}" does not look like an AWS region`);
  if (o.faultRate !== undefined && !(o.faultRate >= 0 && o.faultRate <= 1)) throw new Error('faultRate must be between 0 and 1');
  if (o.latencyMs !== undefined && !(o.latencyMs >= 0)) throw new Error('latencyMs must be >= 0');
  if (o.seed !== undefined && !(Number.isInteger(o.seed) && o.seed >= 0)) throw new Error('seed must be a non-negative integer');
  if (o.eventBridge) {
    if (!URL.canParse(o.eventBridge.url) || !/^https?:$/.test(new URL(o.eventBridge.url).protocol))
      throw new Error(`the EventBridge URL must be http(s), got "${o.eventBridge.url}"`);
    if (!o.eventBridge.secret) throw new Error('an EventBridge URL needs a secret (--eventbridge-secret)');
  }
}

// Starts a local IVS service; resolves once it is listening.
export async function createEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  checkOptions(options);
  const accountId = options.accountId ?? '123456789012';
  const region = options.region ?? 'us-west-2';
  const store = new Store(accountId);

  let writer: StateWriter | undefined;
  let hadStateFile = false;
  if (options.statePath) {
    const data = loadStateFile(options.statePath);
    if (data) {
      if (data.accountId !== accountId) {
        throw new Error(
          `State file ${options.statePath} belongs to account ${data.accountId}, not ${accountId}. Use --account-id ${data.accountId} or another file.`,
        );
      }
      store.load(data);
      hadStateFile = true;
    }
    const w = new StateWriter(options.statePath, () => store.toJSON());
    store.onChange = () => w.schedule();
    writer = w;
  }
  // Seed only a brand-new state, so restarting with --state keeps the user's changes (and deletions).
  if (options.seed && !hadStateFile && store.isEmpty()) seedDemoData(store, region, options.seed);

  const rt: Runtime = {
    store,
    accountId,
    credentials: options.credentials ?? { accessKeyId: 'test', secretAccessKey: 'test' },
    counters: new Map(),
    throttled: new Map(),
    faults: new FaultBook(options.faultRate ?? 0),
    limiter: options.enforceQuotas ? new RateLimiter() : undefined,
    quotas: new AppliedQuotas(),
  };
  const server = createHttpServer(rt, { latencyMs: options.latencyMs ?? 0 });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!options.quiet) process.stdout.write(`Local IVS listening on ${url} (account ${accountId}, region ${region})\n`);
  const eventBridge = options.eventBridge && startEventBridgeDelivery(store, options.eventBridge);
  if (eventBridge && !options.quiet) process.stdout.write(`Local IVS sends EventBridge events to ${options.eventBridge!.url}\n`);

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    close() {
      closing ??= (async () => {
        eventBridge?.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await writer?.flush();
      })();
      return closing;
    },
  };
}
