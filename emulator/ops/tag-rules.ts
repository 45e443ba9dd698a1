import { validation } from '../errors';
import type { Tags } from '../records';

export const MAX_TAGS = 50;

// Model patterns cover characters and lengths; these are the AWS-wide rules on top.
export function checkNewTags(existing: Tags, incoming: Tags | undefined): Tags {
  if (!incoming) return { ...existing };
  for (const key of Object.keys(incoming)) {
    if (key.toLowerCase().startsWith('aws:')) {
      throw validation(`Tag key '${key}' is invalid: keys beginning with 'aws:' are reserved for AWS use.`);
    }
  }
  const merged = { ...existing, ...incoming };
  if (Object.keys(merged).length > MAX_TAGS) {
    throw validation(`A resource can have at most ${MAX_TAGS} tags; this request would leave it with ${Object.keys(merged).length}.`);
  }
  return merged;
}
