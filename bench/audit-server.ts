import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { QUERIES } from './audit-data';
import { startNext, signIn } from './channel-list';
import { freePort, startEmulatorCli } from './processes';
import { percentile, type Row } from './report';

// /audit as an operator gets it: a production `next start` of this checkout's build on a store that
// already holds the bench's records, signed in as admin, each view fetched whole (HTML streamed to the
// end). Server time is the response time on loopback; RSS is the console's process tree, sampled
// every 100 ms from its start to the last view.

const VIEWS = 7;

/** Resident memory of a process and its descendants, from /proc (Linux). */
function treeRssMb(pid: number): number {
  let kb = 0;
  const visit = (p: number) => {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
      for (const task of readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').split(' ').filter(Boolean)) visit(Number(task));
    } catch {
      // gone meanwhile
    }
  };
  visit(pid);
  return kb / 1024;
}

const queryString = (filter: Record<string, unknown>) =>
  new URLSearchParams(Object.entries(filter).filter(([, v]) => typeof v === 'string') as Array<[string, string]>).toString();

async function view(base: string, path: string, cookie: string): Promise<{ ms: number; shown: number; older?: string }> {
  const t0 = performance.now();
  const res = await fetch(`${base}${path}`, { headers: { cookie }, redirect: 'manual' });
  const html = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  const shown = Number(/(\d+)(?:<!-- -->)?\s*shown/.exec(html)?.[1] ?? NaN);
  const older = /href="(\/audit\?[^"]*before=[^"]*)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
  return { ms, shown, older };
}

/** Times /audit's first page per filter (and one older page) on a running server over `store`. */
export async function auditPageRows(
  name: string,
  store: { dataDir: string; url?: string },
  targetMs: number,
  targetRssMb: number,
): Promise<Row[]> {
  const emu = await startEmulatorCli(['--host', '127.0.0.1']);
  const port = await freePort();
  let next: ChildProcess | undefined;
  let peak = 0;
  const sampler = setInterval(() => next?.pid && (peak = Math.max(peak, treeRssMb(next.pid))), 100);
  try {
    next = await startNext(port, emu.port, undefined, { DATA_DIR: store.dataDir, ...(store.url ? { DATABASE_URL: store.url } : {}) });
    const base = `http://localhost:${port}`;
    const cookie = await signIn(base, 'admin');
    await view(base, '/audit', cookie); // the route's first render compiles nothing, but loads its modules
    const rows: Row[] = [];
    for (const [label, filter] of QUERIES) {
      const path = `/audit?${queryString(filter as Record<string, unknown>)}`;
      const samples: number[] = [];
      let last: Awaited<ReturnType<typeof view>> | undefined;
      for (let i = 0; i < VIEWS; i++) {
        last = await view(base, path, cookie);
        samples.push(last.ms);
      }
      const ok = samples[0] < targetMs && percentile(samples, 50) < targetMs && last!.shown > 0;
      rows.push({
        metric: `${name}: GET ${label} (first / p50 of ${VIEWS})`,
        value: `${samples[0].toFixed(0)} / ${percentile(samples, 50).toFixed(0)} ms, ${last!.shown} shown`,
        target: `< ${targetMs} ms`,
        pass: ok,
      });
      if (label === QUERIES[0][0] && last?.older) {
        const older = await view(base, last.older, cookie);
        rows.push({
          metric: `${name}: GET ${label}, Older page`,
          value: `${older.ms.toFixed(0)} ms, ${older.shown} shown`,
          target: `< ${targetMs} ms`,
          pass: older.ms < targetMs,
        });
      }
    }
    rows.push({
      metric: `${name}: console RSS peak (start to last view)`,
      value: `${peak.toFixed(0)} MB`,
      target: `< ${targetRssMb} MB`,
      pass: peak < targetRssMb,
    });
    return rows;
  } finally {
    clearInterval(sampler);
    next?.kill('SIGTERM');
    emu.child.kill('SIGTERM');
    if (next && next.exitCode === null) await new Promise((r) => next!.once('exit', r));
  }
}
