// Regions where the IVS low-latency API is offered (docs: "Amazon IVS endpoints and quotas").
// Client-safe: the region switcher renders this list.
export const IVS_REGIONS = [
  { id: 'us-east-1', name: 'US East (N. Virginia)' },
  { id: 'us-west-2', name: 'US West (Oregon)' },
  { id: 'ap-south-1', name: 'Asia Pacific (Mumbai)' },
  { id: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)' },
  { id: 'ap-northeast-2', name: 'Asia Pacific (Seoul)' },
  { id: 'eu-central-1', name: 'Europe (Frankfurt)' },
  { id: 'eu-west-1', name: 'Europe (Ireland)' },
] as const;

export type IvsRegion = (typeof IVS_REGIONS)[number]['id'];
export const REGION_COOKIE = 'ivs-region';

export function isIvsRegion(value: unknown): value is IvsRegion {
  return typeof value === 'string' && IVS_REGIONS.some((r) => r.id === value);
}
