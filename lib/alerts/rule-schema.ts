import { z } from 'zod';
import type { EventKind } from '@/lib/alerts/console-event';
import { EVENT_KINDS, SEVERITIES } from '@/lib/alerts/kinds';

// The rule form's input, checked by the create action (server-only: the form shows its field errors).

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

// https only, except a receiver on this machine (tests, a local relay): the URL carries the alert,
// and for Slack it is itself the credential.
const webhookUrl = z
  .string()
  .trim()
  .min(1, { message: 'Give the webhook URL.' })
  .max(2000, { message: 'At most 2000 characters.' })
  .refine(
    (v) => {
      try {
        const u = new URL(v);
        return !u.username && !u.password && (u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.test(u.hostname)));
      } catch {
        return false;
      }
    },
    { message: 'Give an https:// URL (http:// only for localhost), without a user name or password in it.' },
  );

const kinds = EVENT_KINDS.map((k) => k.kind) as [EventKind, ...EventKind[]];

const ruleFields = {
  name: z.string().trim().min(1, { message: 'Give the rule a name.' }).max(80, { message: 'At most 80 characters.' }),
  kinds: z.array(z.enum(kinds)).min(1, { message: 'Pick at least one kind of event.' }),
  minSeverity: z.enum(SEVERITIES as ['info', 'warning', 'critical']),
  scope: z.enum(['all', 'tag']),
  tagKey: z.string().trim().max(128, { message: 'At most 128 characters.' }).default(''),
  tagValue: z.string().trim().max(256, { message: 'At most 256 characters.' }).default(''),
  destination: z.enum(['slack', 'webhook']),
  signingSecret: z.string().default(''),
  quietMinutes: z.coerce
    .number({ message: 'A whole number of minutes.' })
    .int({ message: 'A whole number of minutes.' })
    .min(0, { message: '0 to 1440 minutes.' })
    .max(1440, { message: '0 to 1440 minutes.' }),
};

type RuleFields = { scope: 'all' | 'tag'; tagKey: string; destination: 'slack' | 'webhook'; signingSecret: string };
const SECRET_TOO_SHORT = 'A signing secret of at least 16 characters (receivers check the signature with it).';

function checkScopeAndSecret(v: RuleFields, ctx: z.RefinementCtx, secretRequired: boolean) {
  if (v.scope === 'tag' && !v.tagKey) ctx.addIssue({ code: 'custom', path: ['tagKey'], message: 'Give the tag key channels must have.' });
  if (v.destination === 'webhook' && (secretRequired || v.signingSecret) && v.signingSecret.length < 16)
    ctx.addIssue({ code: 'custom', path: ['signingSecret'], message: SECRET_TOO_SHORT });
  if (v.signingSecret.length > 256) ctx.addIssue({ code: 'custom', path: ['signingSecret'], message: 'At most 256 characters.' });
}

export const createAlertRuleSchema = z
  .object({ requestId: z.uuid({ message: 'Reload the page and try again.' }), ...ruleFields, url: webhookUrl })
  .superRefine((v, ctx) => checkScopeAndSecret(v, ctx, true));

export type CreateAlertRuleInput = z.infer<typeof createAlertRuleSchema>;

/**
 * Editing a rule: the same fields, but the URL and signing secret may be left empty to keep the ones
 * stored, which the page never has. Whether a webhook rule without a new secret already has one is
 * checked by the action.
 */
export const updateAlertRuleSchema = z
  .object({ ruleId: z.uuid({ message: 'Not a rule id.' }), ...ruleFields, url: z.union([z.literal(''), webhookUrl]) })
  .superRefine((v, ctx) => checkScopeAndSecret(v, ctx, false));

export const alertRuleIdSchema = z.object({ ruleId: z.uuid({ message: 'Not a rule id.' }) });
export const setAlertRuleEnabledSchema = alertRuleIdSchema.extend({ enabled: z.boolean() });
