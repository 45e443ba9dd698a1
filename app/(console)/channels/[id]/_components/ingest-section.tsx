import { SrtPassphraseField } from '@/components/stream-key/srt-passphrase-field';
import { CopyButton } from '@/components/ui/copy-button';
import type { Role } from '@/lib/auth/roles';
import type { ChannelDto } from '@/lib/ivs/channels';
import { Row, Section } from './section';

// IVS ingest addresses: RTMPS on 443 (always), RTMP on 1935 only with insecure ingest, SRT on 9000.
export function ingestAddresses(channel: Pick<ChannelDto, 'ingestEndpoint' | 'srtEndpoint'>) {
  return {
    rtmps: `rtmps://${channel.ingestEndpoint}:443/app/`,
    rtmp: `rtmp://${channel.ingestEndpoint}:1935/app/`,
    srt: channel.srtEndpoint ? `srt://${channel.srtEndpoint}:9000` : '',
  };
}

/** Where an encoder sends the stream. Secrets (passphrase, key) render masked, through their own components. */
export function IngestSection({ channel, role }: { channel: ChannelDto; role: Role }) {
  const urls = ingestAddresses(channel);
  return (
    <Section id="ingest" title="Ingest" description="Point your encoder here, with the stream key below.">
      <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
        <Row label="RTMPS server URL" mono>
          <span data-testid="rtmps-url">{urls.rtmps}</span>
          <CopyButton value={urls.rtmps} label="Copy RTMPS URL" />
        </Row>
        {channel.insecureIngest && (
          <Row label="RTMP server URL (insecure)" mono>
            <span data-testid="rtmp-url">{urls.rtmp}</span>
            <CopyButton value={urls.rtmp} label="Copy RTMP URL" />
          </Row>
        )}
        <Row label="Ingest endpoint" mono>
          {channel.ingestEndpoint}
        </Row>
        {urls.srt && (
          <Row label="SRT endpoint" mono>
            <span data-testid="srt-endpoint">{urls.srt}</span>
            <CopyButton value={urls.srt} label="Copy SRT endpoint" />
          </Row>
        )}
      </dl>
      {urls.srt && <SrtPassphraseField channelArn={channel.arn} role={role} />}
    </Section>
  );
}
