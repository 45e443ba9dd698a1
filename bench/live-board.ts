import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CreateChannelCommand, IvsClient } from '@aws-sdk/client-ivs';
import { createEmulator } from '../emulator/index';
import { signIn, startNext } from './channel-list';
import { freePort, pool, repoRoot, stopProcess } from './processes';
import { percentile, printTable, type Row } from './report';

// The /live health board with 500 live channels (issue 13): what one refresh of an open page costs in
// CloudWatch GetMetricData calls (target: ceil(500 × metrics / 500), whatever else) and IVS calls, and
// how long the board route takes. Figures only: the route's time depends on the machine.
const LIVE = 500;
const METRICS = 3; // BOARD_METRICS in lib/live-board/board.ts
const LATENCY_MS = 50;
const REFRESH_MS = 10_000; // LIVE_REFRESH_MS: how often an open /live page asks
const PACED = 12; // refreshes of one open page, REFRESH_MS apart
const OPEN_PAGES = 50; // then this many pages refreshing at once

type Counts = Record<string, number>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CLOUDWATCH_OPS = new Set(['GetMetricData', 'ListMetrics']);
const sum = (c: Counts, keep: (op: string) => boolean) =>
  Object.entries(c)
    .filter(([op]) => keep(op))
    .reduce((a, [, v]) => a + v, 0);
const shape = (c: Counts, per: number, keep: (op: string) => boolean) =>
  Object.entries(c)
    .filter(([op]) => keep(op))
    .map(([op, v]) => `${op} ${(v / per).toFixed(2)}`)
    .join(', ') || 'none';

export async function run(): Promise<void> {
  const target = Math.ceil((LIVE * METRICS) / 500);
  console.log(`\n## live-board: /api/live/board with ${LIVE} live channels, ${LATENCY_MS} ms per call, next start, viewer session`);
  if (!existsSync(path.join(repoRoot, '.next/BUILD_ID'))) {
    console.log('SKIPPED: no production build (.next/BUILD_ID missing). Run `npm run build` first, then `npm run bench -- live-board`.');
    return;
  }
  const emu = await createEmulator({ port: 0, latencyMs: LATENCY_MS, quiet: true });
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
  let next: ChildProcess | undefined;
  try {
    const arns: string[] = new Array(LIVE);
    await pool(LIVE, 50, async (i) => {
      arns[i] = (await ivs.send(new CreateChannelCommand({ name: `board-${i}` }))).channel!.arn!;
    });
    // Ten minutes of history each, so every series the board reads is full.
    await pool(LIVE, 50, (i) => control('streams/start', { channelArn: arns[i], viewerCount: i, startedSecondsAgo: 600 }));
    await control('streams/episode', { channelArn: arns[123], kind: 'starve', durationSeconds: 600 });

    const port = await freePort();
    next = await startNext(port, emu.port);
    const base = `http://localhost:${port}`;
    const cookie = await signIn(base, 'viewer');
    const board = async () => {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/live/board?page=1`, { headers: { cookie } });
      const body = (await res.json()) as { total: number; rows: Array<{ channelId: string; health: string }> };
      if (!res.ok || body.total !== LIVE) throw new Error(`/api/live/board answered ${res.status} with ${body.total} live`);
      return { ms: performance.now() - t0, first: body.rows[0] };
    };
    // The route's code loads and the first board (every channel named) is built before the clock starts.
    const cold = await board();
    await sleep(REFRESH_MS);

    // One open page: a refresh every REFRESH_MS, counted over the whole run (the background ListStreams
    // refresher included, since an open page is what keeps it running).
    await control('requests/reset', {});
    const paced: number[] = [];
    for (let i = 0; i < PACED; i++) {
      const t = performance.now();
      paced.push((await board()).ms);
      if (i < PACED - 1) await sleep(Math.max(0, REFRESH_MS - (performance.now() - t)));
    }
    await sleep(REFRESH_MS - percentile(paced, 50));
    const one = await control('requests');

    // Many open pages refreshing in the same 10 s: the board and its metrics are shared, so the cost stays.
    await control('requests/reset', {});
    const burst: number[] = [];
    await Promise.all(Array.from({ length: OPEN_PAGES }, async () => burst.push((await board()).ms)));
    await sleep(REFRESH_MS);
    const many = await control('requests');

    const isCw = (op: string) => CLOUDWATCH_OPS.has(op);
    const isIvs = (op: string) => !CLOUDWATCH_OPS.has(op);
    const ms = (xs: number[]) => `${percentile(xs, 50).toFixed(0)} ms / ${percentile(xs, 95).toFixed(0)} ms`;
    const rows: Row[] = [
      {
        metric: 'first board (cold: every channel named, metrics read)',
        value: `${cold.ms.toFixed(0)} ms; first row ${cold.first.health}`,
      },
      {
        metric: `one open page, ${PACED} refreshes ${REFRESH_MS / 1000} s apart: GetMetricData calls per refresh`,
        value: `${((one.GetMetricData ?? 0) / PACED).toFixed(2)} (target ceil(${LIVE} × ${METRICS} / 500) = ${target})`,
      },
      // Each metrics read asks for every (channel, metric) pair once, spread over `target` calls.
      {
        metric: '  metrics requested per refresh',
        value: `${(((one.GetMetricData ?? 0) / PACED / target) * LIVE * METRICS).toFixed(0)} (${LIVE} × ${METRICS} = ${LIVE * METRICS} per read)`,
      },
      {
        metric: '  IVS calls per refresh (all operations)',
        value: `${(sum(one, isIvs) / PACED).toFixed(2)} (${shape(one, PACED, isIvs)})`,
      },
      {
        metric: '  CloudWatch calls per refresh (all operations)',
        value: `${(sum(one, isCw) / PACED).toFixed(2)} (${shape(one, PACED, isCw)})`,
      },
      { metric: '  route time median / p95', value: ms(paced) },
      {
        metric: `${OPEN_PAGES} open pages refreshing at once: GetMetricData calls in all`,
        value: `${many.GetMetricData ?? 0} (IVS ${sum(many, isIvs)}: ${shape(many, 1, isIvs)})`,
      },
      { metric: '  route time median / p95', value: ms(burst) },
      {
        metric: `one open page per hour (360 refreshes)`,
        value: `${Math.round(((one.GetMetricData ?? 0) / PACED) * 360)} GetMetricData calls, ${Math.round(((one.GetMetricData ?? 0) / PACED / target) * 360 * LIVE * METRICS).toLocaleString('en-US')} metrics requested`,
      },
    ];
    printTable(rows);
  } finally {
    await stopProcess(next);
    ivs.destroy();
    await emu.close();
  }
}
