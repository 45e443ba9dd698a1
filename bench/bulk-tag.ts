import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { IvsClient, ListChannelsCommand } from '@aws-sdk/client-ivs';
import type { QueueOptions } from '../lib/bulk/queue';
import { repoRoot, startEmulatorCli } from './processes';
import { printTable } from './report';

// Bulk-tags 200 channels through the same paced queue the console's bulk dialog uses (lib/bulk),
// calling lib/ivs/tags.ts directly, against an emulator that enforces IVS's documented quotas
// (TagResource 10 TPS) and answers after 30 ms, like a nearby AWS region. Prints the achieved call
// rate against the 10 TPS quota and the failures a user would see.
const CHANNELS = 200;
const LATENCY_MS = 30;
const self = fileURLToPath(import.meta.url);

function runNode(args: string[], opts: { inherit?: boolean } = {}) {
  return spawn(process.execPath, args, { cwd: repoRoot, stdio: opts.inherit ? 'inherit' : ['ignore', 'ignore', 'pipe'] });
}

// lib/ivs/tags.ts is `import 'server-only'`, which resolves to an empty module only under the
// react-server condition (as in Next.js); so the measurement runs in a child started with it.
export async function run(): Promise<void> {
  const { child: emulator, url } = await startEmulatorCli(
    ['--seed', String(CHANNELS), '--latency', String(LATENCY_MS), '--enforce-quotas'],
    30_000,
  );
  try {
    const child = runNode(['--conditions=react-server', '--import', 'tsx', self, '--measure', url], { inherit: true });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`the bulk-tag measurement failed (exit ${code})`);
  } finally {
    emulator.kill('SIGTERM');
  }
}

async function measure(url: string): Promise<void> {
  const { BulkQueue, TAG_TPS } = await import('../lib/bulk/queue');
  // No SDK retries: every ThrottlingException reaches the queue, which must pace well enough to avoid them.
  const ivs = new IvsClient({
    endpoint: url,
    region: 'us-west-2',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  // lib/ivs takes a region and asks ivsClient(region), which keeps one client per region on
  // globalThis (lib/ivs/client.ts): placing this one there first makes tags.ts use it.
  (globalThis as { __ivsClients?: Map<string, IvsClient> }).__ivsClients = new Map([['us-west-2', ivs]]);
  const { tagResource } = await import('../lib/ivs/tags');
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ivs.send(new ListChannelsCommand({ maxResults: 100, nextToken }));
    arns.push(...(page.channels ?? []).map((c) => c.arn!));
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  if (arns.length < CHANNELS) throw new Error(`expected ${CHANNELS} seeded channels, found ${arns.length}`);

  // One queue pass over these channels, timing from the first call to the last answer.
  const tagPass = async (targets: string[], options: QueueOptions = {}) => {
    const tags = { bench: `run-${Date.now()}` };
    let first = 0;
    let last = 0;
    const call = (arn: string) => async () => {
      first ||= performance.now();
      try {
        await tagResource('us-west-2', arn, tags);
        return { ok: true as const };
      } catch (e) {
        const err = e as Error;
        return { ok: false as const, error: `${err.name}: ${err.message}`, code: err.name };
      } finally {
        last = performance.now();
      }
    };
    const result = await new BulkQueue(
      targets.map((arn) => ({ id: arn, calls: [call(arn)] })),
      options,
    ).run();
    return { result, seconds: (last - first) / 1000, failures: result.items.filter((i) => i.status !== 'done') };
  };

  const main = await tagPass(arns.slice(0, CHANNELS));
  // The same queue told to go twice as fast as the quota: IVS throttles, the queue must back off and
  // retry until every call went through (this is what protects a user when another tool shares the quota).
  await new Promise((r) => setTimeout(r, 1000));
  const eager = await tagPass(arns.slice(0, 60), { ratePerSecond: 2 * TAG_TPS });
  ivs.destroy();

  // n calls started at a steady rate span (n - 1) intervals; the last call's own latency is not pacing.
  const rate = (main.result.calls - 1) / main.seconds;
  printTable([
    { metric: 'channels tagged', value: `${main.result.done} of ${CHANNELS}` },
    { metric: 'TagResource calls', value: String(main.result.calls) },
    { metric: 'elapsed (first call to last answer)', value: `${main.seconds.toFixed(2)} s` },
    {
      metric: 'achieved rate vs 10 TPS quota',
      value: `${rate.toFixed(2)} TPS (${((rate / TAG_TPS) * 100).toFixed(1)}%)`,
      target: '>= 90%',
      pass: rate >= 0.9 * TAG_TPS,
    },
    { metric: 'ThrottlingException (retried)', value: String(main.result.throttled) },
    { metric: 'failures shown to the user', value: String(main.failures.length), target: '0', pass: main.failures.length === 0 },
    {
      metric: 'over-quota check: 60 channels paced at 20/s',
      value: `${eager.result.throttled} throttled, all retried; ${(60 / eager.seconds).toFixed(1)} channels/s`,
    },
    {
      metric: 'over-quota check: failures shown to the user',
      value: String(eager.failures.length),
      target: '0',
      pass: eager.failures.length === 0,
    },
  ]);
  [...main.failures, ...eager.failures].slice(0, 5).forEach((f) => console.log(`  ${f.id}: ${f.message}`));
  if (main.failures.length || eager.failures.length) process.exitCode = 1;
}

if (process.argv[1] === self && process.argv[2] === '--measure') {
  measure(process.argv[3]).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
