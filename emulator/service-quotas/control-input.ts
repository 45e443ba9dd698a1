import { QUOTA, quotaByCode } from './catalogue';

// Checks the control API's input for an applied quota value; a string is the problem to report.
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
export const regionProblem = (region: unknown): string | undefined =>
  typeof region === 'string' && REGION.test(region) ? undefined : '"region" must be an AWS region, e.g. eu-west-1.';

export function parseAppliedQuota(body: Record<string, unknown>): { region: string; code: string; value: number } | string {
  const { region, quotaCode, value } = body;
  const problem = regionProblem(region);
  if (problem) return problem;
  if (typeof quotaCode !== 'string' || !quotaByCode(quotaCode))
    return `"quotaCode" must be one of the IVS quota codes (GET /_emulator/quotas).`;
  // One stream key fewer than one would make CreateChannel fail half-way, after the channel exists.
  const min = quotaCode === QUOTA.streamKeysPerChannel ? 1 : 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) return `"value" must be an integer >= ${min}.`;
  return { region: region as string, code: quotaCode, value };
}
