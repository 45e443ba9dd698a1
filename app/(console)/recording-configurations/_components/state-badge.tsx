import { Badge } from '@/components/ui/badge';
import type { RecordingConfigurationState } from '@/lib/ivs/recording-configurations';

const TONES = { ACTIVE: 'green', CREATING: 'blue', CREATE_FAILED: 'red' } as const;
const HINTS: Record<RecordingConfigurationState, string> = {
  ACTIVE: 'Ready: channels using it record to the bucket.',
  CREATING: 'IVS is checking the bucket.',
  CREATE_FAILED: 'IVS could not use the bucket (often: the bucket is in another region). Delete it and create a new one.',
};

export function RecordingStateBadge({ state }: { state: RecordingConfigurationState }) {
  return (
    <Badge tone={TONES[state] ?? 'neutral'} title={HINTS[state]}>
      {state}
    </Badge>
  );
}
