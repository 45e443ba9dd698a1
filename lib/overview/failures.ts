// Client-safe, pure: what a region's failed listings mean, in one sentence an operator can act on.
import type { OperationFailure } from './types';

const permissions = (fs: OperationFailure[]) => fs.map((f) => `ivs:${f.operation}`).join(', ');

/** One message per kind of failure, naming the IAM permissions for an AccessDenied. */
export function describeRegionFailures(region: string, failures: OperationFailure[]): string[] {
  const byCode = new Map<string, OperationFailure[]>();
  for (const f of failures) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
  return [...byCode].map(([code, fs]) => {
    switch (code) {
      case 'AccessDeniedException':
        return `Access denied: the console’s AWS credentials may not call ${permissions(fs)} in ${region}. Allow them in its IAM policy (README, “Least-privilege IAM policies”).`;
      case 'UnrecognizedClientException':
        return `IVS in ${region} does not recognise the console’s credentials (UnrecognizedClientException): the region may not be enabled for this AWS account, or the access key belongs elsewhere.`;
      case 'ThrottlingException':
        return `IVS throttled ${permissions(fs)} in ${region} (ThrottlingException). The next read tries again.`;
      default:
        return `${fs[0].message} (${permissions(fs)})`;
    }
  });
}
