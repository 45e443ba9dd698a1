import 'server-only';
import { listAllRecordingConfigurations } from '@/lib/ivs/recording-configurations';
import { listAllRestrictionPolicies } from '@/lib/ivs/restriction-policies';
import { listAllAdConfigurations } from '@/lib/ivs/ad-configurations';

export interface NamedArn {
  arn: string;
  name: string;
}

export interface ReferenceNames {
  recordingConfigurations: NamedArn[];
  restrictionPolicies: NamedArn[];
  adConfigurations: NamedArn[];
}

// The list shows recording configuration and restriction policy names and offers them as filters.
// Those change rarely, so one answer per region is shared by every view: the first reader of a
// region waits for it (ListRecordingConfigurations ∥ ListPlaybackRestrictionPolicies, in parallel
// with its ListChannels), later readers get it at once, and a reader finding it older than
// NAMES_TTL_MS starts one refresh in the background (served as is until NAMES_STALE_MS). Server
// start-up fills it for the default region (warmRegion in lib/ivs/warm-up.ts).
export const NAMES_TTL_MS = 30_000;
export const NAMES_STALE_MS = 10 * 60_000;
type NamesEntry = { at: number; value?: ReferenceNames; promise?: Promise<ReferenceNames> };
const namesStore = ((globalThis as { __ivsChannelRefNames2?: Map<string, NamesEntry> }).__ivsChannelRefNames2 ??= new Map());

function fetchNames(region: string, entry: NamesEntry): Promise<ReferenceNames> {
  const pick = (items: { arn: string; name: string }[]) => items.map(({ arn, name }) => ({ arn, name }));
  const promise = Promise.all([
    listAllRecordingConfigurations(region),
    listAllRestrictionPolicies(region),
    listAllAdConfigurations(region),
  ]).then(([r, p, a]) => ({
    recordingConfigurations: pick(r),
    restrictionPolicies: pick(p),
    adConfigurations: pick(a),
  }));
  entry.promise = promise;
  promise.then(
    (value) => Object.assign(entry, { at: Date.now(), value, promise: undefined }),
    () => (entry.promise = undefined), // not cached: the next reader tries again
  );
  return promise;
}

export function referenceNames(region: string): Promise<ReferenceNames> {
  let entry = namesStore.get(region);
  if (!entry) namesStore.set(region, (entry = { at: 0 }));
  const age = Date.now() - entry.at;
  if (entry.value && age < NAMES_STALE_MS) {
    if (age >= NAMES_TTL_MS && !entry.promise) fetchNames(region, entry).catch(() => undefined);
    return Promise.resolve(entry.value);
  }
  return entry.promise ?? fetchNames(region, entry);
}

/** Called by the actions that create, rename or delete a recording configuration, restriction policy or ad configuration. */
export function invalidateReferenceNames(region: string): void {
  namesStore.delete(region);
}
