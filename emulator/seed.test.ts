import { describe, expect, it } from 'vitest';
import { SeriesIndex } from './cloudwatch/series';
import { seedDemoData } from './seed';
import { Store } from './state';

const NOW = new Date('2026-12-02T12:00:00.000Z');
const REGION = 'us-west-2';

function seeded(count: number, now = NOW) {
  const store = new Store('123456789012');
  seedDemoData(store, REGION, count, now);
  return store.region(REGION);
}

// Sessions by channel name, with the random ids taken out: what must repeat from one seeding to the next.
function sessionsByName(count: number) {
  const state = seeded(count);
  const out: Record<string, unknown> = {};
  for (const [arn, sessions] of state.sessions) {
    const name = state.channels.get(arn)!.name;
    out[name] = sessions.map((s) => ({ ...s, streamId: undefined, channel: undefined, recordingConfiguration: undefined }));
  }
  return out;
}

describe('seedDemoData', () => {
  it('keeps its shape: every 10th channel live, plus the demo cast among the first 40', () => {
    const state = seeded(40);
    const names = [...state.live.keys()].map((arn) => state.channels.get(arn)!.name).sort();
    // Five with trouble (002, 003, 004, 006, 007), ten healthy.
    expect(names).toEqual([
      'demo-church-006',
      'demo-church-014',
      'demo-classroom-007',
      'demo-classroom-031',
      'demo-gaming-004',
      'demo-gaming-028',
      'demo-music-003',
      'demo-music-011',
      'demo-news-001',
      'demo-news-025',
      'demo-sports-002',
      'demo-sports-018',
      'demo-talk-005',
      'demo-talk-021',
      'demo-talk-037',
    ]);
    // Past 40, only every 10th channel is live, as before the demo cast.
    expect(seeded(100).live.size).toBe(15 + 6);
  });

  it('gives each live channel two ended sessions and a live one 45 to 60 minutes old', () => {
    const state = seeded(40);
    for (const [arn, live] of state.live) {
      const sessions = state.sessions.get(arn)!;
      expect(sessions).toHaveLength(3);
      expect(sessions.slice(0, 2).every((s) => s.endTime && Date.parse(s.endTime) < Date.parse(live.startTime))).toBe(true);
      expect(sessions[2].streamId).toBe(live.streamId);
      const age = (NOW.getTime() - Date.parse(live.startTime)) / 60_000;
      expect(age).toBeGreaterThanOrEqual(45);
      expect(age).toBeLessThan(60);
    }
  });

  it('makes the same data from the same seed', () => {
    expect(sessionsByName(40)).toEqual(sessionsByName(40));
    // The metrics too, not only their inputs: the noise no longer follows the random stream id.
    const read = () => {
      const state = seeded(40);
      const index = new SeriesIndex(state, NOW.getTime());
      const id = (name: string) =>
        state.channels
          .list()
          .find((c) => c.name === name)!
          .arn.split('/')
          .pop();
      const metric = {
        Namespace: 'AWS/IVS',
        MetricName: 'IngestVideoBitrate',
        Dimensions: [{ Name: 'Channel', Value: id('demo-gaming-004') }],
      };
      return index.samples(metric, NOW.getTime() / 1000 - 600, 600);
    };
    const first = read();
    expect(first.length).toBeGreaterThan(0);
    expect(read()).toEqual(first);
  });
});
