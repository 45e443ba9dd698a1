import { describe, expect, it } from 'vitest';
import * as z from './zod';

// Only lib/zod is imported here: full zod (which registers English itself) must not set the locale
// for this file, so the test shows that the browser's schemas get full zod's messages on their own.
describe('the zod/mini the forms share with the actions', () => {
  it('reads zod’s English messages where a schema sets none, as full zod does', () => {
    const result = z.object({ arn: z.string().check(z.maxLength(3)), on: z.boolean() }).safeParse({ arn: 'abcd', on: 'yes' });
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'Too big: expected string to have <=3 characters',
      'Invalid input: expected boolean, received string',
    ]);
  });
});
