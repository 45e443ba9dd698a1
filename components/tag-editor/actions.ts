'use server';

import { ActionError, defineAction } from '@/lib/auth/action';
import { arnRegion } from '@/lib/ivs/arn';
import { tagResource, untagResource } from '@/lib/ivs/tags';
import { tagResourceSchema, untagResourceSchema } from '@/lib/ivs/schemas/tags';

// One IVS call per action, so the tag editor knows exactly which half of a save went through and the
// bulk queue can pace calls one by one. Used by the tag editor on every taggable resource and by bulk tagging.

// The client talks to the region the user chose; an ARN from another region would fail in IVS with a
// confusing message, so the console says what to do instead.
function sameRegion(resourceArn: string, region: string): void {
  const other = arnRegion(resourceArn);
  if (other !== region) throw new ActionError(`This resource is in ${other}, but the console is working in ${region}. Switch the region to ${other} first.`, 'WrongRegion');
}

/** Adds or overwrites tags on one resource (TagResource). */
export const tagResourceAction = defineAction({
  name: 'tags.tag',
  role: 'operator',
  input: tagResourceSchema,
  resource: (input) => input.resourceArn,
  run: async ({ input, region }) => {
    sameRegion(input.resourceArn, region);
    await tagResource(region, input.resourceArn, input.tags);
    return { resourceArn: input.resourceArn, tagged: Object.keys(input.tags) };
  },
});

/** Removes tag keys from one resource (UntagResource). */
export const untagResourceAction = defineAction({
  name: 'tags.untag',
  role: 'operator',
  input: untagResourceSchema,
  resource: (input) => input.resourceArn,
  run: async ({ input, region }) => {
    sameRegion(input.resourceArn, region);
    await untagResource(region, input.resourceArn, input.tagKeys);
    return { resourceArn: input.resourceArn, removed: input.tagKeys };
  },
});
