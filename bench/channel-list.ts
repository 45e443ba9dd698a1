import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  CreateChannelCommand,
  IvsClient,
  ListChannelsCommand,
  ListPlaybackRestrictionPoliciesCommand,
  ListRecordingConfigurationsCommand,
} from '@aws-sdk/client-ivs';
import { createEmulator } from '../emulator/index';
import { captureStderr, freePort, pool, repoRoot, waitForHealth } from './processes';
import { percentile, printTable, type Row } from './report';

// Channel list bench: does a /channels view cost a bounded number of IVS calls, and does the page
// add little on top of them? 5,000 channels (500 live) in an emulator with 50 ms per IVS call,
// `next start` from the existing build, signed in as viewer.
const CHANNELS = 5000;
const LIVE = 500;
const LATENCY_MS = 50;
const WARM_VIEWS = 20;

// The bench's next start talks to its own emulator, whatever the shell has configured.
function withoutAwsConfig(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { IVS_ENDPOINT: _e, AWS_REGION: _r, AWS_DEFAULT_REGION: _d, DATABASE_URL: _db, ...rest } = env;
  void [_e, _r, _d, _db];
  return rest;
}

async function startNext(port: number, ivsPort: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...withoutAwsConfig(process.env),
      NODE_ENV: 'production',
      IVS_MODE: 'local',
      IVS_LOCAL_PORT: String(ivsPort),
      AUTH_SECRET: 'bench-only-secret-not-for-production-0123456789',
      AUTH_URL: `http://localhost:${port}`,
      AUTH_TRUST_HOST: 'true',
      DATA_DIR: '.data/bench',
    },
  });
  await waitForHealth(`http://localhost:${port}/api/health`, child, { what: 'next start', timeoutMs: 60_000, intervalMs: 200, stderr: captureStderr(child) });
  return child;
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]);

