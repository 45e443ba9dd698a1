import 'server-only';
import { hasRole, type Role } from '@/lib/auth/roles';
import { describeIvsError } from '@/lib/ivs/errors';
import { currentRegion } from '@/lib/auth/region';
import { currentStreamKeyArn } from '@/lib/ivs/stream-keys';
import { listTags } from '@/lib/ivs/tags';
import { ErrorPanel } from '@/components/ui/error-panel';
import { StreamKeyControls } from '@/components/stream-key/stream-key-controls';
import { TagEditor } from '@/components/tag-editor/tag-editor';

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
    keyArn = await currentStreamKeyArn(await currentRegion(), channelArn);
  } catch (error) {
    loadError = describeIvsError(error).message;
  }
  // The key's tags come from ListTagsForResource (GetStreamKey would carry the secret value).
  let keyTags: Record<string, string> | null = null;
  let tagsError: string | null = null;
  if (keyArn) {
    try {
      keyTags = await listTags(await currentRegion(), keyArn);
    } catch (error) {
      tagsError = describeIvsError(error).message;
    }
  }

  return (
    <section aria-labelledby="stream-key-heading" className="space-y-4 rounded-lg border border-zinc-200 p-5 dark:border-zinc-800">
      <div>
        <h2 id="stream-key-heading" className="text-base font-semibold">
          Stream key
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Anyone with the stream key can stream to this channel: treat it like a password.
        </p>
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
      {keyArn && keyTags && (
        <TagEditor
          key={keyArn}
          resourceArn={keyArn}
          tags={keyTags}
          canEdit={hasRole(role, 'operator')}
          title="Stream key tags"
          rowNoun="stream key tag"
        />
      )}
      {tagsError && <ErrorPanel title="The stream key’s tags could not be loaded" message={tagsError} />}
    </section>
  );
}
