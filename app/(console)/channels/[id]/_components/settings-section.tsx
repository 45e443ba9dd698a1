import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { CopyButton } from '@/components/ui/copy-button';
import type { ChannelDto } from '@/lib/ivs/channels';
import { CHANNEL_TYPE_INFO, type ChannelType } from '@/lib/ivs/schemas/channel';
import { Row, Section } from './section';
import { resourceIdFromArn } from '@/lib/ivs/arn';

const yesNo = (v: boolean) => (v ? 'Yes' : 'No');

/** Every channel setting, with the names of the referenced recording configuration and policy. */
export function SettingsSection({
  channel,
  names,
  actions,
}: {
  channel: ChannelDto;
  names: Record<string, string>;
  actions?: React.ReactNode;
}) {
  const ref = (arn: string, base: string) =>
    arn ? (
      <Link href={`/${base}/${resourceIdFromArn(arn)}`} className="text-blue-700 hover:underline dark:text-blue-400" title={arn}>
        {names[arn] || resourceIdFromArn(arn)}
      </Link>
    ) : (
      'None'
    );
  return (
    <Section id="settings" title="Settings" actions={actions}>
      <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
        <Row label="ARN" mono>
          {channel.arn}
          <CopyButton value={channel.arn} label="Copy ARN" />
        </Row>
        <Row label="Type">
          {channel.type}{' '}
          <span className="block text-xs text-zinc-600 dark:text-zinc-400">{CHANNEL_TYPE_INFO[channel.type as ChannelType]}</span>
        </Row>
        {channel.preset && <Row label="Transcode preset">{channel.preset}</Row>}
        <Row label="Latency mode">{channel.latencyMode}</Row>
        <Row label="Private (authorized playback)">{channel.authorized ? <Badge tone="blue">Private</Badge> : 'No'}</Row>
        <Row label="Insecure ingest (RTMP)">{channel.insecureIngest ? <Badge tone="yellow">Allowed</Badge> : 'No'}</Row>
        <Row label="Container format">{channel.containerFormat}</Row>
        <Row label="Multitrack input">
          {channel.multitrack.enabled
            ? `Enabled (${channel.multitrack.policy}, up to ${channel.multitrack.maximumResolution})`
            : yesNo(false)}
        </Row>
        <Row label="Recording configuration">{ref(channel.recordingConfigurationArn, 'recording-configurations')}</Row>
        <Row label="Restriction policy">
          {ref(channel.playbackRestrictionPolicyArn, 'restriction-policies')}
          {channel.playbackRestrictionPolicyArn && channel.authorized && (
            <span className="block text-xs text-zinc-600 dark:text-zinc-400">Ignored while the channel is private.</span>
          )}
        </Row>
        <Row label="Ad configuration">
          {ref(channel.adConfigurationArn, 'ad-configurations')}
          {!channel.adConfigurationArn && (
            <span className="block text-xs text-zinc-600 dark:text-zinc-400">Ad breaks can be inserted only with one.</span>
          )}
        </Row>
      </dl>
    </Section>
  );
}
