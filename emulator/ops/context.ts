import type { RegionState, Store } from '../state';
import { resourceNotFound } from '../errors';
import type { Collection } from '../state';
import type { QuotaCode } from '../service-quotas/catalogue';

// What every operation handler gets: the caller's region state plus account facts.
export interface OpContext {
  store: Store;
  state: RegionState;
  region: string;
  accountId: string;
  now: Date;
  /**
   * The applied value of a Service Quotas quota in this region, when --enforce-quotas makes creates
   * honour it; absent otherwise (then only the fixed IVS limits below apply).
   */
  limit?: (code: QuotaCode) => number;
}

// A handler returns the response members (or nothing for an empty body).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handler = (ctx: OpContext, input: any) => Record<string, unknown> | void;

export type HandlerTable = Record<string, Handler>;

export function mustGet<T extends { arn: string }>(collection: Collection<T>, arn: string): T {
  const item = collection.get(arn);
  if (!item) throw resourceNotFound(arn);
  return item;
}

export const isoNow = (ctx: OpContext) => ctx.now.toISOString();
