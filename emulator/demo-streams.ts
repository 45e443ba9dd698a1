import type { EpisodeKind, IngestProfile } from './cloudwatch/signal';
import type { OpContext } from './ops/context';
import { endStream, startStream } from './ops/stream-lifecycle';
import type { ChannelRec, StreamSessionRec } from './records';

// The demo's broadcasts: what each seeded live channel sends, so a fresh `npm start` shows stream
// health at once (45-60 min of metric history, a couple of ended sessions each) with one channel per
// kind of trouble the diagnosis knows. Everything is a function of the channel's index and of the
// seeding instant: the same seed gives the same data.

export type DemoScenario = 'healthy' | 'keyframe4s' | 'starving' | 'bitrateDrops' | 'framerateUnstable' | 'basicOverLimit';

/** Index of the seeded channel -> its trouble (the type follows seed.ts's TYPES: index 2 is BASIC). */
export const DEMO_CAST: Readonly<Record<number, DemoScenario>> = {
  1: 'keyframe4s',
  2: 'basicOverLimit',
  3: 'bitrateDrops',
  5: 'starving',
  6: 'framerateUnstable',
};
/** Healthy live channels besides every 10th, so most live channels are fine, as in real life. */
const EXTRA_HEALTHY = new Set([4, 13, 17, 24, 27, 36]);

/** The scenario of a seeded channel, or null when it is offline. Every 10th channel is live, as before. */
export function demoScenario(index: number): DemoScenario | null {
  return DEMO_CAST[index] ?? (index % 10 === 0 || EXTRA_HEALTHY.has(index) ? 'healthy' : null);
}

const MIN = 60;
const HOUR = 3600;
// Recurring trouble is scheduled this far past the seeding instant, so an open demo keeps showing it.
const AHEAD = 3 * HOUR;

// An episode in epoch seconds; Episode's ISO times are made from it.
type Fault = { kind: EpisodeKind; from: number; to: number; value?: number };
type Faults = (startSec: number, endSec: number, nowSec: number) => Fault[];

// A fault from `first` seconds into [startSec, endSec), then every ~`every` seconds, each lasting about
// `len`; spacing, length and value vary a little each time, as real trouble does.
function recurring(kind: EpisodeKind, first: number, every: number, len: number, value: (k: number) => number) {
  return (startSec: number, endSec: number): Fault[] => {
    const out: Fault[] = [];
    for (let k = 0, t = startSec + first; t < endSec; k++, t += every + ((k * 37) % 61)) {
      out.push({ kind, from: t, to: t + len + ((k * 13) % 30), value: value(k) });
    }
    return out;
  };
}

const PLANS: Record<DemoScenario, { ingest: Partial<IngestProfile>; faults?: Faults }> = {
  healthy: { ingest: {} },
  // The encoder's keyframe interval left at 4 s instead of the 2 s IVS asks for.
  keyframe4s: { ingest: { keyframeInterval: 4 } },
  // 1080p at 4.5 Mbps into a BASIC channel, which takes 3.5 Mbps above 480p.
  basicOverLimit: { ingest: { width: 1920, height: 1080, videoBitrate: 4_500_000 } },
  // The uplink sags every ~12 min; one sag has just begun when the demo starts (so the bitrate is falling).
  bitrateDrops: {
    ingest: {},
    faults: (s, e, now) => [
      ...recurring('bitrateDrop', 7 * MIN, 12 * MIN, 150, (k) => 0.35 + ((k * 7) % 20) / 100)(s, Math.min(e, now - 10 * MIN)),
      ...(e > now ? [{ kind: 'bitrateDrop' as const, from: now - 80, to: now + 5 * MIN, value: 0.4 }] : []),
      ...recurring('bitrateDrop', 15 * MIN, 12 * MIN, 150, (k) => 0.4 + ((k * 11) % 20) / 100)(now, e),
    ],
  },
  // The frame rate dips under the 30 fps target for ~40 s every ~3 min (an encoder short of CPU).
  framerateUnstable: { ingest: {}, faults: recurring('framerateDrop', 2 * MIN, 3 * MIN, 35, (k) => 17 + ((k * 5) % 8)) },
  // Starved three times in the last half hour and starving again as the demo starts (for 10 min).
  starving: {
    ingest: {},
    faults: (s, e, now) =>
      e > now
        ? [
            { kind: 'starve', from: now - 27 * MIN, to: now - 27 * MIN + 75 },
            { kind: 'starve', from: now - 19 * MIN, to: now - 19 * MIN + 40 },
            { kind: 'starve', from: now - 9 * MIN, to: now - 9 * MIN + 110 },
            { kind: 'starve', from: now - 50, to: now + 10 * MIN },
          ]
        : [{ kind: 'starve', from: s + 20 * MIN, to: s + 20 * MIN + 55 }],
  },
};

