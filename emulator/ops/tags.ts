import { resourceNotFound } from '../errors';
import type { Tags } from '../records';
import type { HandlerTable, OpContext } from './context';
import { checkNewTags } from './tag-rules';

// ARNs of another region or account are simply not found here, as in IVS.
function taggable(ctx: OpContext, arn: string) {
  const resource = ctx.state.taggable(arn);
  if (!resource) throw resourceNotFound(arn);
  return resource;
}

export const tagOps: HandlerTable = {
  TagResource(ctx, input: { resourceArn: string; tags: Tags }) {
    const resource = taggable(ctx, input.resourceArn);
    resource.tags = checkNewTags(resource.tags, input.tags);
    ctx.store.changed();
  },

  UntagResource(ctx, input: { resourceArn: string; tagKeys: string[] }) {
    const resource = taggable(ctx, input.resourceArn);
    const next = { ...resource.tags };
    for (const key of input.tagKeys) delete next[key];
    resource.tags = next;
    ctx.store.changed();
  },

  ListTagsForResource(ctx, input: { resourceArn: string }) {
    return { tags: { ...taggable(ctx, input.resourceArn).tags } };
  },
};
