import { IVS_QUOTAS, quotaByCode } from './catalogue';

// Applied quota values per region, as an account whose increase was granted would have them. Set
// through the control API so a test can put usage near a quota; everything else reads the default.
// Kept in memory only (like faults): a restart is back to the documented defaults.
export class AppliedQuotas {
  private readonly values = new Map<string, number>();
  /** Set by the control API: Service Quotas refuses every call with AccessDeniedException. */
  accessDenied = false;

  value(region: string, code: string): number {
    return this.values.get(`${region}|${code}`) ?? quotaByCode(code)?.defaultValue ?? 0;
  }

  set(region: string, code: string, value: number): void {
    this.values.set(`${region}|${code}`, value);
  }

  /** Back to the defaults: everywhere, one region, or one quota in one region. */
  clear(region?: string, code?: string): void {
    if (region && code) this.values.delete(`${region}|${code}`);
    else if (region) for (const q of IVS_QUOTAS) this.values.delete(`${region}|${q.code}`);
    else this.values.clear();
  }

  /** What a region has now, code -> value, for the control API. */
  snapshot(region: string): Record<string, number> {
    return Object.fromEntries(IVS_QUOTAS.map((q) => [q.code, this.value(region, q.code)]));
  }
}
