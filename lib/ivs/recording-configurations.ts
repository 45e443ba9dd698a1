import 'server-only';
import {
  ListRecordingConfigurationsCommand,
  type RecordingConfigurationSummary,
} from '@aws-sdk/client-ivs';
import { ivsClient } from '@/lib/ivs/client';

export type RecordingConfigurationState = 'CREATING' | 'ACTIVE' | 'CREATE_FAILED';

/** What lists and pickers need about a recording configuration. */
export interface RecordingConfigurationDto {
  arn: string;
  id: string;
  name: string;
  state: RecordingConfigurationState;
  bucketName: string;
  tags: Record<string, string>;
}

/** The id shown in URLs is the last ARN segment (arn:aws:ivs:…:recording-configuration/<id>). */
export function recordingConfigurationId(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

export function toRecordingConfigurationDto(s: RecordingConfigurationSummary): RecordingConfigurationDto {
  const arn = s.arn ?? '';
  return {
    arn,
    id: recordingConfigurationId(arn),
    name: s.name ?? '',
    state: (s.state ?? 'CREATING') as RecordingConfigurationState,
    bucketName: s.destinationConfiguration?.s3?.bucketName ?? '',
    tags: s.tags ?? {},
  };
}

/** Every recording configuration in the region, all pages (for lists and the channel form's picker). */
export async function listAllRecordingConfigurations(region: string): Promise<RecordingConfigurationDto[]> {
  const ivs = ivsClient(region);
  const all: RecordingConfigurationDto[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ivs.send(new ListRecordingConfigurationsCommand({ maxResults: 100, nextToken }));
    all.push(...(page.recordingConfigurations ?? []).map(toRecordingConfigurationDto));
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  return all;
}
