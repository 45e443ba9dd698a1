'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { createAlertRuleAction, updateAlertRuleAction } from '@/app/(console)/alerts/actions';
import { Button, ButtonLink } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { describedBy, Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import type { FieldErrors } from '@/lib/action-result';
import type { EventKind, EventSeverity } from '@/lib/alerts/console-event';
import { EVENT_KINDS, SEVERITIES } from '@/lib/alerts/kinds';
import type { RuleSummary } from '@/lib/alerts/rules';

const EMPTY = {
  name: '',
  kinds: ['starvation.started', 'stream.ended', 'recording.failed'] as EventKind[],
  minSeverity: 'warning' as EventSeverity,
  scope: 'all' as 'all' | 'tag',
  tagKey: '',
  tagValue: '',
  destination: 'slack' as 'slack' | 'webhook',
  url: '',
  signingSecret: '',
  quietMinutes: '10',
};

/** The form filled with a rule's settings; its URL and secret stay empty (the page never has them). */
const fromRule = (r: RuleSummary): typeof EMPTY => ({
  name: r.name,
  kinds: r.kinds,
  minSeverity: r.minSeverity,
  scope: r.tagKey ? 'tag' : 'all',
  tagKey: r.tagKey ?? '',
  tagValue: r.tagValue ?? '',
  destination: r.destination,
  url: '',
  signingSecret: '',
  quietMinutes: String(r.quietMinutes),
});

/**
 * A new rule, or (with `editing`) changes to one. The URL and secret go to the server once and are
 * never sent back (the table shows the host only), so when editing they are left empty to keep them.
 */
export function RuleForm({ editing }: { editing?: RuleSummary }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // One id per rule being made: a double submit creates it once (the action keys the rule on it).
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const [form, setForm] = useState(() => (editing ? fromRule(editing) : EMPTY));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const set = <K extends keyof typeof EMPTY>(key: K, value: (typeof EMPTY)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const err = (key: string) => errors[key]?.[0] ?? null;

  const submit = () =>
    startTransition(async () => {
      const fields = { ...form, quietMinutes: Number(form.quietMinutes) };
      if (editing) {
        const r = await updateAlertRuleAction({ ruleId: editing.id, ...fields });
        if (!r.ok) {
          setErrors(r.fieldErrors ?? {});
          setMessage({ ok: false, text: r.error });
          return;
        }
        router.replace(`/alerts?saved=${encodeURIComponent(form.name)}`);
        router.refresh();
        return;
      }
      const r = await createAlertRuleAction({ requestId, ...fields });
      if (!r.ok) {
        setErrors(r.fieldErrors ?? {});
        setMessage({ ok: false, text: r.error });
        return;
      }
      setErrors({});
      setMessage({ ok: true, text: `Rule "${form.name}" created.` });
      setForm(EMPTY);
      setRequestId(crypto.randomUUID());
      router.refresh();
    });

  const toggleKind = (kind: EventKind, on: boolean) => set('kinds', on ? [...form.kinds, kind] : form.kinds.filter((k) => k !== kind));

  return (
    <form
      id="rule-form"
      aria-labelledby="new-rule-heading"
      className="space-y-4 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3 id="new-rule-heading" className="font-semibold text-zinc-900 dark:text-zinc-100">
        {editing ? `Edit "${editing.name}"` : 'New rule'}
      </h3>
      <Field id="rule-name" label="Name" error={err('name')}>
        <Input
          id="rule-name"
          value={form.name}
          onChange={(e) => set('name', e.target.value)}
          invalid={!!err('name')}
          aria-describedby={describedBy('rule-name', err('name'))}
        />
      </Field>
      <fieldset className="space-y-2" aria-describedby={err('kinds') ? 'rule-kinds-error' : undefined}>
        <legend className="text-sm font-medium text-zinc-900 dark:text-zinc-100">Events that notify</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {EVENT_KINDS.map(({ kind, label }) => (
            <Checkbox
              key={kind}
              id={`rule-kind-${kind}`}
              label={label}
              checked={form.kinds.includes(kind)}
              onChange={(e) => toggleKind(kind, e.target.checked)}
            />
          ))}
        </div>
        {err('kinds') && (
          <p id="rule-kinds-error" role="alert" className="text-sm text-red-700 dark:text-red-400">
            {err('kinds')}
          </p>
        )}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="rule-severity" label="Minimum severity">
          <Select id="rule-severity" value={form.minSeverity} onChange={(e) => set('minSeverity', e.target.value as EventSeverity)}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="rule-scope" label="Channels">
          <Select id="rule-scope" value={form.scope} onChange={(e) => set('scope', e.target.value as 'all' | 'tag')}>
            <option value="all">All channels</option>
            <option value="tag">Channels with a tag</option>
          </Select>
        </Field>
        <Field
          id="rule-quiet"
          label="Quiet period (minutes)"
          error={err('quietMinutes')}
          hint="At most one notification per channel in this time."
        >
          <Input
            id="rule-quiet"
            inputMode="numeric"
            value={form.quietMinutes}
            onChange={(e) => set('quietMinutes', e.target.value)}
            invalid={!!err('quietMinutes')}
            aria-describedby={describedBy('rule-quiet', err('quietMinutes'), true)}
          />
        </Field>
      </div>
      {form.scope === 'tag' && (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="rule-tag-key" label="Tag key" error={err('tagKey')}>
            <Input
              id="rule-tag-key"
              value={form.tagKey}
              onChange={(e) => set('tagKey', e.target.value)}
              invalid={!!err('tagKey')}
              aria-describedby={describedBy('rule-tag-key', err('tagKey'))}
            />
          </Field>
          <Field id="rule-tag-value" label="Tag value" error={err('tagValue')}>
            <Input
              id="rule-tag-value"
              value={form.tagValue}
              onChange={(e) => set('tagValue', e.target.value)}
              invalid={!!err('tagValue')}
              aria-describedby={describedBy('rule-tag-value', err('tagValue'))}
            />
          </Field>
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="rule-destination" label="Destination">
          <Select
            id="rule-destination"
            value={form.destination}
            onChange={(e) => set('destination', e.target.value as 'slack' | 'webhook')}
          >
            <option value="slack">Slack incoming webhook</option>
            <option value="webhook">Signed JSON webhook</option>
          </Select>
        </Field>
        <div className="sm:col-span-2">
          <Field
            id="rule-url"
            label="Webhook URL"
            error={err('url')}
            hint={
              editing ? `Leave empty to keep the current one (${editing.urlHost}).` : 'Kept on the server; only its host is shown again.'
            }
          >
            <Input
              id="rule-url"
              type="url"
              autoComplete="off"
              value={form.url}
              onChange={(e) => set('url', e.target.value)}
              invalid={!!err('url')}
              aria-describedby={describedBy('rule-url', err('url'), true)}
            />
          </Field>
        </div>
      </div>
      {form.destination === 'webhook' && (
        <Field
          id="rule-secret"
          label="Signing secret"
          error={err('signingSecret')}
          hint={`${editing?.signed ? 'Leave empty to keep the current one. ' : ''}At least 16 characters. Receivers check x-ivs-console-signature with it (docs/alerts.md).`}
        >
          <Input
            id="rule-secret"
            type="password"
            autoComplete="new-password"
            value={form.signingSecret}
            onChange={(e) => set('signingSecret', e.target.value)}
            invalid={!!err('signingSecret')}
            aria-describedby={describedBy('rule-secret', err('signingSecret'), true)}
          />
        </Field>
      )}
      {message && (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={message.ok ? 'text-sm text-green-700 dark:text-green-400' : 'text-sm text-red-700 dark:text-red-400'}
        >
          {message.text}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" pending={pending}>
          {editing ? 'Save changes' : 'Create rule'}
        </Button>
        {editing && (
          <ButtonLink href="/alerts" variant="ghost">
            Cancel
          </ButtonLink>
        )}
      </div>
    </form>
  );
}
