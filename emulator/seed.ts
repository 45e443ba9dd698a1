import type { OpContext } from './ops/context';
import { createChannel } from './ops/channels';
import { createRecordingConfig, ACTIVATION_MS } from './ops/recording-configurations';
import { restrictionPolicyOps } from './ops/restriction-policies';
import { createStreamKey } from './ops/stream-keys';
import { demoScenario, startDemoStreams } from './demo-streams';
import type { Store } from './state';

const TYPES = ['STANDARD', 'STANDARD', 'BASIC', 'ADVANCED_HD', 'ADVANCED_SD'] as const;
const TOPICS = ['news', 'sports', 'music', 'gaming', 'talk', 'church', 'classroom', 'auction'];
const TEAMS = ['platform', 'events', 'marketing', 'education'];

// Fills the default region with believable demo data so the console has something to show.
// Deterministic in shape (every 10th channel live, every 4th authorized, …) so it is easy to test; the
// first 40 add a few live channels, healthy and not, with metric history (emulator/demo-streams.ts).
export function seedDemoData(store: Store, region: string, count: number, now = new Date()): void {
  if (count <= 0) return;
  const ctx: OpContext = { store, state: store.region(region), region, accountId: store.accountId, now };
  const recordings = ['ivs-demo-recordings', 'ivs-demo-archive'].map((bucket, i) => {
    const rec = createRecordingConfig(ctx, {
      name: `demo-recording-${i + 1}`,
      destinationConfiguration: { s3: { bucketName: `${bucket}-${store.accountId}` } },
      tags: { env: 'demo' },
    });
    rec.state = 'ACTIVE';
    rec.createdAtMs -= ACTIVATION_MS;
    return rec;
  });
  const policy = restrictionPolicyOps.CreatePlaybackRestrictionPolicy(ctx, {
    name: 'demo-eu-and-us-only',
    allowedCountries: ['US', 'CA', 'GB', 'DE', 'FR'],
    allowedOrigins: ['https://example.com'],
    enableStrictOriginEnforcement: false,
    tags: { env: 'demo' },
  }) as { playbackRestrictionPolicy: { arn: string } };

  for (let i = 0; i < count; i++) {
    const type = TYPES[i % TYPES.length];
    const topic = TOPICS[i % TOPICS.length];
    const channel = createChannel(ctx, {
      name: `demo-${topic}-${String(i + 1).padStart(3, '0')}`,
      type,
      latencyMode: i % 3 === 2 ? 'NORMAL' : 'LOW',
      authorized: i % 4 === 1,
      recordingConfigurationArn: i % 5 === 0 ? recordings[(i / 5) % 2].arn : '',
      playbackRestrictionPolicyArn: i % 7 === 3 ? policy.playbackRestrictionPolicy.arn : '',
      tags: { env: i % 6 === 0 ? 'staging' : 'demo', team: TEAMS[i % TEAMS.length], topic },
    });
    createStreamKey(ctx, channel.arn);
    const scenario = demoScenario(i);
    if (scenario) startDemoStreams(ctx, channel, i, scenario, 25 + ((i * 37) % 4000));
  }
  store.changed();
}
