import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { signIn, startNext } from './channel-list';
import { flatOut, paced, summarize, type Kind, type Sample, type Session } from './load-sessions';
import { freePort, pool, repoRoot, startEmulatorCli } from './processes';
import { printTable, type Row } from './report';

// 50 operators on one console against IVS's quotas (issue 19, part 3): the emulator enforces IVS's
// per-operation TPS (ListChannels, BatchGetChannel, ListStreams: 5 each) and answers after 50 ms;
// a production `next start` of this checkout's build; 50 signed-in sessions. First paced as people
// use it (a page every 5 s, /channels and /live in turn, live state polled every 10 s as the pages
// do: ~15 requests/s), then at full speed with more and more sessions, to show where it saturates.
const SESSIONS = 50;
const CHANNELS = 500; // seeded: every 10th live, so /channels shows 100 rows and /live 50
const LATENCY_MS = 50;
const PACED_MS = 60_000;
const PAGE_MS = 5_000;
const POLL_MS = 10_000; // LIVE_REFRESH_MS in components/channel-list/live-query.ts
const RAMP = [5, 10, 25, 50]; // sessions at full speed, STEP_MS each: 48 s in all
const STEP_MS = 12_000;
const TARGET_P99_MS = 1_500;
const TARGET_RSS_MB = 300;

type Counts = Record<string, number>;
const total = (c: Counts) => Object.values(c).reduce((a, b) => a + b, 0);
const listed = (c: Counts) => Object.entries(c).map(([k, v]) => `${k}×${v}`).join(', ') || 'none';
const shape = (c: Counts, secs: number) =>
  Object.entries(c)
    .sort(([, a], [, b]) => b - a)
    .map(([k, v]) => `${k} ${(v / secs).toFixed(2)}`)
    .join(', ') || 'none';

// The console process, read from /proc: resident memory now and at its peak, CPU time used.
function proc(pid: number) {
  const status = () => readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(status().match(new RegExp(`^${field}:\\s+(\\d+)`, 'm'))?.[1] ?? NaN);
  return {
    rssMb: () => kb('VmRSS') / 1024,
    peakMb: () => kb('VmHWM') / 1024,
    // utime + stime, in clock ticks (100 per second on Linux).
    cpuSeconds: () => {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
  };
}

interface Phase {
  samples: Sample[];
  secs: number;
  calls: Counts;
  throttled: Counts;
  rssPeakMb: number;
  cpuPct: number;
}

// Runs one phase between counter resets, sampling the console's RSS every 100 ms.
async function measure(emuUrl: string, p: ReturnType<typeof proc>, drive: () => Promise<Sample[]>): Promise<Phase> {
  const control = async (route: string, method = 'GET') => (await fetch(`${emuUrl}/_emulator/${route}`, { method })).json() as Promise<Counts>;
  await control('requests/reset', 'POST');
  let rssPeakMb = p.rssMb();
  const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, p.rssMb())), 100);
  const cpu0 = p.cpuSeconds();
  const t0 = performance.now();
  const samples = await drive();
  const secs = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const [calls, throttled] = await Promise.all([control('requests'), control('requests/throttled')]);
  return { samples, secs, calls, throttled, rssPeakMb, cpuPct: ((p.cpuSeconds() - cpu0) / secs) * 100 };
}

const ms = (x: number) => `${Math.round(x)} ms`;
function latencyRows(label: string, phase: Phase): Row[] {
  return (['channels', 'live', 'poll'] as Kind[]).map((kind) => {
    const s = summarize(phase.samples, kind);
    const path = kind === 'poll' ? '/api/streams' : `/${kind}`;
    const judged = kind !== 'poll';
    return {
      metric: `${label}: ${path} p50 / p95 / p99 (${s.count} requests, ${s.failed} not served)`,
      value: `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`,
      ...(judged ? { target: `p99 < ${TARGET_P99_MS} ms, all served`, pass: s.p99 < TARGET_P99_MS && s.failed === 0 } : {}),
    };
  });
}

