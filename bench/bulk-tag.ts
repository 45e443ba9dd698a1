import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { IvsClient, ListChannelsCommand } from '@aws-sdk/client-ivs';
import { repoRoot, startEmulatorCli } from './processes';
import { printTable } from './report';

// Two bulk tag jobs started at once (lib/jobs, as the console's bulk dialog starts them), 100 channels
// each, worked on by two advancers as two console instances would, calling lib/ivs/tags.ts against an
// emulator that enforces IVS's documented quotas (TagResource 10 TPS) and answers after 30 ms, like a
// nearby AWS region. Prints their combined call rate against the one 10 TPS quota they share, and the
// failures a user would see; then the same with another tool taking part of the quota.
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
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { randomUUID } = await import('node:crypto');
  const { openStore } = await import('../lib/store');
  const { createJob, getJob } = await import('../lib/jobs/store');
  const { advanceJobs } = await import('../lib/jobs/runner');
  const { runTagItem, TAG_TPS } = await import('../lib/jobs/tag-kind');
  // No SDK retries: every ThrottlingException reaches the job, which must pace well enough to avoid them.
  const ivs = new IvsClient({
    endpoint: url,
    region: 'us-west-2',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  // lib/ivs takes a region and asks ivsClient(region), which keeps one client per region on
  // globalThis (lib/ivs/client.ts): placing this one there first makes tags.ts use it.
  (globalThis as { __ivsClients?: Map<string, IvsClient> }).__ivsClients = new Map([['us-west-2', ivs]]);
  const { listTags, tagResource, untagResource } = await import('../lib/ivs/tags');
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ivs.send(new ListChannelsCommand({ maxResults: 100, nextToken }));
    arns.push(...(page.channels ?? []).map((c) => c.arn!));
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  if (arns.length < CHANNELS) throw new Error(`expected ${CHANNELS} seeded channels, found ${arns.length}`);
  const db = await openStore({ dir: mkdtempSync(path.join(tmpdir(), 'bench-jobs-')) });

  // Two operators start a job each at once (half the channels each); two advancers work on them, as
  // two console instances would. Every TagResource call that IVS accepted is timed.
  const pass = async (targets: string[][], outside?: { arns: string[]; perSecond: number }) => {
    const accepted: number[] = [];
    const calls = {
      listTags,
      untagResource,
      tagResource: async (region: string, arn: string, tags: Record<string, string>) => {
        await tagResource(region, arn, tags);
        accepted.push(performance.now());
      },
    };
    const ids = targets.map(() => randomUUID());
    const tags = { bench: `run-${Date.now()}` };
    await Promise.all(
      targets.map((list, j) =>
        createJob(db, {
          id: ids[j],
          kind: 'tags',
          region: 'us-west-2',
          params: { set: tags, remove: [] },
          startedBy: `operator${j}@bench`,
          startedRole: 'operator',
          targets: list.map((arn) => ({ target: arn, label: arn.split('/').pop()! })),
        }),
      ),
    );
    // Another tool calling TagResource on the same account, outside the console's pacer.
    let stop = false;
    const intruder = outside
      ? (async () => {
          for (let i = 0; !stop; i++) {
            await tagResource('us-west-2', outside.arns[i % outside.arns.length], { other: 'tool' }).catch(() => undefined);
            await new Promise((r) => setTimeout(r, 1000 / outside.perSecond));
          }
        })()
      : Promise.resolve();
    const run = (item: Parameters<typeof runTagItem>[1]) => runTagItem(db, item, calls);
    await Promise.all([advanceJobs(db, run, { budgetMs: 300_000 }), advanceJobs(db, run, { budgetMs: 300_000 })]);
    stop = true;
    await intruder;
    const jobs = await Promise.all(ids.map((id) => getJob(db, id)));
    const failures = jobs.flatMap((j) => j!.items.filter((i) => i.state !== 'done'));
    const seconds = (accepted[accepted.length - 1] - accepted[0]) / 1000;
    return {
      done: jobs.reduce((n, j) => n + j!.done, 0),
      throttled: jobs.reduce((n, j) => n + j!.throttled, 0),
      // n calls at a steady rate span n - 1 intervals.
      rate: (accepted.length - 1) / seconds,
      seconds,
      failures,
    };
  };

  const half = CHANNELS / 2;
  const main = await pass([arns.slice(0, half), arns.slice(half, CHANNELS)]);
  await new Promise((r) => setTimeout(r, 1000));
  const shared = await pass([arns.slice(0, 30), arns.slice(30, 60)], { arns: arns.slice(60, 80), perSecond: 4 });
  ivs.destroy();
  await db.close();

  const ratio = main.rate / TAG_TPS;
  printTable([
    { metric: 'two jobs started together, channels tagged', value: `${main.done} of ${CHANNELS} (${half} each)` },
    { metric: 'elapsed (first accepted call to last)', value: `${main.seconds.toFixed(2)} s` },
    {
      metric: 'combined TagResource rate vs the 10 TPS quota',
      value: `${main.rate.toFixed(2)} TPS (${ratio.toFixed(3)})`,
      target: '0.9 to 1.0',
      pass: ratio >= 0.9 && ratio <= 1.0,
    },
    { metric: 'ThrottlingException (retried after a pause)', value: String(main.throttled) },
    { metric: 'failures shown to the user', value: String(main.failures.length), target: '0', pass: main.failures.length === 0 },
    {
      metric: 'with another tool taking 4 TPS outside the console: two jobs of 30',
      value: `${shared.done} of 60 done, ${shared.throttled} throttled and retried, ${shared.rate.toFixed(2)} TPS for the jobs`,
    },
    {
      metric: 'with another tool: failures shown to the user',
      value: String(shared.failures.length),
      target: '0',
      pass: shared.failures.length === 0,
    },
  ]);
  [...main.failures, ...shared.failures].slice(0, 5).forEach((f) => console.log(`  ${f.target}: ${f.message}`));
  if (main.failures.length || shared.failures.length) process.exitCode = 1;
}

if (process.argv[1] === self && process.argv[2] === '--measure') {
  measure(process.argv[3]).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
