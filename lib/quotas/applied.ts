import 'server-only';
import { ListServiceQuotasCommand } from '@aws-sdk/client-service-quotas';
import { describeIvsError } from '@/lib/ivs/errors';
import { QUOTAS, quotaByName, type QuotaKey } from './catalogue';
import { serviceQuotasClient } from './client';

export const DENIED_NOTICE = "servicequotas:ListServiceQuotas is not allowed; showing IVS's default quotas";

export interface AppliedQuotas {
  values: Record<QuotaKey, number>;
  notice?: string;
}

const defaults = (): Record<QuotaKey, number> => Object.fromEntries(QUOTAS.map((q) => [q.key, q.defaultValue])) as Record<QuotaKey, number>;

// A handful of pages at most (IVS has a few dozen quotas); the cap guards against a looping token.
const MAX_PAGES = 10;

/** The applied values for ServiceCode ivs in the region, or IVS's defaults with a notice saying why. */
export async function readAppliedQuotas(region: string): Promise<AppliedQuotas> {
  const values = defaults();
  try {
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await serviceQuotasClient(region).send(
        new ListServiceQuotasCommand({ ServiceCode: 'ivs', NextToken: nextToken, MaxResults: 100 }),
      );
      for (const q of page.Quotas ?? []) {
        const known = quotaByName(q.QuotaName);
        if (known && typeof q.Value === 'number' && Number.isFinite(q.Value)) values[known.key] = q.Value;
      }
      nextToken = page.NextToken;
    } while (nextToken && ++pages < MAX_PAGES);
    return { values };
  } catch (error) {
    const info = describeIvsError(error);
    if (info.code === 'AccessDeniedException' || info.code === 'AccessDenied') return { values: defaults(), notice: DENIED_NOTICE };
    return { values: defaults(), notice: `Service Quotas did not answer (${info.code}); showing IVS's default quotas` };
  }
}
