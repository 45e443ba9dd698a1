// Client-safe: the IVS low-latency quotas the console watches, their documented defaults, and the
// arithmetic of "% used". Defaults: the "Other Quotas" table of the IVS Low-Latency User Guide
// (https://docs.aws.amazon.com/ivs/latest/LowLatencyUserGuide/service-quotas.md); its history confirms
// that only channels, concurrent views and concurrent streams are adjustable. The same values are in
// emulator/service-quotas/catalogue.ts. Quotas are matched by QuotaName, never by code: the codes are
// per service and the emulator's are its own.
export type QuotaKey =
  'channels' | 'concurrentStreams' | 'concurrentViews' | 'playbackKeyPairs' | 'recordingConfigurations' | 'restrictionPolicies';

export interface QuotaInfo {
  key: QuotaKey;
  /** The QuotaName Service Quotas uses. */
  name: string;
  defaultValue: number;
  adjustable: boolean;
}

export const QUOTAS: readonly QuotaInfo[] = [
  { key: 'channels', name: 'Channels', defaultValue: 5000, adjustable: true },
  { key: 'concurrentStreams', name: 'Concurrent streams', defaultValue: 100, adjustable: true },
  { key: 'concurrentViews', name: 'Concurrent views', defaultValue: 15000, adjustable: true },
  { key: 'playbackKeyPairs', name: 'Playback key pairs', defaultValue: 3, adjustable: false },
  { key: 'recordingConfigurations', name: 'Recording configurations', defaultValue: 20, adjustable: false },
  { key: 'restrictionPolicies', name: 'Playback restriction policies', defaultValue: 20, adjustable: false },
];

/** From this share of the applied value on, a quota is shown as a warning (and on the overview). */
export const WARN_RATIO = 0.8;

export const quotaByName = (name: string | undefined): QuotaInfo | undefined =>
  QUOTAS.find((q) => q.name.toLowerCase() === name?.trim().toLowerCase());

export interface QuotaRow extends QuotaInfo {
  applied: number;
  /** null when the listing that counts it failed. */
  usage: number | null;
  /** What the usage is, where it is not a plain count (concurrent views). */
  usageNote?: string;
  percent: number | null;
  level: 'ok' | 'warning' | 'full';
}

export interface RegionQuotas {
  region: string;
  readAt: number;
  rows: QuotaRow[];
  /** Why the applied values are IVS's defaults (Service Quotas refused or failed). */
  notice?: string;
  /** Listings that failed, so their usage is unknown. */
  usageFailures: string[];
}

/** Percent used (rounded down, so 79.9 % is not shown as a warning's 80 %) and its level. */
export function usageLevel(usage: number | null, applied: number): Pick<QuotaRow, 'percent' | 'level'> {
  if (usage === null) return { percent: null, level: 'ok' };
  if (applied <= 0) return { percent: usage > 0 ? 100 : 0, level: 'full' };
  const ratio = usage / applied;
  const percent = Math.floor(ratio * 100);
  return { percent, level: ratio >= 1 ? 'full' : ratio >= WARN_RATIO ? 'warning' : 'ok' };
}
