import 'server-only';

// IVS takes no client token, so a create whose answer never arrived (a 500 after IVS applied it, a
// connection lost on the way back, a timeout) may or may not have happened. A blind retry then makes
// a second resource, with its own working stream key that nobody knows of. Instead, each create
// carries a tag naming its request, and after such a failure the console looks for it and adopts it;
// only when it is not there is the create tried again.

/** The tag a console create carries: its request id, so the resource can be found again. */
export const REQUEST_TAG = 'ivs-console:request-id';

// IVS allows 50 tags a resource; a create that already carries 50 of the user's has no room for the
// request tag, and then it cannot be found again (a lost answer is reported, not retried).
const MAX_TAGS = 50;

/**
 * The tags a create sends (the form's rows, plus the request tag when there is room) and whether the
 * resource will carry the request tag, i.e. whether a lost answer can be looked up and adopted.
 */
export function createTags(
  rows: Array<{ key: string; value: string }>,
  requestId?: string,
): { tags?: Record<string, string>; marked: boolean } {
  const tags: Record<string, string> = Object.fromEntries(rows.map((t) => [t.key, t.value]));
  const marked = !!requestId && rows.length < MAX_TAGS;
  if (marked) tags[REQUEST_TAG] = requestId;
  return { tags: Object.keys(tags).length ? tags : undefined, marked };
}

/** The resource among `items` that a create request made, by its request tag. */
export function madeBy<T extends { tags?: Record<string, string> }>(items: T[], requestId: string): T | undefined {
  return items.find((item) => item.tags?.[REQUEST_TAG] === requestId);
}

const THROTTLED = new Set(['ThrottlingException', 'TooManyRequestsException']);

/** A failure after which IVS may have applied the call: a 5xx, or no answer at all. */
export function outcomeUnknown(error: unknown): boolean {
  const err = error as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  const status = err?.$metadata?.httpStatusCode;
  if (status !== undefined) return status >= 500;
  // No HTTP answer: the connection dropped or timed out after the request may have been sent.
  return !!err && !['CredentialsProviderError', 'ValidationError'].includes(err.name ?? '');
}

export interface CreateAdoptingOptions<T> {
  create: () => Promise<T>;
  /** The resource this request created, if IVS made it after all. */
  find: () => Promise<T | undefined>;
  attempts?: number;
  /** Before looking: IVS's lists can lag a write by a moment. */
  settleMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export async function createAdopting<T>({
  create,
  find,
  attempts = 3,
  settleMs = 500,
  sleep = delay,
}: CreateAdoptingOptions<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      const name = (error as { name?: string }).name ?? '';
      const unknown = outcomeUnknown(error);
      if (!unknown && !THROTTLED.has(name)) throw error;
      if (unknown) {
        await sleep(settleMs);
        const found = await find();
        if (found) return found;
      }
      if (attempt >= attempts) throw error;
      await sleep(200 * 2 ** attempt);
    }
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
