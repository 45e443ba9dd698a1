import { percentile } from './report';

// The load bench's simulated operators: each signed-in session opens /channels and /live in turn and
// polls /api/streams with the ids of the rows its page shows, as the pages' live query does.

export type Kind = 'channels' | 'live' | 'poll';
export interface Sample {
  kind: Kind;
  ms: number;
  ok: boolean;
  at: number;
  /** Why it was not served: the HTTP status, the page's error panel, or the network error. */
  why?: string;
}

export interface Session {
  cookie: string;
  ids: string[];
}

// Pages answer 200 even when IVS failed (an error panel), so a view only counts as served when it shows rows.
const SERVED: Record<Exclude<Kind, 'poll'>, (html: string) => boolean> = {
  channels: (html) => html.includes('data-testid="channel-table"') && !html.includes('could not be loaded'),
  live: (html) => html.includes('/channels/') && !html.includes('could not be loaded'),
};
const ROW_LINK = /href="\/channels\/([A-Za-z0-9]{12})"/g;

/** One request as a browser makes it, read to the last byte; records its time and whether it was served. */
export async function request(base: string, s: Session, kind: Kind, samples: Sample[]): Promise<void> {
  const path = kind === 'poll' ? `/api/streams?ids=${s.ids.join(',')}` : `/${kind}`;
  const t0 = performance.now();
  let ok = false;
  let why: string | undefined;
  try {
    const accept = kind === 'poll' ? 'application/json' : 'text/html';
    const res = await fetch(`${base}${path}`, { headers: { cookie: s.cookie, accept } });
    const body = await res.text();
    ok = res.ok && (kind === 'poll' ? body.startsWith('{') : SERVED[kind](body));
    if (ok && kind !== 'poll') s.ids = [...new Set([...body.matchAll(ROW_LINK)].map((m) => m[1]))];
    const panel = () => body.match(/could not be loaded[^<]*<[^>]*>([^<]{0,120})/)?.[1] ?? 'no rows in the page';
    if (!ok) why = res.ok ? panel() : `HTTP ${res.status}`;
  } catch (error) {
    why = `${(error as Error).message} ${((error as Error).cause as Error | undefined)?.message ?? ''}`.trim();
  }
  samples.push({ kind, ms: performance.now() - t0, ok, at: Date.now(), why });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Paced: every session opens a page every `pageMs` (/channels and /live alternately) and polls live
 * state every `pollMs`, sessions spread evenly over the interval; runs for `durationMs`.
 */
export async function paced(
  base: string,
  sessions: Session[],
  o: { durationMs: number; pageMs: number; pollMs: number },
): Promise<Sample[]> {
  const samples: Sample[] = [];
  const end = Date.now() + o.durationMs;
  const loop = async (s: Session, i: number, every: number, kinds: (n: number) => Kind) => {
    await sleep((i * every) / sessions.length);
    const inFlight: Promise<void>[] = [];
    for (let n = 0, next = Date.now(); next < end; n++, next += every) {
      await sleep(Math.max(0, next - Date.now()));
      // A slow answer does not hold the next one back: a user opens the next page on their own schedule.
      inFlight.push(request(base, s, kinds(n), samples));
    }
    await Promise.all(inFlight);
  };
  await Promise.all(
    sessions.flatMap((s, i) => [
      loop(s, i, o.pageMs, (n) => ((n + i) % 2 ? 'live' : 'channels')),
      loop(s, (i + sessions.length / 2) % sessions.length, o.pollMs, () => 'poll'),
    ]),
  );
  return samples;
}

/** Full speed: each of `count` sessions sends its next request as soon as the last one answered (two pages, one poll). */
export async function flatOut(base: string, sessions: Session[], durationMs: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  const end = Date.now() + durationMs;
  const order: Kind[] = ['channels', 'poll', 'live'];
  await Promise.all(
    sessions.map(async (s, i) => {
      for (let n = i; Date.now() < end; n++) await request(base, s, order[n % order.length], samples);
    }),
  );
  return samples;
}

/** `count` requests of each kind one after another, so the console's CPU time can be split per kind. */
export async function oneByOne(base: string, s: Session, kind: Kind, count: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let i = 0; i < count; i++) await request(base, s, kind, samples);
  return samples;
}

/** The reasons requests were not served, with how many times each. */
export function failures(samples: Sample[]): string {
  const counts = new Map<string, number>();
  for (const s of samples) if (!s.ok) counts.set(`${s.kind}: ${s.why}`, (counts.get(`${s.kind}: ${s.why}`) ?? 0) + 1);
  return [...counts].map(([why, n]) => `${n}× ${why}`).join('; ');
}

export interface Summary {
  count: number;
  failed: number;
  p50: number;
  p95: number;
  p99: number;
}

export function summarize(samples: Sample[], kind?: Kind): Summary {
  const picked = kind ? samples.filter((s) => s.kind === kind) : samples;
  const ms = picked.map((s) => s.ms);
  const failed = picked.filter((s) => !s.ok).length;
  return { count: picked.length, failed, p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99) };
}
