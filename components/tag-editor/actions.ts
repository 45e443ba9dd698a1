'use server';

import { defineAction } from '@/lib/auth/action';
import { tagResource, untagResource } from '@/lib/ivs/tags';
import { tagResourceSchema, untagResourceSchema } from '@/lib/ivs/schemas/tags';

// One IVS call per action, so the tag editor knows exactly which half of a save went through and the
// bulk queue can pace calls one by one. Used by the tag editor on every taggable resource and by bulk tagging.

// An ARN of another region or account is refused by the schema (defineAction's ARN scope).

/** Adds or overwrites tags on one resource (TagResource). */
export const tagResourceAction = defineAction({
  name: 'tags.tag',
  role: 'operator',
  input: tagResourceSchema,
  resource: (input) => input.resourceArn,
  run: async ({ input, region }) => {
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
    await untagResource(region, input.resourceArn, input.tagKeys);
    return { resourceArn: input.resourceArn, removed: input.tagKeys };
  },
});
