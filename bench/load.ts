import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { CONSOLE_NODE, LIFTOFF_ONLY, signIn, startNext, type ConsoleNode } from './channel-list';
import { failures, flatOut, oneByOne, paced, summarize, type Kind, type Sample, type Session } from './load-sessions';
import { freePort, pool, repoRoot, startEmulatorCli, stopProcess } from './processes';
import { printTable, type Row } from './report';

// 50 operators on one console against IVS's quotas (issue 19, part 3): the emulator enforces IVS's
// per-operation TPS (ListChannels, BatchGetChannel, ListStreams: 5 each) and answers after 50 ms;
// a production `next start` of this checkout's build; 50 signed-in sessions. First paced as people
// use it (a page every 5 s, /channels and /live in turn, live state polled every 10 s as the pages
// do: ~15 requests/s), then at full speed with more and more sessions, to show where it saturates.
const SESSIONS = 50;
const CHANNELS = 500; // seeded: every 10th live plus 11 demo streams (61), so /channels shows 100 rows and /live 50 a page
const LATENCY_MS = 50;
const PACED_MS = 60_000;
const PAGE_MS = 5_000;
const POLL_MS = 10_000; // LIVE_REFRESH_MS in components/channel-list/live-query.ts
const RAMP = [5, 10, 25, 50]; // sessions at full speed, STEP_MS each: 48 s in all
const STEP_MS = 12_000;
const COMPARE_SESSIONS = 10; // the full-speed step run again without the heap flags
const TARGET_P99_MS = 1_500;
const TARGET_RSS_MB = 300;
const CALIBRATION = 30;

type Counts = Record<string, number>;
const total = (c: Counts) => Object.values(c).reduce((a, b) => a + b, 0);
const listed = (c: Counts) =>
  Object.entries(c)
    .map(([k, v]) => `${k}×${v}`)
    .join(', ') || 'none';
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
  /** The machine's 1-minute load average at the end. */
  load: number;
}