const iso = (sec: number) => new Date(sec * 1000).toISOString();

// An audience that builds over the first 10 minutes, then drifts every 5; ends at `count` (GetStream's viewerCount).
function audience(startSec: number, endSec: number, count: number): { at: string; count: number }[] {
  const steps: { at: string; count: number }[] = [];
  for (let j = 0, t = startSec; t < endSec; j++, t += 5 * MIN) {
    const share = j === 0 ? 0.3 : j === 1 ? 0.7 : 1 + (((j * 37) % 17) - 8) / 100;
    steps.push({ at: iso(t), count: Math.round(count * share) });
  }
  steps[steps.length - 1].count = count;
  return steps;
}

/**
 * One broadcast of a seeded channel from startSec to endSec (null: still live), with the scenario's
 * ingest profile, faults and audience. Made with the stream lifecycle at those instants, so its events,
 * ingest configuration and metrics are what a real session of that shape would have.
 */
function broadcast(
  ctx: OpContext,
  channel: ChannelRec,
  scenario: DemoScenario,
  noiseSeed: string,
  startSec: number,
  endSec: number | null,
  viewers: number,
) {
  const at = (sec: number): OpContext => ({ ...ctx, now: new Date(sec * 1000) });
  const nowSec = Math.floor(ctx.now.getTime() / 1000);
  const plan = PLANS[scenario];
  startStream(at(startSec), channel, 'HEALTHY', viewers, { ingest: plan.ingest });
  const sessions = ctx.state.sessions.get(channel.arn) as StreamSessionRec[];
  const signal = sessions[sessions.length - 1].signal!;
  const until = endSec ?? nowSec + AHEAD;
  signal.noiseSeed = noiseSeed;
  signal.episodes = (plan.faults?.(startSec, until, nowSec) ?? [])
    .filter((f) => f.from < until)
    .map((f) => ({
      kind: f.kind,
      from: iso(f.from),
      to: iso(Math.min(f.to, until)),
      ...(f.value === undefined ? {} : { value: f.value }),
    }));
  signal.viewers = audience(startSec, endSec ?? nowSec, viewers);
  if (endSec !== null) endStream(at(endSec), channel.arn);
}

/** Two ended sessions (yesterday and this morning) and the live one, started 45-60 min ago. */
export function startDemoStreams(ctx: OpContext, channel: ChannelRec, index: number, scenario: DemoScenario, viewers: number): void {
  const now = Math.floor(ctx.now.getTime() / 1000);
  const yesterday = now - 27 * HOUR - ((index * 11) % 60) * MIN;
  broadcast(ctx, channel, scenario, `demo-${index}-1`, yesterday, yesterday + (60 + ((index * 7) % 40)) * MIN, viewers);
  const morning = now - 6 * HOUR - ((index * 13) % 90) * MIN;
  broadcast(ctx, channel, scenario, `demo-${index}-2`, morning, morning + (45 + ((index * 5) % 50)) * MIN, viewers);
  broadcast(ctx, channel, scenario, `demo-${index}-3`, now - 45 * MIN - ((index * 173) % (15 * MIN)), null, viewers);
}
