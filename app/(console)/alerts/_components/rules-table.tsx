'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { deleteAlertRuleAction, sendTestAlertAction, setAlertRuleEnabledAction } from '@/app/(console)/alerts/actions';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Badge } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { RuleSummary } from '@/lib/alerts/rules';

type Outcome = { ok: boolean; text: string };

export function RulesTable({ rules }: { rules: RuleSummary[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<Outcome | null>(null);
  const [deleting, setDeleting] = useState<RuleSummary | null>(null);

  const run = (work: () => Promise<Outcome>) =>
    startTransition(async () => {
      setMessage(await work());
      router.refresh();
    });

  const test = (rule: RuleSummary) =>
    run(async () => {
      const r = await sendTestAlertAction({ ruleId: rule.id });
      if (!r.ok) return { ok: false, text: r.error };
      return r.data.ok
        ? { ok: true, text: `Test notification for "${rule.name}" delivered (HTTP ${r.data.httpStatus}).` }
        : { ok: false, text: `Test notification for "${rule.name}" failed: ${r.data.error}.` };
    });
  const toggle = (rule: RuleSummary) =>
    run(async () => {
      const r = await setAlertRuleEnabledAction({ ruleId: rule.id, enabled: !rule.enabled });
      return r.ok ? { ok: true, text: `"${rule.name}" is ${r.data.enabled ? 'on' : 'off'}.` } : { ok: false, text: r.error };
    });
  const remove = (rule: RuleSummary) =>
    run(async () => {
      const r = await deleteAlertRuleAction({ ruleId: rule.id });
      setDeleting(null);
      return r.ok ? { ok: true, text: `Deleted "${rule.name}".` } : { ok: false, text: r.error };
    });

  if (rules.length === 0) return <EmptyState title="No alert rules" description="Nothing notifies anyone yet. Add a rule below." />;
  return (
    <div className="space-y-3">
      {message && (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={message.ok ? 'text-sm text-green-700 dark:text-green-400' : 'text-sm text-red-700 dark:text-red-400'}
        >
          {message.text}
        </p>
      )}
      <Table aria-label="Alert rules">
        <THead>
          <tr>
            <TH>Rule</TH>
            <TH>Events</TH>
            <TH>Channels</TH>
            <TH>Destination</TH>
            <TH>Quiet</TH>
            <TH>
              <span className="sr-only">Actions</span>
            </TH>
          </tr>
        </THead>
        <TBody>
          {rules.map((rule) => (
            <TR key={rule.id} data-rule={rule.name}>
              <TD>
                {rule.name} {!rule.enabled && <Badge>off</Badge>}
              </TD>
              <TD>
                <span className="text-xs">{rule.kinds.join(', ')}</span>
                <br />
                <span className="text-xs text-zinc-600 dark:text-zinc-400">{rule.minSeverity} and above</span>
              </TD>
              <TD>{rule.tagKey ? `tagged ${rule.tagKey}=${rule.tagValue ?? ''}` : 'all'}</TD>
              <TD>
                {rule.destination === 'slack' ? 'Slack' : 'Webhook'} <span className="font-mono text-xs">{rule.urlHost}</span>
                {rule.signed && <Badge className="ml-1">signed</Badge>}
              </TD>
              <TD>{rule.quietMinutes} min</TD>
              <TD className="text-right whitespace-nowrap">
                <div className="flex justify-end gap-2">
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={pending}
                    onClick={() => test(rule)}
                    aria-label={`Send test notification for ${rule.name}`}
                  >
                    Send test notification
                  </Button>
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={pending}
                    onClick={() => toggle(rule)}
                    aria-label={`${rule.enabled ? 'Turn off' : 'Turn on'} ${rule.name}`}
                  >
                    {rule.enabled ? 'Turn off' : 'Turn on'}
                  </Button>
                  <ButtonLink size="sm" href={`/alerts?edit=${rule.id}#rule-form`} aria-label={`Edit ${rule.name}`}>
                    Edit
                  </ButtonLink>
                  <Button
                    size="sm"
                    variant="danger"
                    disabled={pending}
                    onClick={() => setDeleting(rule)}
                    aria-label={`Delete ${rule.name}`}
                  >
                    Delete
                  </Button>
                </div>
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
      <ConfirmDialog
        open={!!deleting}
        title={`Delete the rule "${deleting?.name ?? ''}"?`}
        description="It stops notifying at once; its notifications not yet sent are dropped. The delivery history stays."
        confirmLabel="Delete rule"
        pending={pending}
        onConfirm={() => deleting && remove(deleting)}
        onCancel={() => setDeleting(null)}
      />
    </div>
  );
}