// Runs one phase between counter resets, sampling the console's RSS every 100 ms.
async function measure(emuUrl: string, p: ReturnType<typeof proc>, drive: () => Promise<Sample[]>): Promise<Phase> {
  const control = async (route: string, method = 'GET') =>
    (await fetch(`${emuUrl}/_emulator/${route}`, { method })).json() as Promise<Counts>;
  await control('requests/reset', 'POST');
  let rssPeakMb = p.rssMb();
  const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, p.rssMb())), 100);
  const cpu0 = p.cpuSeconds();
  const t0 = performance.now();
  const samples = await drive();
  const secs = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const [calls, throttled] = await Promise.all([control('requests'), control('requests/throttled')]);
  return { samples, secs, calls, throttled, rssPeakMb, cpuPct: ((p.cpuSeconds() - cpu0) / secs) * 100, load: loadavg()[0] };
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
  const emulatorFlags = `--enforce-quotas --latency ${LATENCY_MS}`;
  console.log(`\n## load: ${SESSIONS} signed-in sessions on one next start, emulator with ${emulatorFlags}, ${CHANNELS} channels`);
  if (!existsSync(path.join(repoRoot, '.next/BUILD_ID'))) {
    console.log('SKIPPED: no production build (.next/BUILD_ID missing). Run `npm run build` first, then `npm run bench -- load`.');
    return;
  }
  // Ports come from the OS's ephemeral range, so they never meet the fixed ones (3000, 4599, the e2e ports).
  const emu = await startEmulatorCli(['--enforce-quotas', '--latency', String(LATENCY_MS), '--seed', String(CHANNELS)], 30_000);
  let next: ChildProcess | undefined;
  try {
    const started = await startConsole(emu.port, CONSOLE_NODE);
    next = started.next;
    const { base, sessions, p, idleRssMb } = started;

    // What one request costs the console in CPU, alone (machine load stretches its time, hardly its CPU):
    // Node renders on one core, so one core's worth of these is the most one process can serve.
    const cpuMs: Record<Kind, number> = { channels: 0, live: 0, poll: 0 };
    for (const kind of ['channels', 'live', 'poll'] as const) {
      await oneByOne(base, sessions[0], kind, 5);
      const cpu0 = p.cpuSeconds();
      await oneByOne(base, sessions[0], kind, CALIBRATION);
      cpuMs[kind] = ((p.cpuSeconds() - cpu0) * 1000) / CALIBRATION;
    }
    const mixCpuMs = (cpuMs.channels + cpuMs.live + cpuMs.poll) / 3; // both mixes: as many /channels as /live as polls

    const loadBefore = loadavg()[0];
    const steady = await measure(emu.url, p, () => paced(base, sessions, { durationMs: PACED_MS, pageMs: PAGE_MS, pollMs: POLL_MS }));
    const ivsRate = total(steady.calls) / steady.secs;
    const throttles = total(steady.throttled);
    const rows: Row[] = [
      {
        metric: 'machine load average (1 min), before / after the paced run',
        value: `${loadBefore.toFixed(1)} / ${steady.load.toFixed(1)} on ${availableParallelism()} cores`,
      },
      {
        metric: `console CPU per request, alone (${CALIBRATION} each)`,
        value: `/channels ${cpuMs.channels.toFixed(1)} ms, /live ${cpuMs.live.toFixed(1)} ms, /api/streams ${cpuMs.poll.toFixed(1)} ms`,
      },
      { metric: 'so one free core serves about (/channels, /live, polls alike)', value: `${Math.round(1000 / mixCpuMs)} requests/s` },
      { metric: 'console RSS after start and sign-ins, before load', value: `${idleRssMb.toFixed(0)} MB` },
      { metric: `paced, ${PACED_MS / 1000} s: requests/s (pages + polls)`, value: (steady.samples.length / steady.secs).toFixed(1) },
      ...latencyRows('paced', steady),
      {
        metric: 'paced: ThrottlingException answers from IVS',
        value: `${throttles} (${listed(steady.throttled)})`,
        target: '0',
        pass: throttles === 0,
      },
      { metric: 'paced: IVS calls per second (all operations)', value: `${ivsRate.toFixed(2)} (${shape(steady.calls, steady.secs)})` },
      {
        metric: 'paced: console RSS peak (sampled every 100 ms)',
        value: `${steady.rssPeakMb.toFixed(0)} MB`,
        target: `< ${TARGET_RSS_MB} MB`,
        pass: steady.rssPeakMb < TARGET_RSS_MB,
      },
      { metric: 'console RSS peak since start (VmHWM)', value: `${p.peakMb().toFixed(0)} MB` },
      { metric: 'paced: console CPU (100% = one core)', value: `${steady.cpuPct.toFixed(0)}%` },
    ];
    printTable(rows);
    if (failures(steady.samples)) console.log(`Not served (paced): ${failures(steady.samples)}`);

    console.log('\nFull speed: each session sends its next request (/channels, /api/streams, /live in turn) as soon as the last');
    console.log(`answered, ${STEP_MS / 1000} s per step.`);
    const steps: Array<{ sessions: number; phase: Phase }> = [];
    for (const n of RAMP) {
      steps.push({ sessions: n, phase: await measure(emu.url, p, () => flatOut(base, sessions.slice(0, n), STEP_MS)) });
    }
    const rampRows: Row[] = steps.map(({ sessions: n, phase }) => {
      const all = summarize(phase.samples);
      const [c, l] = [summarize(phase.samples, 'channels'), summarize(phase.samples, 'live')];
      return {
        metric: `${String(n).padStart(2)} sessions`,
        value:
          `${(phase.samples.length / phase.secs).toFixed(1)} req/s, p50 ${ms(all.p50)}, ` +
          `/channels p99 ${ms(c.p99)}, /live p99 ${ms(l.p99)}, ` +
          `${all.failed} not served, CPU ${phase.cpuPct.toFixed(0)}%, RSS peak ${phase.rssPeakMb.toFixed(0)} MB, ` +
          `IVS ${(total(phase.calls) / phase.secs).toFixed(2)} calls/s, ${total(phase.throttled)} throttled`,
      };
    });
    printTable(rampRows);
    const rampFailures = failures(steps.flatMap((st) => st.phase.samples));
    if (rampFailures) console.log(`Not served (full speed): ${rampFailures}`);
    console.log(saturation(steps));
    console.log(`Console RSS peak over the whole run (VmHWM): ${p.peakMb().toFixed(0)} MB.`);

    // The same paced minute and full-speed step again on a console with --liftoff-only alone, so what
    // the heap flags (scripts/node-flags.mjs) save and cost is a ratio from this one run.
    await stopProcess(next);
    const plain = await startConsole(emu.port, LIFTOFF_ONLY);
    next = plain.next;
    const plainPaced = await measure(emu.url, plain.p, () =>
      paced(plain.base, plain.sessions, { durationMs: PACED_MS, pageMs: PAGE_MS, pollMs: POLL_MS }),
    );
    const step = steps.find((st) => st.sessions === COMPARE_SESSIONS)!.phase;
    const plainStep = await measure(emu.url, plain.p, () => flatOut(plain.base, plain.sessions.slice(0, COMPARE_SESSIONS), STEP_MS));
    console.log(
      `\nThe console's Node flags against --liftoff-only alone (${CONSOLE_NODE.flags.join(' ')}, MALLOC_ARENA_MAX=${CONSOLE_NODE.env.MALLOC_ARENA_MAX}):`,
    );
    printTable(compareRows({ idleRssMb, paced: steady, step }, { idleRssMb: plain.idleRssMb, paced: plainPaced, step: plainStep }));
  } finally {
    await stopProcess(next);
    emu.child.kill('SIGTERM');
  }
}

