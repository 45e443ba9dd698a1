import { describe, expect, it } from 'vitest';
import { parse } from '@cdktf/hcl2json';
import { block, HclRaw } from './hcl';

describe('the HCL writer', () => {
  it('writes strings that read back as the same literal text, never as a template', async () => {
    const tricky = 'a "quoted" ${var.x} %{ if } \\ path\nnext';
    const text = block({
      type: 'resource',
      labels: ['t', 'n'],
      body: [
        ['s', tricky],
        ['ref', new HclRaw('t.other.arn')],
        ['m', { 'k:1': tricky }],
      ],
    });
    const back = (await parse('t.tf', text)) as { resource: { t: { n: [{ s: string; ref: string; m: Record<string, string> }] } } };
    // hcl2json writes a template's literal `${` as `$${` (an unescaped one would come back as `${`, an expression).
    const r = back.resource.t.n[0];
    expect(r.s).toContain('$${var.x}');
    expect(r.s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{')).toBe(tricky);
    expect(r.ref).toBe('${t.other.arn}');
    expect(Object.keys(r.m)).toEqual(['k:1']);
  });
});
