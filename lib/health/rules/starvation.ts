import { clockTime, formatDuration, toMs } from '../series';
import type { Finding, StreamEventInput } from '../types';
import type { RuleContext } from './context';
import { STARVATION_END, STARVATION_START } from '../stream-events';

// Two starvations this close together are "repeated": the uplink is failing, not a one-off blip.
export const STARVATION_REPEAT_WINDOW_MS = 10 * 60_000;

export interface StarvationEpisode {
  start: number;
  end: number | null;
}

/** Starvation Start/End pairs, oldest first; an unmatched start is still starving (for shading charts too). */
export function starvationEpisodes(input: StreamEventInput[] = []): StarvationEpisode[] {
  const events = input
    .map((e) => ({ name: e.name ?? '', t: toMs(e.eventTime) }))
    .filter((e): e is { name: string; t: number } => e.t !== null && (e.name === STARVATION_START || e.name === STARVATION_END))
    .sort((a, b) => a.t - b.t || (a.name === STARVATION_START ? -1 : 1));
  const episodes: StarvationEpisode[] = [];
  for (const e of events) {
    const open = episodes.at(-1);
    if (e.name === STARVATION_START) {
      if (!open || open.end !== null) episodes.push({ start: e.t, end: null });
    } else if (open && open.end === null) open.end = e.t;
  }
  return episodes;
}

/** Starvation (IVS got no data from the encoder): once is a warning, repeated or ongoing is critical. */
export function starvationRule(ctx: RuleContext): Finding[] {
  const episodes = starvationEpisodes(ctx.input.events);
  if (!episodes.length) return [];
  const last = episodes[episodes.length - 1];
  const ongoing = last.end === null;
  // The most starvations that began within one repeat window of each other.
  let burst = 1;
  let burstStart = 0;
  for (let i = 0, j = 0; i < episodes.length; i++) {
    while (episodes[i].start - episodes[j].start > STARVATION_REPEAT_WINDOW_MS) j++;
    if (i - j + 1 > burst) [burst, burstStart] = [i - j + 1, j];
  }
  const starvedMs = episodes.reduce((sum, e) => sum + ((e.end ?? Math.max(ctx.end, e.start)) - e.start), 0);
  const repeated = burst >= 2;
  const first = repeated ? episodes[burstStart] : episodes[0];
  const times = episodes.length === 1 ? 'once' : `${episodes.length} times`;
  const span = episodes.length > 1 ? ` in ${formatDuration(last.start - episodes[0].start)}` : '';
  return [
    {
      id: 'starvation',
      severity: repeated || ongoing ? 'critical' : 'warning',
      title: ongoing ? 'The stream is starving now' : repeated ? 'Repeated starvation' : 'The stream starved',
      detail:
        `IVS stopped receiving data from the encoder ${times}${span} (${formatDuration(starvedMs)} starved in all), ` +
        `${ongoing ? `starving since ${clockTime(last.start)}` : `last at ${clockTime(last.start)}`}. ` +
        'Viewers see the picture freeze or buffer.',
      fix:
        "Starvation is the broadcaster's uplink or encoder: check the upload bandwidth (needs about 1.5× the stream's bitrate), " +
        'use a wired connection, lower the bitrate, and check the encoder machine is not overloaded.',
      window: { start: first.start, end: last.end ?? Math.max(ctx.end, last.start) },
    },
  ];
}
