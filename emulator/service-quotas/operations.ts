import { IVS_QUOTAS, quotaByCode, type IvsQuota } from './catalogue';
import type { AppliedQuotas } from './applied';
import { illegalArgument, invalidPaginationToken, noSuchResource } from './errors';

// The four read operations of Service Quotas for ServiceCode `ivs`, shaped as the published model
// (@aws-sdk/client-service-quotas) has them: ServiceQuota objects, NextToken paging, its errors.
export interface Call {
  region: string;
  accountId: string;
  quotas: AppliedQuotas;
}

const SERVICE_CODE = 'ivs';
const SERVICE_NAME = 'Amazon Interactive Video Service';
// The model's patterns for ServiceCode and QuotaCode, and MaxResults' range.
const SERVICE_CODE_PATTERN = /^[a-zA-Z][a-zA-Z0-9-]{1,63}$/;
const QUOTA_CODE_PATTERN = /^[a-zA-Z][a-zA-Z0-9-]{1,128}$/;
const MAX_RESULTS = 100;
const LEVELS = ['ACCOUNT', 'RESOURCE', 'ALL'];

function serviceCodeOf(input: Record<string, unknown>): void {
  const code = input.ServiceCode;
  if (typeof code !== 'string' || !SERVICE_CODE_PATTERN.test(code)) throw illegalArgument('Invalid input: ServiceCode is not valid.');
  // Every other service exists on AWS, but this emulator knows only IVS.
  if (code !== SERVICE_CODE) throw noSuchResource(`The request failed because the specified service ${code} does not exist.`);
}

function quotaOf(input: Record<string, unknown>): IvsQuota {
  const code = input.QuotaCode;
  if (typeof code !== 'string' || !QUOTA_CODE_PATTERN.test(code)) throw illegalArgument('Invalid input: QuotaCode is not valid.');
  const quota = quotaByCode(code);
  if (!quota) throw noSuchResource(`The request failed because the specified quota ${code} does not exist.`);
  return quota;
}

function shape(call: Call, quota: IvsQuota, value: number) {
  return {
    ServiceCode: SERVICE_CODE,
    ServiceName: SERVICE_NAME,
    QuotaArn: `arn:aws:servicequotas:${call.region}:${call.accountId}:${SERVICE_CODE}/${quota.code}`,
    QuotaCode: quota.code,
    QuotaName: quota.name,
    Value: value,
    Unit: 'None',
    Adjustable: quota.adjustable,
    GlobalQuota: false,
    Description: quota.description,
    QuotaAppliedAtLevel: 'ACCOUNT',
  };
}

// NextToken is opaque to callers; here it is the offset into the catalogue, encoded.
const tokenFor = (offset: number) => Buffer.from(`ivs-quotas:${offset}`).toString('base64url');
function offsetOf(token: unknown): number {
  if (token === undefined) return 0;
  const m = typeof token === 'string' ? /^ivs-quotas:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8')) : null;
  if (!m || Number(m[1]) >= IVS_QUOTAS.length) throw invalidPaginationToken();
  return Number(m[1]);
}

function page(input: Record<string, unknown>, quotas: readonly IvsQuota[], toShape: (q: IvsQuota) => unknown) {
  const max = input.MaxResults ?? MAX_RESULTS;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > MAX_RESULTS) {
    throw illegalArgument(`Invalid input: MaxResults must be between 1 and ${MAX_RESULTS}.`);
  }
  const start = offsetOf(input.NextToken);
  const end = start + max;
  return { Quotas: quotas.slice(start, end).map(toShape), ...(end < quotas.length ? { NextToken: tokenFor(end) } : {}) };
}

export const serviceQuotasOperations: Record<string, (call: Call, input: Record<string, unknown>) => unknown> = {
  ListServiceQuotas(call, input) {
    serviceCodeOf(input);
    if (input.QuotaAppliedAtLevel !== undefined && !LEVELS.includes(input.QuotaAppliedAtLevel as string)) {
      throw illegalArgument(`Invalid input: QuotaAppliedAtLevel must be one of ${LEVELS.join(', ')}.`);
    }
    // IVS's quotas are all account-level: a RESOURCE-level listing is empty.
    const quotas = input.QuotaAppliedAtLevel === 'RESOURCE' ? [] : input.QuotaCode !== undefined ? [quotaOf(input)] : IVS_QUOTAS;
    return page(input, quotas, (q) => shape(call, q, call.quotas.value(call.region, q.code)));
  },
  GetServiceQuota(call, input) {
    serviceCodeOf(input);
    const quota = quotaOf(input);
    return { Quota: shape(call, quota, call.quotas.value(call.region, quota.code)) };
  },
  ListAWSDefaultServiceQuotas(call, input) {
    serviceCodeOf(input);
    return page(input, IVS_QUOTAS, (q) => shape(call, q, q.defaultValue));
  },
  GetAWSDefaultServiceQuota(call, input) {
    serviceCodeOf(input);
    const quota = quotaOf(input);
    return { Quota: shape(call, quota, quota.defaultValue) };
  },
};
