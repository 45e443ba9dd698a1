import 'server-only';
import { ListTagsForResourceCommand, TagResourceCommand, UntagResourceCommand, type IvsClient } from '@aws-sdk/client-ivs';

// The three IVS tag operations. Each function is exactly one IVS call, so callers that pace calls
// (the bulk queue, the bench) can count them. The client is passed in: actions use the session's
// region client, the bench its own client against the emulator.

export async function listTags(ivs: IvsClient, resourceArn: string): Promise<Record<string, string>> {
  const { tags } = await ivs.send(new ListTagsForResourceCommand({ resourceArn }));
  return tags ?? {};
}

/** Adds or overwrites these tags (TagResource); other tags on the resource are untouched. */
export async function tagResource(ivs: IvsClient, resourceArn: string, tags: Record<string, string>): Promise<void> {
  await ivs.send(new TagResourceCommand({ resourceArn, tags }));
}

/** Removes these keys (UntagResource); keys the resource does not have are ignored by IVS. */
export async function untagResource(ivs: IvsClient, resourceArn: string, tagKeys: string[]): Promise<void> {
  await ivs.send(new UntagResourceCommand({ resourceArn, tagKeys }));
}
