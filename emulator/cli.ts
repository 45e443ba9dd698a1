import { parseArgs } from 'node:util';
import { createEmulator, type EmulatorOptions } from './index';

const USAGE = `Usage: npm run emulator -- [options]
  --port N            port to listen on (default 4599, 0 = random)
  --host H            interface (default 127.0.0.1)
  --account-id ID     12-digit account id (default 123456789012)
  --region R          default region, used for seeding (default us-west-2)
  --access-key K      accepted access key id (default test)
  --secret-key S      its secret (default test)
  --state FILE        persist all state to FILE (atomic, debounced writes)
  --seed N            create N demo channels when the state is new
  --latency MS        delay added to every IVS response
  --fault-rate F      share (0..1) of IVS calls answered with 429/500/503
  --enforce-quotas    apply the documented per-operation TPS limits
  --eventbridge-url U POST IVS's EventBridge events for simulated streams to U (as an API destination)
  --eventbridge-secret S  the API-key header's value (x-ivs-console-secret); or EMULATOR_EVENTBRIDGE_SECRET`;

function num(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new Error(`--${name} expects a number, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'account-id': { type: 'string' },
      region: { type: 'string' },
      'access-key': { type: 'string' },
      'secret-key': { type: 'string' },
      state: { type: 'string' },
      seed: { type: 'string' },
      latency: { type: 'string' },
      'fault-rate': { type: 'string' },
      'enforce-quotas': { type: 'boolean' },
      'eventbridge-url': { type: 'string' },
      'eventbridge-secret': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const options: EmulatorOptions = {
    port: num('port', values.port) ?? 4599,
    host: values.host,
    accountId: values['account-id'],
    region: values.region,
    credentials: { accessKeyId: values['access-key'] ?? 'test', secretAccessKey: values['secret-key'] ?? 'test' },
    statePath: values.state,
    seed: num('seed', values.seed),
    latencyMs: num('latency', values.latency),
    faultRate: num('fault-rate', values['fault-rate']),
    enforceQuotas: values['enforce-quotas'] ?? false,
    eventBridge: values['eventbridge-url']
      ? { url: values['eventbridge-url'], secret: values['eventbridge-secret'] ?? process.env.EMULATOR_EVENTBRIDGE_SECRET ?? '' }
      : undefined,
  };
  const emulator = await createEmulator(options);
  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`Local IVS: ${(err as Error).message}\n`);
  process.exit(1);
});
