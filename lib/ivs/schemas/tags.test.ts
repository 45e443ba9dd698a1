import { describe, expect, it } from 'vitest';
import { diffTags, saveOrder, tagResourceSchema, tagRowsSchemaFor, untagResourceSchema, validateTagRows } from './tags';

const ARN = 'arn:aws:ivs:us-west-2:123456789012:channel/abcDEF123456';

describe('validateTagRows', () => {
  it('accepts model-valid rows, including an empty value and unicode letters', () => {
    expect(
      validateTagRows([
        { key: 'team', value: '' },
        { key: 'équipe', value: 'Nachrichten 24/7' },
      ]).valid,
    ).toBe(true);
  });

  it('gives each row its own message', () => {
    const result = validateTagRows([
      { key: '', value: 'x' },
      { key: 'aws:owner', value: 'x' },
      { key: 'ok', value: 'bad#value' },
      { key: 'k'.repeat(129), value: 'v'.repeat(257) },
    ]);
    expect(result.valid).toBe(false);
    expect(result.rows[0].key).toBe('A tag needs a key.');
    expect(result.rows[1].key).toMatch(/reserved/);
    expect(result.rows[2]).toEqual({ value: expect.stringMatching(/letters, digits/) });
    expect(result.rows[3].key).toMatch(/128/);
    expect(result.rows[3].value).toMatch(/256/);
  });

  it('flags both rows of a duplicated key and more than 50 rows', () => {
    const dup = validateTagRows([
      { key: 'a', value: '1' },
      { key: 'a', value: '2' },
    ]);
    expect(dup.rows.map((r) => r.key)).toEqual(['Tag key "a" is used twice.', 'Tag key "a" is used twice.']);
    const many = validateTagRows(Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: '' })));
    expect(many.list).toMatch(/at most 50/);
    expect(many.valid).toBe(false);
  });
});

describe('diffTags and saveOrder', () => {
  it('sends only added and changed keys, and removes the dropped ones', () => {
    const diff = diffTags({ a: '1', b: '2', c: '3' }, [
      { key: 'a', value: '1' },
      { key: 'b', value: 'two' },
      { key: 'd', value: '' },
    ]);
    expect(diff).toEqual({ set: { b: 'two', d: '' }, remove: ['c'] });
    expect(saveOrder({ a: '1', b: '2', c: '3' }, diff)).toEqual(['set', 'remove']);
  });

  it('keeps a __proto__ key (valid in IVS) as a key, not a prototype', () => {
    const diff = diffTags({}, [{ key: '__proto__', value: 'x' }]);
    expect(Object.entries(diff.set)).toEqual([['__proto__', 'x']]);
    expect(saveOrder({}, diff)).toEqual(['set']);
    expect(validateTagRows([{ key: '__proto__', value: 'x' }]).valid).toBe(true);
    expect(tagResourceSchema.safeParse({ resourceArn: ARN, tags: [{ key: '__proto__', value: 'x' }] }).data?.tags).toEqual(
      JSON.parse('{"__proto__":"x"}'),
    );
  });

  it('has nothing to do when nothing changed', () => {
    const diff = diffTags({ a: '1' }, [{ key: 'a', value: '1' }]);
    expect(saveOrder({ a: '1' }, diff)).toEqual([]);
  });

  it('removes first when adding first would pass 50 tags', () => {
    const before = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, '']));
    const rows = Object.keys(before)
      .slice(1)
      .map((key) => ({ key, value: '' }));
    rows.push({ key: 'new', value: 'x' });
    expect(saveOrder(before, diffTags(before, rows))).toEqual(['remove', 'set']);
  });
});

describe('action schemas', () => {
  it('accept a channel ARN with tags and refuse aws: keys and foreign ARNs', () => {
    expect(tagResourceSchema.safeParse({ resourceArn: ARN, tags: [{ key: 'team', value: 'news' }] }).success).toBe(true);
    expect(tagResourceSchema.safeParse({ resourceArn: ARN, tags: [{ key: 'aws:x', value: 'y' }] }).success).toBe(false);
    expect(tagResourceSchema.safeParse({ resourceArn: ARN, tags: [] }).success).toBe(false);
    expect(tagResourceSchema.safeParse({ resourceArn: 'arn:aws:s3:::bucket', tags: [{ key: 'a', value: 'b' }] }).success).toBe(false);
    expect(untagResourceSchema.safeParse({ resourceArn: ARN.replace('channel', 'stream-key'), tagKeys: ['a'] }).success).toBe(true);
    expect(untagResourceSchema.safeParse({ resourceArn: ARN, tagKeys: [] }).success).toBe(false);
  });

  it('names the resource in the 50-tag message of the create forms', () => {
    const result = tagRowsSchemaFor('channel').safeParse(Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: '' })));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe('A channel can have at most 50 tags.');
  });
});
