import 'server-only';
import { describeIvsError } from '@/lib/ivs/errors';
import { listAllRecordingConfigurations } from '@/lib/ivs/recording-configurations';
import { listAllRestrictionPolicies } from '@/lib/ivs/restriction-policies';
import { listAllAdConfigurations } from '@/lib/ivs/ad-configurations';

// Fresh (uncached) lists, so a configuration created a moment ago can be picked. A failure leaves
// the form usable without them and says why.
export async function loadPickers(region: string) {
  const [recordings, policies, ads] = await Promise.allSettled([
    listAllRecordingConfigurations(region),
    listAllRestrictionPolicies(region),
    listAllAdConfigurations(region),
  ]);
  const failed = [recordings, policies, ads].find((r) => r.status === 'rejected');
  return {
    recordingConfigurations:
      recordings.status === 'fulfilled'
        ? recordings.value.map(({ arn, name, state, bucketName }) => ({ arn, name, state, bucketName }))
        : [],
    restrictionPolicies: policies.status === 'fulfilled' ? policies.value.map(({ arn, name }) => ({ arn, name })) : [],
    adConfigurations: ads.status === 'fulfilled' ? ads.value.map(({ arn, name }) => ({ arn, name })) : [],
    pickersError: failed ? `The pickers could not be loaded: ${describeIvsError(failed.reason).message}` : undefined,
  };
}
