import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CreateChannelCommand, IvsClient } from '@aws-sdk/client-ivs';
import { createEmulator } from '../emulator/index';
import { signIn, startNext } from './channel-list';
import { freePort, pool } from './processes';
import { percentile } from './report';

// Which of two builds serves /channels faster? Usage, with each directory a checkout that has its
// own node_modules and `next build` done (git worktree add ../b && cd ../b && npm ci && npx next build):
//   npx tsx bench/ab-builds.ts <dirA> <dirB> [views]
// Both servers run at once against one emulator (50 ms per IVS call) and the views alternate A/B,
// B/A, so whatever else the machine does lands on both alike. Single runs of the channel-list bench
// vary by ±3 ms from run to run on a 2-core machine, more than most changes worth comparing.
const [dirA, dirB, viewsArg] = process.argv.slice(2);
const VIEWS = Number(viewsArg ?? 60);
const CHANNELS = 2000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Server {
  child: ChildProcess;
  base: string;
  cookie: string;
}

async function timedView(s: Server, region?: string): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(`${s.base}/channels`, { headers: { cookie: region ? `${s.cookie}; ivs-region=${region}` : s.cookie } });
  const html = await res.text();
  if (!res.ok || !html.includes('bench-')) throw new Error(`${s.base}/channels answered ${res.status} without the channel rows`);
  return { ms: performance.now() - t0, bytes: html.length };
}

async function main(): Promise<void> {
  for (const dir of [dirA, dirB]) {
    if (!dir || !existsSync(path.join(dir, '.next/BUILD_ID')))
      throw new Error(`usage: ab-builds.ts <dirA> <dirB> [views]; "${dir}" has no .next/BUILD_ID`);
  }
  const emu = await createEmulator({ port: 0, latencyMs: 50, quiet: true });
  const servers: Server[] = [];
  try {
    const creds = { accessKeyId: 'test', secretAccessKey: 'test' };
    const ivs = new IvsClient({ endpoint: emu.url, region: 'us-west-2', credentials: creds, maxAttempts: 1 });
    const arns: string[] = [];
    await pool(CHANNELS, 100, async (i) => {
      arns[i] = (await ivs.send(new CreateChannelCommand({ name: `bench-${i}` }))).channel!.arn!;
    });
    const control = (route: string, body: unknown) =>
      fetch(`${emu.url}/_emulator/${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await pool(CHANNELS / 10, 50, (i) => control('streams/start', { channelArn: arns[i * 10], viewerCount: i }));
    const east = new IvsClient({ endpoint: emu.url, region: 'us-east-1', credentials: creds, maxAttempts: 1 });
    for (let i = 0; i < 3; i++) await east.send(new CreateChannelCommand({ name: `bench-east-${i}` }));
    ivs.destroy();
    east.destroy();

    for (const dir of [dirA, dirB]) {
      const port = await freePort();
      const child = await startNext(port, emu.port, path.resolve(dir));
      const base = `http://localhost:${port}`;
      servers.push({ child, base, cookie: await signIn(base, 'viewer') });
    }
    await sleep(1500); // start-up warm-up (lib/ivs/warm-up.ts) settles
    for (const s of servers) await timedView(s, 'us-east-1'); // loads the route's code, as channel-list does
    const cold: number[] = [];
    for (const s of servers) cold.push((await timedView(s)).ms);
    const ms: number[][] = [[], []];
    const bytes = [0, 0];
    for (let i = 0; i < VIEWS; i++) {
      for (const k of i % 2 ? [1, 0] : [0, 1]) {
        const v = await timedView(servers[k]);
        ms[k].push(v.ms);
        bytes[k] = v.bytes;
        await sleep(30);
      }
    }
    const f = (x: number) => `${x.toFixed(1)} ms`;
    [dirA, dirB].forEach((dir, k) =>
      console.log(
        `${'AB'[k]} ${dir}: first view ${f(cold[k])}, then p25 ${f(percentile(ms[k], 25))} / p50 ${f(percentile(ms[k], 50))} / p75 ${f(percentile(ms[k], 75))}, ${bytes[k]} bytes of HTML`,
      ),
    );
    const diffs = ms[1].map((b, i) => b - ms[0][i]);
    console.log(
      `B - A over ${VIEWS} pairs: median ${f(percentile(diffs, 50))}, mean ${f(diffs.reduce((a, b) => a + b, 0) / diffs.length)}`,
    );
  } finally {
    for (const s of servers) s.child.kill('SIGTERM');
    await emu.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
