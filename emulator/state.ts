import { endpointPrefix } from './ids';
import type * as R from './records';

// A keyed collection that also keeps a cached creation-ordered array, so paging over thousands of
// items is a slice and reads never rebuild anything.
export class Collection<T extends { arn: string }> {
  private readonly map = new Map<string, T>();
  private ordered: T[] | null = null;

  get size() {
    return this.map.size;
  }
  get(arn: string): T | undefined {
    return this.map.get(arn);
  }
  set(item: T): void {
    if (!this.map.has(item.arn)) this.ordered = null;
    this.map.set(item.arn, item);
  }
  delete(arn: string): boolean {
    this.ordered = null;
    return this.map.delete(arn);
  }
  list(): T[] {
    if (!this.ordered) this.ordered = [...this.map.values()];
    return this.ordered;
  }
}

// Everything IVS keeps for one account in one region.
export class RegionState {
  prefix = endpointPrefix();
  readonly channels = new Collection<R.ChannelRec>();
  readonly streamKeys = new Collection<R.StreamKeyRec>();
  readonly keyPairs = new Collection<R.KeyPairRec>();
  readonly recordingConfigs = new Collection<R.RecordingConfigRec>();
  readonly policies = new Collection<R.PolicyRec>();
  readonly adConfigs = new Collection<R.AdConfigRec>();
  // channelArn -> the stream currently live on it.
  readonly live = new Map<string, R.LiveStream>();
  // channelArn -> sessions, oldest first.
  readonly sessions = new Map<string, R.StreamSessionRec[]>();
  revocations: R.Revocation[] = [];

  // Resolves any taggable ARN to its record, whatever the resource type.
  taggable(arn: string): { arn: string; tags: Record<string, string> } | undefined {
    const type = arn.split(':')[5]?.split('/')[0];
    const collection = {
      channel: this.channels,
      'stream-key': this.streamKeys,
      'playback-key': this.keyPairs,
      'recording-configuration': this.recordingConfigs,
      'playback-restriction-policy': this.policies,
      'ad-configuration': this.adConfigs,
    }[type ?? ''] as Collection<{ arn: string; tags: Record<string, string> }> | undefined;
    return collection?.get(arn);
  }

  toJSON(): R.PersistedRegion {
    return {
      prefix: this.prefix,
      channels: this.channels.list(),
      streamKeys: this.streamKeys.list(),
      keyPairs: this.keyPairs.list(),
      recordingConfigs: this.recordingConfigs.list(),
      policies: this.policies.list(),
      adConfigs: this.adConfigs.list(),
      live: [...this.live.values()],
      sessions: Object.fromEntries(this.sessions),
      revocations: this.revocations,
    };
  }

  static fromJSON(data: R.PersistedRegion): RegionState {
    const r = new RegionState();
    r.prefix = data.prefix;
    data.channels.forEach((x) => r.channels.set(x));
    data.streamKeys.forEach((x) => r.streamKeys.set(x));
    data.keyPairs.forEach((x) => r.keyPairs.set(x));
    data.recordingConfigs.forEach((x) => r.recordingConfigs.set(x));
    data.policies.forEach((x) => r.policies.set(x));
    (data.adConfigs ?? []).forEach((x) => r.adConfigs.set(x));
    data.live.forEach((x) => r.live.set(x.channelArn, x));
    for (const [arn, list] of Object.entries(data.sessions)) r.sessions.set(arn, list);
    r.revocations = data.revocations ?? [];
    return r;
  }
}

// All regions of the emulated account. `changed()` is how handlers ask for a (debounced) save.
export class Store {
  readonly regions = new Map<string, RegionState>();
  onChange: (() => void) | undefined;

  constructor(readonly accountId: string) {}

  region(name: string): RegionState {
    let r = this.regions.get(name);
    if (!r) {
      r = new RegionState();
      this.regions.set(name, r);
    }
    return r;
  }

  isEmpty(): boolean {
    for (const r of this.regions.values()) if (r.channels.size > 0 || r.recordingConfigs.size > 0 || r.keyPairs.size > 0) return false;
    return true;
  }

  changed(): void {
    this.onChange?.();
  }

  reset(): void {
    this.regions.clear();
    this.changed();
  }

  toJSON(): R.PersistedState {
    const regions: Record<string, R.PersistedRegion> = {};
    for (const [name, r] of this.regions) regions[name] = r.toJSON();
    return { version: 1, accountId: this.accountId, regions };
  }

  load(data: R.PersistedState): void {
    this.regions.clear();
    for (const [name, r] of Object.entries(data.regions)) this.regions.set(name, RegionState.fromJSON(r));
  }
}
