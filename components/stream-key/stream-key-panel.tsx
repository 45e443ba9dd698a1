import 'server-only';
import type { Role } from '@/lib/auth/roles';
import { ivsClient } from '@/lib/ivs/client';
import { describeIvsError } from '@/lib/ivs/errors';
import { currentRegion } from '@/lib/ivs/region';
import { currentStreamKeyArn } from '@/lib/ivs/stream-keys';
import { ErrorPanel } from '@/components/ui/error-panel';
import { StreamKeyControls } from '@/components/stream-key/stream-key-controls';

export interface StreamKeyPanelProps {
  channelArn: string;
  role: Role;
  live: boolean;
  ingestEndpoint: string;
  insecureIngest: boolean;
}

/** The channel's stream key: ARN and mask only (never the value), with the controls the role allows. */
export async function StreamKeyPanel({ channelArn, role, live, ingestEndpoint, insecureIngest }: StreamKeyPanelProps) {
  let keyArn: string | null = null;
  let loadError: string | null = null;
  try {
    keyArn = await currentStreamKeyArn(ivsClient(await currentRegion()), channelArn);
  } catch (error) {
    loadError = describeIvsError(error).message;
  }

  return (
    <section aria-labelledby="stream-key-heading" className="space-y-4 rounded-lg border border-zinc-200 p-5 dark:border-zinc-800">
      <div>
        <h2 id="stream-key-heading" className="text-base font-semibold">
          Stream key
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Anyone with the stream key can stream to this channel: treat it like a password.</p>
      </div>
      {loadError ? (
        <ErrorPanel title="The stream key could not be loaded" message={loadError} />
      ) : (
        <StreamKeyControls
          channelArn={channelArn}
          initialKeyArn={keyArn}
          role={role}
          live={live}
          ingestEndpoint={ingestEndpoint}
          insecureIngest={insecureIngest}
        />
      )}
    </section>
  );
}
