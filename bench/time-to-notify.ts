import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CreateChannelCommand, IvsClient } from '@aws-sdk/client-ivs';
import { createEmulator, type RunningEmulator } from '../emulator/index';
import { BENCH_AUTH_SECRET, startNext } from './channel-list';
import { freePort, pool, repoRoot, stopProcess } from './processes';
import { percentile, printTable, type Row } from './report';

// Issue 14: how long from a simulated starvation to the webhook delivery, by the polling path (the
// watcher, EVENTS_WATCH_SECONDS) and by the EventBridge path (the emulator's deliveries to the intake,
// watcher off), with the console's default intervals; and what the watcher costs in IVS and
// CloudWatch calls a minute with 500 live channels. Figures only: they depend on the intervals.
const LIVE = 500;
const SAMPLES = 4;
const LATENCY_MS = 50;
const SECRET = 'bench-eventbridge-secret-0123456789';
const WEBHOOK_SECRET = 'bench-webhook-signing-secret-0123';
const WATCH_SECONDS = 15; // the defaults
const DISPATCH_SECONDS = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Counts = Record<string, number>;

async function receiver() {
  const arrivals = new Map<string, number>();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const arn = /arn:aws:ivs:[^"]+:channel\/[A-Za-z0-9]+/.exec(body)?.[0];
      if (arn && !arrivals.has(arn)) arrivals.set(arn, performance.now());
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, arrivals, close: () => server.close() };
}

/** One console on a fresh store with the bench's rule; the emulator delivers EventBridge events to it or not. */
async function measure(path_: 'polling' | 'eventbridge', hook: Awaited<ReturnType<typeof receiver>>) {
  const port = await freePort();
  const emu: RunningEmulator = await createEmulator({
    port: 0,
    latencyMs: LATENCY_MS,
    quiet: true,
    ...(path_ === 'eventbridge' ? { eventBridge: { url: `http://localhost:${port}/api/events/eventbridge`, secret: SECRET } } : {}),
  });
  const control = async (route: string, body?: unknown): Promise<Counts> => {
    const init = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    return (await fetch(`${emu.url}/_emulator/${route}`, init)).json() as Promise<Counts>;
  };
  const ivs = new IvsClient({
    endpoint: emu.url,
    region: 'us-west-2',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  const dataDir = path.join(repoRoot, '.data', `bench-notify-${path_}`);
  rmSync(dataDir, { recursive: true, force: true });
  const seeded = spawnSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'bench/notify-seed.ts', dataDir, hook.url, WEBHOOK_SECRET, BENCH_AUTH_SECRET],
    {
      cwd: repoRoot,
      encoding: 'utf8',
    },
  );
  if (seeded.status !== 0) throw new Error(`seeding the alert rule failed: ${seeded.stderr}`);
  let next: ChildProcess | undefined;
  try {
    const arns: string[] = new Array(LIVE);
    await pool(LIVE, 50, async (i) => {
      arns[i] = (await ivs.send(new CreateChannelCommand({ name: `notify-${i}` }))).channel!.arn!;
    });
    await pool(LIVE, 50, (i) => control('streams/start', { channelArn: arns[i], viewerCount: 10, startedSecondsAgo: 600 }));
    next = await startNext(port, emu.port, repoRoot, {
      DATA_DIR: dataDir,
      EVENTS_WATCH_SECONDS: path_ === 'polling' ? String(WATCH_SECONDS) : '0',
      ALERTS_DISPATCH_SECONDS: String(DISPATCH_SECONDS),
      EVENTBRIDGE_SECRET: SECRET,
    });
    // The watcher's first look records the 500 streams as started; starvations come after it.
    await sleep(path_ === 'polling' ? WATCH_SECONDS * 2000 : 2000);

    let perMinute: Counts | undefined;
    if (path_ === 'polling') {
      await control('requests/reset', {});
      await sleep(60_000);
      perMinute = await control('requests');
    }

    const waits: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const arn = arns[i * 7];
      const t0 = performance.now();
      await control('streams/episode', { channelArn: arn, kind: 'starve', durationSeconds: 600 });
      const deadline = t0 + 120_000;
      while (!hook.arrivals.has(arn) && performance.now() < deadline) await sleep(100);
      waits.push(hook.arrivals.has(arn) ? hook.arrivals.get(arn)! - t0 : NaN);
    }
    return { waits, perMinute };
  } finally {
    await stopProcess(next);
    ivs.destroy();
    await emu.close();
  }
}

export async function run(): Promise<void> {
  console.log(
    `\n## time-to-notify: starvation → signed webhook, ${LIVE} live channels, ${LATENCY_MS} ms per call, watcher every ${WATCH_SECONDS} s, dispatch every ${DISPATCH_SECONDS} s`,
  );
  if (!existsSync(path.join(repoRoot, '.next/BUILD_ID'))) {
    console.log(
      'SKIPPED: no production build (.next/BUILD_ID missing). Run `npm run build` first, then `npm run bench -- time-to-notify`.',
    );
    return;
  }
  const hook = await receiver();
  try {
    const polling = await measure('polling', hook);
    const eventBridge = await measure('eventbridge', hook);
    const s = (xs: number[]) =>
      xs.some(Number.isNaN)
        ? `${xs.filter(Number.isNaN).length} of ${xs.length} never arrived`
        : `median ${(percentile(xs, 50) / 1000).toFixed(1)} s, max ${(Math.max(...xs) / 1000).toFixed(1)} s (${xs.length} starvations)`;
    const cw = new Set(['GetMetricData', 'ListMetrics']);
    const calls = (c: Counts | undefined, keep: (op: string) => boolean) =>
      Object.entries(c ?? {})
        .filter(([op]) => keep(op))
        .map(([op, n]) => `${op} ${n}`)
        .join(', ') || 'none';
    const rows: Row[] = [
      { metric: 'polling path (watcher, then dispatcher)', value: s(polling.waits) },
      // What the watcher records is dispatched at once (kickDispatch), so the loop's interval adds nothing.
      { metric: '  bound: one watch interval + its calls', value: `${WATCH_SECONDS} s + calls` },
      { metric: 'EventBridge path (intake, then dispatcher)', value: s(eventBridge.waits) },
      { metric: "  bound: the emulator's 1 s scan + the intake's answer", value: 'about 1 s' },
      { metric: `watcher, ${LIVE} live channels: IVS calls in a minute`, value: calls(polling.perMinute, (op) => !cw.has(op)) },
      { metric: '  CloudWatch calls in a minute (diagnosis once a minute)', value: calls(polling.perMinute, (op) => cw.has(op)) },
    ];
    printTable(rows);
  } finally {
    hook.close();
  }
}
