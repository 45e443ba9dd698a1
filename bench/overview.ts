import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CreateChannelCommand, IvsClient } from '@aws-sdk/client-ivs';
import { createEmulator } from '../emulator/index';
import { IVS_REGIONS } from '../lib/ivs/regions';
import { signIn, startNext } from './channel-list';
import { freePort, pool, repoRoot, stopProcess } from './processes';
import { percentile, printTable, type Row } from './report';

// The overview at / (issue 15): IVS calls and server time of one overview with every region of the
// console's list and 5,000 channels in one of them, then what repeat views and many viewers at once
// cost (lib/overview/cache.ts keeps each region 30 s and shares a read in flight). Figures only.
const BIG_REGION = 'us-west-2';
const CHANNELS = 5000;
const LIVE = 150;
const LATENCY_MS = 20;
const FRESH_FLOOR_MS = 5_000; // lib/overview/cache.ts
const VIEWS = 20;
const VIEWERS_AT_ONCE = 50;

type Counts = Record<string, number>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sum = (c: Counts) => Object.values(c).reduce((a, b) => a + b, 0);
const shape = (c: Counts) =>
  Object.entries(c)
    .sort()
    .map(([op, v]) => `${op} ${v}`)
    .join(', ') || 'none';

export async function run(): Promise<void> {
  const regions = IVS_REGIONS.length;
  console.log(
    `\n## overview: / with ${regions} regions (the console's list), ${CHANNELS} channels (${LIVE} live) in ${BIG_REGION}, one in each other region, ${LATENCY_MS} ms per call, next start, viewer session`,
  );
  if (!existsSync(path.join(repoRoot, '.next/BUILD_ID'))) {
    console.log('SKIPPED: no production build (.next/BUILD_ID missing). Run `npm run build` first, then `npm run bench -- overview`.');
    return;
  }
  const emu = await createEmulator({ port: 0, latencyMs: LATENCY_MS, quiet: true });
  const control = async (route: string, body?: unknown): Promise<Counts> => {
    const init = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    return (await fetch(`${emu.url}/_emulator/${route}`, init)).json() as Promise<Counts>;
  };
  const client = (region: string) =>
    new IvsClient({ endpoint: emu.url, region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  const big = client(BIG_REGION);
  let next: ChildProcess | undefined;
  try {
    const arns: string[] = new Array(CHANNELS);
    await pool(CHANNELS, 50, async (i) => {
      arns[i] = (await big.send(new CreateChannelCommand({ name: `overview-${i}`, authorized: i % 10 === 0 }))).channel!.arn!;
    });
    await pool(LIVE, 50, (i) => control('streams/start', { channelArn: arns[i], viewerCount: 100 + i }));
    for (const r of IVS_REGIONS.filter((r) => r.id !== BIG_REGION)) {
      const c = client(r.id);
      await c.send(new CreateChannelCommand({ name: `overview-${r.id}` }));
      c.destroy();
    }

    const port = await freePort();
    next = await startNext(port, emu.port);
    const base = `http://localhost:${port}`;
    const cookie = await signIn(base, 'viewer');
    const view = async (url: string) => {
      const t0 = performance.now();
      const res = await fetch(`${base}${url}`, { headers: { cookie } });
      const html = await res.text(); // the whole streamed page: every region's row
      if (!res.ok || !html.includes('data-region="us-west-2"')) throw new Error(`${url} answered ${res.status}`);
      return { ms: performance.now() - t0, html };
    };
    // The route's code loads before the clock starts (its regions are read too: that read is not counted).
    await view('/');
    await sleep(FRESH_FLOOR_MS);

    await control('requests/reset', {});
    const cold = await view('/?fresh=1');
    const oneRead = await control('requests');
    if (!cold.html.includes(`${CHANNELS.toLocaleString('en-US')}`)) throw new Error('the overview did not count every channel');

    await control('requests/reset', {});
    const warm: number[] = [];
    for (let i = 0; i < VIEWS; i++) warm.push((await view('/')).ms);
    const warmCalls = await control('requests');

    await sleep(FRESH_FLOOR_MS);
    await control('requests/reset', {});
    const burst: number[] = [];
    await Promise.all(Array.from({ length: VIEWERS_AT_ONCE }, async () => burst.push((await view('/?fresh=1')).ms)));
    const burstCalls = await control('requests');

    const t0 = performance.now();
    const found = await (await fetch(`${base}/find?q=overview-4999`, { headers: { cookie } })).text();
    const findMs = performance.now() - t0;
    if (!found.includes('overview-4999')) throw new Error('find-anywhere did not find overview-4999');

    const pages = Math.ceil(CHANNELS / 100);
    const expected = pages + Math.ceil(LIVE / 100) + (regions - 1) * 2 + regions * 3;
    const ms = (xs: number[]) => `${percentile(xs, 50).toFixed(0)} ms / ${percentile(xs, 95).toFixed(0)} ms`;
    const rows: Row[] = [
      {
        metric: 'one overview, nothing kept: IVS calls',
        value: `${sum(oneRead)} (${shape(oneRead)})`,
        target: `${expected}: ceil(${CHANNELS}/100) + ceil(${LIVE}/100) + ${regions - 1} × 2 + ${regions} × 3`,
        pass: sum(oneRead) === expected,
      },
      { metric: '  server time (whole streamed page)', value: `${cold.ms.toFixed(0)} ms` },
      { metric: `${VIEWS} more views within 30 s: IVS calls`, value: `${sum(warmCalls)}`, target: '0', pass: sum(warmCalls) === 0 },
      { metric: '  server time median / p95', value: ms(warm) },
      {
        metric: `${VIEWERS_AT_ONCE} viewers press "Read again" at once: IVS calls`,
        value: `${sum(burstCalls)} (${shape(burstCalls)})`,
        target: `${expected} (one shared read)`,
        pass: sum(burstCalls) === expected,
      },
      { metric: '  server time median / p95', value: ms(burst) },
      { metric: 'find-anywhere by name over the kept lists', value: `${findMs.toFixed(0)} ms, 0 IVS calls beyond the overview's` },
    ];
    printTable(rows);
  } finally {
    await stopProcess(next);
    big.destroy();
    await emu.close();
  }
}