// A production console with 50 signed-in sessions, each route's code loaded once before the clock
// starts, as on a console that has been up a while.
async function startConsole(ivsPort: number, node: ConsoleNode) {
  const port = await freePort();
  const next = await startNext(port, ivsPort, undefined, {}, node);
  const base = `http://localhost:${port}`;
  const users = ['viewer', 'operator', 'admin'];
  const sessions: Session[] = new Array(SESSIONS);
  await pool(SESSIONS, 5, async (i) => (sessions[i] = { cookie: await signIn(base, users[i % users.length]), ids: [] }));
  for (const kind of ['channels', 'live'] as const) {
    await fetch(`${base}/${kind}`, { headers: { cookie: sessions[0].cookie } }).then((r) => r.text());
  }
  const p = proc(next.pid!);
  return { next, base, sessions, p, idleRssMb: p.rssMb() };
}

interface Run {
  idleRssMb: number;
  paced: Phase;
  step: Phase;
}
function compareRows(flags: Run, plain: Run): Row[] {
  const row = (metric: string, a: number, b: number, unit: string, digits = 0): Row => ({
    metric,
    value: `${a.toFixed(digits)}${unit} with the flags, ${b.toFixed(digits)}${unit} without: ${(a / b).toFixed(2)}x`,
  });
  const rate = (ph: Phase) => ph.samples.length / ph.secs;
  return [
    row('RSS after start and sign-ins', flags.idleRssMb, plain.idleRssMb, ' MB'),
    row('paced: RSS peak', flags.paced.rssPeakMb, plain.paced.rssPeakMb, ' MB'),
    row('paced: CPU (100% = one core)', flags.paced.cpuPct, plain.paced.cpuPct, '%'),
    row('paced: /channels p99', summarize(flags.paced.samples, 'channels').p99, summarize(plain.paced.samples, 'channels').p99, ' ms'),
    row(`full speed, ${COMPARE_SESSIONS} sessions: requests/s`, rate(flags.step), rate(plain.step), '', 1),
    row(`full speed, ${COMPARE_SESSIONS} sessions: RSS peak`, flags.step.rssPeakMb, plain.step.rssPeakMb, ' MB'),
  ];
}

// Where it saturates: the step with the most requests served per second; more sessions after it only
// wait longer. What bound it: the console's CPU when it used most of what the machine left it.
function saturation(steps: Array<{ sessions: number; phase: Phase }>): string {
  const rate = (ph: Phase) => ph.samples.length / ph.secs;
  const peak = steps.reduce((a, b) => (rate(b.phase) > rate(a.phase) ? b : a));
  const last = steps[steps.length - 1];
  const share = Math.min(100, (availableParallelism() / Math.max(1, peak.phase.load)) * 100);
  const cpu = peak.phase.cpuPct;
  const bound =
    cpu >= 0.7 * share
      ? `the console's CPU: ${cpu.toFixed(0)}% of a core, where the machine (load ${peak.phase.load.toFixed(1)}) ` +
        `left it about ${share.toFixed(0)}%`
      : `something other than the console's CPU (${cpu.toFixed(0)}% of a core used, about ${share.toFixed(0)}% available)`;
  const lastP50 = ms(summarize(last.phase.samples).p50);
  const lastRate = rate(last.phase).toFixed(1);
  const after = last === peak ? 'the last step: it may go higher' : `${last.sessions} sessions: ${lastRate}/s, p50 ${lastP50}`;
  return (
    `Saturates at about ${rate(peak.phase).toFixed(1)} requests/s (${peak.sessions} sessions; ${after}). Bound by ${bound}. ` +
    `IVS stayed at ${(total(peak.phase.calls) / peak.phase.secs).toFixed(2)} calls/s with ${total(peak.phase.throttled)} throttled.`
  );
}