export async function run(): Promise<void> {
  console.log(`\n## load: ${SESSIONS} signed-in sessions on one next start, emulator with --enforce-quotas --latency ${LATENCY_MS}, ${CHANNELS} channels`);
  if (!existsSync(path.join(repoRoot, '.next/BUILD_ID'))) {
    console.log('SKIPPED: no production build (.next/BUILD_ID missing). Run `npm run build` first, then `npm run bench -- load`.');
    return;
  }
  // Ports come from the OS's ephemeral range, so they never meet the fixed ones (3000, 4599, the e2e ports).
  const emu = await startEmulatorCli(['--enforce-quotas', '--latency', String(LATENCY_MS), '--seed', String(CHANNELS)], 30_000);
  let next: ChildProcess | undefined;
  try {
    const port = await freePort();
    next = await startNext(port, emu.port);
    const base = `http://localhost:${port}`;
    const users = ['viewer', 'operator', 'admin'];
    const sessions: Session[] = new Array(SESSIONS);
    await pool(SESSIONS, 5, async (i) => (sessions[i] = { cookie: await signIn(base, users[i % users.length]), ids: [] }));
    // Each route's code loads once before the clock starts, as on a console that has been up a while.
    for (const kind of ['channels', 'live'] as const) await fetch(`${base}/${kind}`, { headers: { cookie: sessions[0].cookie } }).then((r) => r.text());
    const p = proc(next.pid!);

    const steady = await measure(emu.url, p, () => paced(base, sessions, { durationMs: PACED_MS, pageMs: PAGE_MS, pollMs: POLL_MS }));
    const ivsRate = total(steady.calls) / steady.secs;
    const throttles = total(steady.throttled);
    const rows: Row[] = [
      { metric: `paced, ${PACED_MS / 1000} s: requests per second (pages + polls)`, value: (steady.samples.length / steady.secs).toFixed(1) },
      ...latencyRows('paced', steady),
      { metric: 'paced: ThrottlingException answers from IVS', value: `${throttles} (${listed(steady.throttled)})`, target: '0', pass: throttles === 0 },
      { metric: 'paced: IVS calls per second (all operations)', value: `${ivsRate.toFixed(2)} (${shape(steady.calls, steady.secs)})` },
      { metric: 'paced: console RSS peak (sampled every 100 ms)', value: `${steady.rssPeakMb.toFixed(0)} MB`, target: `< ${TARGET_RSS_MB} MB`, pass: steady.rssPeakMb < TARGET_RSS_MB },
      { metric: 'console RSS peak since start (VmHWM)', value: `${p.peakMb().toFixed(0)} MB` },
      { metric: 'paced: console CPU (100% = one core)', value: `${steady.cpuPct.toFixed(0)}%` },
    ];
    printTable(rows);

    console.log(`\nFull speed: each session sends its next request (/channels, /api/streams, /live in turn) as soon as the last answered, ${STEP_MS / 1000} s per step.`);
    const steps: Array<{ sessions: number; phase: Phase }> = [];
    for (const n of RAMP) steps.push({ sessions: n, phase: await measure(emu.url, p, () => flatOut(base, sessions.slice(0, n), STEP_MS)) });
    const rampRows: Row[] = steps.map(({ sessions: n, phase }) => {
      const all = summarize(phase.samples);
      const [c, l] = [summarize(phase.samples, 'channels'), summarize(phase.samples, 'live')];
      return {
        metric: `${String(n).padStart(2)} sessions`,
        value:
          `${(phase.samples.length / phase.secs).toFixed(1)} req/s, p50 ${ms(all.p50)}, /channels p99 ${ms(c.p99)}, /live p99 ${ms(l.p99)}, ` +
          `${all.failed} not served, CPU ${phase.cpuPct.toFixed(0)}%, RSS peak ${phase.rssPeakMb.toFixed(0)} MB, ` +
          `IVS ${(total(phase.calls) / phase.secs).toFixed(2)} calls/s, ${total(phase.throttled)} throttled`,
      };
    });
    printTable(rampRows);
    console.log(saturation(steps));
    console.log(`Console RSS peak over the whole run (VmHWM): ${p.peakMb().toFixed(0)} MB.`);
  } finally {
    if (next && next.exitCode === null) {
      const exited = new Promise((r) => next!.once('exit', r));
      next.kill('SIGTERM');
      const timer = setTimeout(() => next!.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    emu.child.kill('SIGTERM');
  }
}

// Saturated: the step where more sessions stopped buying throughput (< 15% more) and only added waiting.
function saturation(steps: Array<{ sessions: number; phase: Phase }>): string {
  const rate = (ph: Phase) => ph.samples.length / ph.secs;
  for (let i = 1; i < steps.length; i++) {
    const [before, now] = [steps[i - 1], steps[i]];
    if (rate(now.phase) < rate(before.phase) * 1.15) {
      const bound = before.phase.cpuPct >= 80 ? `the console process at ${before.phase.cpuPct.toFixed(0)}% CPU (one core = 100%; Node renders on one)` : 'not the console CPU';
      return (
        `Saturates at about ${rate(before.phase).toFixed(0)} requests/s, reached with ${before.sessions} sessions: ${now.sessions} sessions got ` +
        `${rate(now.phase).toFixed(0)}/s with p50 ${ms(summarize(now.phase.samples).p50)}. Bound by ${bound}; IVS calls stayed at ` +
        `${(total(now.phase.calls) / now.phase.secs).toFixed(2)}/s with ${total(now.phase.throttled)} throttled.`
      );
    }
  }
  const last = steps[steps.length - 1];
  return `Not saturated at ${last.sessions} sessions: ${rate(last.phase).toFixed(0)} requests/s, still rising.`;
}