// Auth.js sign-in with the local demo provider (id 'demo'): csrf token + cookie, then the callback; returns the Cookie header.
async function signIn(base: string, user: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${base}/api/auth/callback/demo`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, username: user, password: 'local', callbackUrl: `${base}/channels` }),
  });
  const all = [...jar, ...cookiesOf(res)];
  if (!all.some((c) => c.includes('session-token'))) throw new Error(`sign-in as ${user} failed (HTTP ${res.status} -> ${res.headers.get('location')})`);
  return all.join('; ');
}

type Counts = Record<string, number>;
const control = async (url: string, route: string, method = 'GET', body?: unknown) =>
  (await fetch(`${url}/_emulator/${route}`, { method, headers: body ? { 'content-type': 'application/json' } : undefined, body: body ? JSON.stringify(body) : undefined })).json();

// The emulator's counters once they stop moving (a background snapshot pass may still be running).
async function settledCounts(url: string): Promise<Counts> {
  let last = '';
  for (;;) {
    const counts = (await control(url, 'requests')) as Counts;
    const now = JSON.stringify(counts);
    if (now === last) return counts;
    last = now;
    await new Promise((r) => setTimeout(r, 150));
  }
}

// The IVS calls the view waited for, in the page's parallel shape: ListChannels ∥ the two name
// lists. The page never waits for ListStreams (a cold or stale snapshot is refreshed in the
// background), so those calls are counted above but not replayed here.
async function ivsAlone(ivs: IvsClient, counts: Counts): Promise<number> {
  const t0 = performance.now();
  await Promise.all([
    counts.ListChannels ? ivs.send(new ListChannelsCommand({ maxResults: 100 })) : null,
    counts.ListRecordingConfigurations ? ivs.send(new ListRecordingConfigurationsCommand({ maxResults: 100 })) : null,
    counts.ListPlaybackRestrictionPolicies ? ivs.send(new ListPlaybackRestrictionPoliciesCommand({ maxResults: 100 })) : null,
  ]);
  return performance.now() - t0;
}

interface View {
  calls: number;
  counts: Counts;
  serverMs: number;
  aloneMs: number;
}

export async function run(): Promise<void> {
  console.log(`\n## channel list: /channels with ${CHANNELS} channels (${LIVE} live), ${LATENCY_MS} ms per IVS call, next start, viewer session`);
  if (!existsSync(path.join(repoRoot, '.next/BUILD_ID'))) {
    console.log('SKIPPED: no production build (.next/BUILD_ID missing). Run `npm run build` first, then `npm run bench`.');
    return;
  }
  const emu = await createEmulator({ port: 0, latencyMs: LATENCY_MS, quiet: true });
  const ivs = new IvsClient({ endpoint: emu.url, region: 'us-west-2', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  let next: ChildProcess | undefined;
  try {
    const arns: string[] = new Array(CHANNELS);
    await pool(CHANNELS, 100, async (i) => {
      arns[i] = (await ivs.send(new CreateChannelCommand({ name: `bench-${i}` }))).channel!.arn!;
    });
    await pool(LIVE, 50, (i) => control(emu.url, 'streams/start', 'POST', { channelArn: arns[i * (CHANNELS / LIVE)], viewerCount: i }));

    const port = await freePort();
    next = await startNext(port, emu.port);
    const base = `http://localhost:${port}`;
    const cookie = await signIn(base, 'viewer');

    // Load the route's code once in another (empty) region, so the cold view below measures cold IVS
    // caches (live snapshot, names) rather than the first-request module loading of next start.
    await fetch(`${base}/channels`, { headers: { cookie: `${cookie}; ivs-region=us-east-1` } }).then((r) => r.text());

    const views: View[] = [];
    for (let i = 0; i <= WARM_VIEWS; i++) {
      await control(emu.url, 'requests/reset', 'POST');
      const t0 = performance.now();
      const res = await fetch(`${base}/channels`, { headers: { cookie } });
      const html = await res.text();
      const serverMs = performance.now() - t0;
      if (!res.ok || !html.includes('bench-')) throw new Error(`/channels answered ${res.status} without the channel rows`);
      // Count every call the view caused, including a live-snapshot pass it started but did not wait for.
      const counts = await settledCounts(emu.url);
      const calls = Object.values(counts).reduce((a, b) => a + b, 0);
      await control(emu.url, 'requests/reset', 'POST');
      views.push({ calls, counts, serverMs, aloneMs: await ivsAlone(ivs, counts) });
    }

    const [cold, ...warm] = views;
    const med = (f: (v: View) => number) => percentile(warm.map(f), 50);
    const warmCalls = warm.reduce((a, v) => a + v.calls, 0) / warm.length;
    const maxWarmCalls = Math.max(...warm.map((v) => v.calls));
    const ratio = (s: number, a: number) => s / a;
    const shape = (c: Counts) => Object.entries(c).map(([k, v]) => `${k}×${v}`).join(', ');
    const rows: Row[] = [
      { metric: 'cold view: IVS calls', value: `${cold.calls} (${shape(cold.counts)})`, target: '≤ 3', pass: cold.calls <= 3 },
      { metric: 'cold view: server time / IVS calls alone', value: `${cold.serverMs.toFixed(0)} ms / ${cold.aloneMs.toFixed(0)} ms = ${ratio(cold.serverMs, cold.aloneMs).toFixed(2)}x`, target: '≤ 1.3x', pass: ratio(cold.serverMs, cold.aloneMs) <= 1.3 },
      { metric: `warm views (${warm.length}): IVS calls per view, mean`, value: `${warmCalls.toFixed(2)} (typical: ${shape(warm[0].counts)})`, target: '≤ 3', pass: warmCalls <= 3 },
      { metric: 'warm views: IVS calls, worst view (starts the 5 s snapshot refresh)', value: String(maxWarmCalls), target: '≤ 3', pass: maxWarmCalls <= 3 },
      { metric: 'warm views: server time p50 / IVS calls alone p50', value: `${med((v) => v.serverMs).toFixed(0)} ms / ${med((v) => v.aloneMs).toFixed(0)} ms = ${ratio(med((v) => v.serverMs), med((v) => v.aloneMs)).toFixed(2)}x`, target: '≤ 1.3x', pass: ratio(med((v) => v.serverMs), med((v) => v.aloneMs)) <= 1.3 },
      { metric: 'warm views: server time p90', value: `${percentile(warm.map((v) => v.serverMs), 90).toFixed(0)} ms` },
    ];
    printTable(rows);
    console.log('Cold = first us-west-2 view after start (live snapshot and name lists empty; the route code was loaded by one us-east-1 view).');
    console.log('A cold view does not wait for the ListStreams pages: the rows render with "Checking…" and the 10 s live query fills them in.');
    console.log('Warm = the next views within the 5 s snapshot window. Calls per view include background ListStreams passes the view started.');
    console.log('"IVS calls alone" replays the calls the view waited for (ListChannels, and the name lists when cold), in the same parallel shape, with the SDK.');
  } finally {
    ivs.destroy();
    if (next && next.exitCode === null) {
      const exited = new Promise((r) => next!.once('exit', r));
      next.kill('SIGTERM');
      const timer = setTimeout(() => next!.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    await emu.close();
  }
}
