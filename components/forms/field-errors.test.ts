import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issuesByPath, serverFieldErrors } from './field-errors';

describe('field errors', () => {
  it('keeps the first message per dotted path', () => {
    const schema = z.object({
      name: z.string().min(2, 'too short').regex(/^a/, 'starts with a'),
      tags: z.array(z.object({ key: z.string().min(1, 'key needed') })),
    });
    const parsed = schema.safeParse({ name: 'b', tags: [{ key: 'ok' }, { key: '' }] });
    expect(issuesByPath(parsed.error)).toEqual({ name: 'too short', 'tags.1.key': 'key needed' });
    expect(issuesByPath(schema.safeParse({ name: 'ab', tags: [] }).error)).toEqual({});
  });

  it('takes the first server message per field and skips empty lists', () => {
    expect(serverFieldErrors({ name: ['taken', 'other'], bucketName: [] })).toEqual({ name: 'taken' });
    expect(serverFieldErrors(undefined)).toEqual({});
  });
});
