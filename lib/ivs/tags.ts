import 'server-only';
import { ListTagsForResourceCommand, TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-ivs';
import { ivsClient } from '@/lib/ivs/client';
import { writeThrough } from '@/lib/ivs/read-cache';

// The three IVS tag operations. Each function is exactly one IVS call, so callers that pace calls
// (the bulk queue, the bench) can count them. Like every lib/ivs module they take the region. Tags show
// in the channel list, so a change empties the region's shared reads (lib/ivs/read-cache.ts).

export async function listTags(region: string, resourceArn: string): Promise<Record<string, string>> {
  const { tags } = await ivsClient(region).send(new ListTagsForResourceCommand({ resourceArn }));
  return tags ?? {};
}

/** Adds or overwrites these tags (TagResource); other tags on the resource are untouched. */
export async function tagResource(region: string, resourceArn: string, tags: Record<string, string>): Promise<void> {
  await writeThrough(region, () => ivsClient(region).send(new TagResourceCommand({ resourceArn, tags })));
}

/** Removes these keys (UntagResource); keys the resource does not have are ignored by IVS. */
export async function untagResource(region: string, resourceArn: string, tagKeys: string[]): Promise<void> {
  await writeThrough(region, () => ivsClient(region).send(new UntagResourceCommand({ resourceArn, tagKeys })));
}
