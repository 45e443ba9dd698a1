'use server';

import { revalidatePath } from 'next/cache';
import { ActionError, defineAction } from '@/lib/auth/action';
import { alertRuleIdSchema, createAlertRuleSchema, setAlertRuleEnabledSchema, updateAlertRuleSchema } from '@/lib/alerts/rule-schema';
import { createRule, deleteRule, getRule, setRuleEnabled, updateRule } from '@/lib/alerts/rules';
import { sendTestNotification } from '@/lib/alerts/test-notification';
import { store } from '@/lib/store';

// Admins manage alert rules here. The audit record names the rule (alert-rule/<id>) and nothing of
// its input: the URL and signing secret never reach a record. Each is safe to run twice: create is
// keyed by the form's request id, edit and enable/disable set values, delete of a deleted rule is a no-op.

const resource = (input: { ruleId?: string; requestId?: string }) => `alert-rule/${input.ruleId ?? input.requestId}`;

export const createAlertRuleAction = defineAction({
  name: 'alert-rule.create',
  role: 'admin',
  input: createAlertRuleSchema,
  resource,
  run: async ({ input, user }) => {
    const tagged = input.scope === 'tag';
    const { created } = await createRule(await store(), {
      id: input.requestId,
      name: input.name,
      kinds: input.kinds,
      minSeverity: input.minSeverity,
      tagKey: tagged ? input.tagKey : null,
      tagValue: tagged ? input.tagValue : null,
      destination: input.destination,
      url: input.url,
      signingSecret: input.destination === 'webhook' ? input.signingSecret : null,
      quietMinutes: input.quietMinutes,
      createdBy: user.email,
    });
    revalidatePath('/alerts');
    return { id: input.requestId, created };
  },
});

/**
 * Edits a rule in place (its quiet periods and delivery history stay). The URL and signing secret are
 * kept when left empty: the page never has them to send back.
 */
export const updateAlertRuleAction = defineAction({
  name: 'alert-rule.update',
  role: 'admin',
  input: updateAlertRuleSchema,
  resource,
  run: async ({ input }) => {
    const db = await store();
    const rule = await getRule(db, input.ruleId);
    if (!rule) throw new ActionError('That rule no longer exists.', 'NotFound');
    if (input.destination === 'webhook' && !input.signingSecret && !rule.signingSecret)
      throw new ActionError('A signed webhook needs a signing secret: give one of at least 16 characters.');
    if (rule.unreadable && (!input.url || (input.destination === 'webhook' && !input.signingSecret)))
      throw new ActionError('This rule was sealed under an AUTH_SECRET the console no longer has: give its URL (and secret) again.');
    const tagged = input.scope === 'tag';
    await updateRule(db, input.ruleId, {
      name: input.name,
      kinds: input.kinds,
      minSeverity: input.minSeverity,
      tagKey: tagged ? input.tagKey : null,
      tagValue: tagged ? input.tagValue : null,
      destination: input.destination,
      url: input.url || null,
      signingSecret: input.destination === 'webhook' && input.signingSecret ? input.signingSecret : null,
      quietMinutes: input.quietMinutes,
    });
    revalidatePath('/alerts');
    return { id: input.ruleId };
  },
});

export const setAlertRuleEnabledAction = defineAction({
  name: 'alert-rule.set-enabled',
  role: 'admin',
  input: setAlertRuleEnabledSchema,
  resource,
  run: async ({ input }) => {
    if (!(await setRuleEnabled(await store(), input.ruleId, input.enabled)))
      throw new ActionError('That rule no longer exists.', 'NotFound');
    revalidatePath('/alerts');
    return { enabled: input.enabled };
  },
});

export const deleteAlertRuleAction = defineAction({
  name: 'alert-rule.delete',
  role: 'admin',
  input: alertRuleIdSchema,
  resource,
  run: async ({ input }) => {
    const deleted = await deleteRule(await store(), input.ruleId);
    revalidatePath('/alerts');
    return { deleted };
  },
});

export const sendTestAlertAction = defineAction({
  name: 'alert-rule.test',
  role: 'admin',
  input: alertRuleIdSchema,
  resource,
  run: async ({ input, user }) => {
    const db = await store();
    const rule = await getRule(db, input.ruleId);
    if (!rule) throw new ActionError('That rule no longer exists.', 'NotFound');
    const result = await sendTestNotification(db, rule, user.email);
    revalidatePath('/alerts');
    return result;
  },
});
