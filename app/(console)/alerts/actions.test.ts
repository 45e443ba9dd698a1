import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { as, harness as h } from '@/test/action-harness';
import { BACKENDS } from '@/lib/store/test-backends';
import type { Db } from '@/lib/store';

// The admin's alert-rule actions on a real store (the embedded one; the queries run on both backends
// in lib/alerts/store.test.ts). What they must never do: let a non-admin in, or put the URL or secret
// into an audit record or an answer.
const slot = vi.hoisted(() => ({ db: null as unknown }));
vi.mock('@/lib/store', async (real) => ({ ...(await real<object>()), store: async () => slot.db }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const actions = await import('./actions');
const { listRules } = await import('@/lib/alerts/rules');

const URL_PATH = '/services/T000/B000/very-secret-token';
const input = (requestId: string) => ({
  requestId,
  name: 'Starving sports',
  kinds: ['starvation.started'],
  minSeverity: 'warning',
  scope: 'tag',
  tagKey: 'team',
  tagValue: 'sports',
  destination: 'webhook',
  url: `https://hooks.example.com${URL_PATH}`,
  signingSecret: 'a-signing-secret-of-some-length',
  quietMinutes: 10,
});

describe('alert rule actions', () => {
  let db: Db;
  beforeAll(async () => {
    db = await BACKENDS[0].open();
    slot.db = db;
  });
  afterAll(() => db.close());
  beforeEach(() => vi.clearAllMocks());

  it('refuse an operator, audited as denied, and create nothing', async () => {
    as('operator');
    expect(await actions.createAlertRuleAction(input(crypto.randomUUID()) as never)).toMatchObject({ ok: false, code: 'Forbidden' });
    expect(await listRules(db)).toEqual([]);
    expect(h.audit).toHaveBeenCalledWith(expect.objectContaining({ action: 'alert-rule.create', outcome: 'denied' }));
  });

  it('create a rule once per request id, audited without its URL or secret', async () => {
    as('admin');
    const id = crypto.randomUUID();
    expect(await actions.createAlertRuleAction(input(id) as never)).toEqual({ ok: true, data: { id, created: true } });
    expect(await actions.createAlertRuleAction(input(id) as never)).toEqual({ ok: true, data: { id, created: false } });
    const [rule] = await listRules(db);
    expect(rule).toMatchObject({ id, tagKey: 'team', tagValue: 'sports', quietMinutes: 10, createdBy: 'admin@local' });
    const audited = JSON.stringify(h.audit.mock.calls);
    expect(audited).toContain(`alert-rule/${id}`);
    expect(audited).not.toContain(URL_PATH);
    expect(audited).not.toContain('a-signing-secret');
  });

  it('refuse bad input with field errors: a plain-http URL elsewhere than localhost, no signing secret, no kinds', async () => {
    as('admin');
    const r = await actions.createAlertRuleAction({
      ...input(crypto.randomUUID()),
      url: 'http://hooks.example.com/x',
      signingSecret: '',
      kinds: [],
    } as never);
    expect(r).toMatchObject({ ok: false, code: 'ValidationError' });
    expect(r.ok ? {} : Object.keys(r.fieldErrors ?? {}).sort()).toEqual(['kinds', 'signingSecret', 'url']);
  });

  it('edit a rule in place: settings replaced, URL and secret kept when left empty, replaced when given; audited without either', async () => {
    as('admin');
    const id = crypto.randomUUID();
    await actions.createAlertRuleAction(input(id) as never);
    const edit = { ...input(id), ruleId: id, requestId: undefined, name: 'Starving news', quietMinutes: 30, url: '', signingSecret: '' };
    expect(await actions.updateAlertRuleAction(edit as never)).toEqual({ ok: true, data: { id } });
    expect(await actions.updateAlertRuleAction(edit as never)).toEqual({ ok: true, data: { id } });
    const kept = (await listRules(db)).find((r) => r.id === id)!;
    expect(kept).toMatchObject({ name: 'Starving news', quietMinutes: 30, url: `https://hooks.example.com${URL_PATH}` });
    expect(kept.signingSecret).toBe('a-signing-secret-of-some-length');

    const NEW_PATH = '/hooks/another-secret-path';
    await actions.updateAlertRuleAction({
      ...edit,
      url: `https://relay.example.com${NEW_PATH}`,
      signingSecret: 'a-new-signing-secret-value',
    } as never);
    const replaced = (await listRules(db)).find((r) => r.id === id)!;
    expect(replaced).toMatchObject({ url: `https://relay.example.com${NEW_PATH}`, signingSecret: 'a-new-signing-secret-value' });
    // To Slack: a Slack rule has no signing secret.
    await actions.updateAlertRuleAction({ ...edit, destination: 'slack' } as never);
    expect((await listRules(db)).find((r) => r.id === id)!.signingSecret).toBeNull();
    const audited = JSON.stringify(h.audit.mock.calls);
    expect(audited).toContain('alert-rule.update');
    for (const secret of [URL_PATH, NEW_PATH, 'a-new-signing-secret', 'a-signing-secret']) expect(audited).not.toContain(secret);
  });

  it('refuse an edit that would leave a signed webhook without a secret, of a rule that is gone, or by an operator', async () => {
    as('admin');
    const id = crypto.randomUUID();
    await actions.createAlertRuleAction({ ...input(id), destination: 'slack', signingSecret: '' } as never);
    const edit = { ...input(id), ruleId: id, requestId: undefined, url: '', signingSecret: '' };
    expect(await actions.updateAlertRuleAction(edit as never)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/needs a signing secret/),
    });
    expect((await listRules(db)).find((r) => r.id === id)!.destination).toBe('slack');
    expect(await actions.updateAlertRuleAction({ ...edit, ruleId: crypto.randomUUID() } as never)).toMatchObject({
      ok: false,
      code: 'NotFound',
    });
    as('operator');
    expect(await actions.updateAlertRuleAction({ ...edit, destination: 'slack' } as never)).toMatchObject({ ok: false, code: 'Forbidden' });
  });

  it('turn a rule off and delete it, each safe to run twice', async () => {
    as('admin');
    const id = crypto.randomUUID();
    await actions.createAlertRuleAction(input(id) as never);
    expect(await actions.setAlertRuleEnabledAction({ ruleId: id, enabled: false })).toEqual({ ok: true, data: { enabled: false } });
    expect(await actions.setAlertRuleEnabledAction({ ruleId: id, enabled: false })).toEqual({ ok: true, data: { enabled: false } });
    expect(await actions.deleteAlertRuleAction({ ruleId: id })).toEqual({ ok: true, data: { deleted: true } });
    expect(await actions.deleteAlertRuleAction({ ruleId: id })).toEqual({ ok: true, data: { deleted: false } });
    expect(await actions.sendTestAlertAction({ ruleId: id })).toMatchObject({ ok: false, code: 'NotFound' });
  });
});
