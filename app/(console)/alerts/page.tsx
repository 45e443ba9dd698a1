import type { Metadata } from 'next';
import { DeliveriesTable } from '@/app/(console)/alerts/_components/deliveries-table';
import { IntakeCounts } from '@/app/(console)/alerts/_components/intake-counts';
import { RuleForm } from '@/app/(console)/alerts/_components/rule-form';
import { RulesTable } from '@/app/(console)/alerts/_components/rules-table';
import { PageHeader } from '@/components/ui/page-header';
import { recentDeliveries } from '@/lib/alerts/deliveries';
import { listRules, summarize } from '@/lib/alerts/rules';
import { requireUser } from '@/lib/auth/session';
import { intakeCounts } from '@/lib/eventbridge/intake-counters';
import { env } from '@/lib/env';
import { store } from '@/lib/store';

export const metadata: Metadata = { title: 'Alerts' };

// Admin only. Rules reach the client as summaries (summarize): the destination's host, never its URL
// or signing secret, so neither is in the HTML or the RSC payload.
// `?edit=<rule id>` opens the form on that rule; `?saved=<name>` says an edit was saved.
export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser('admin');
  const db = await store();
  const [rules, deliveries, intake] = await Promise.all([listRules(db), recentDeliveries(db, 50), intakeCounts(db)]);
  const { edit, saved } = await searchParams;
  const summaries = rules.map(summarize);
  const editing = summaries.find((r) => r.id === edit);
  const dispatch = env.ALERTS_DISPATCH_SECONDS;
  return (
    <>
      <PageHeader
        title="Alerts"
        description={`Which events notify whom. Notifications go out ${dispatch > 0 ? `within about ${dispatch} s of an event` : 'never: ALERTS_DISPATCH_SECONDS is 0'}; a rule notifies once per channel per quiet period. Times are UTC.`}
      />
      <div className="space-y-10">
        <section aria-labelledby="rules-heading" className="space-y-4">
          <h2 id="rules-heading" className="text-lg font-semibold text-zinc-900 dark:text-zinc-100">
            Rules
          </h2>
          {typeof saved === 'string' && !editing && (
            <p role="status" className="text-sm text-green-700 dark:text-green-400">
              Rule &ldquo;{saved}&rdquo; saved.
            </p>
          )}
          <RulesTable rules={summaries} />
          <RuleForm key={editing?.id ?? 'new'} editing={editing} />
        </section>
        <section aria-labelledby="deliveries-heading" className="space-y-4">
          <h2 id="deliveries-heading" className="text-lg font-semibold text-zinc-900 dark:text-zinc-100">
            Recent deliveries
          </h2>
          <DeliveriesTable rows={deliveries} />
        </section>
        <section aria-labelledby="intake-heading" className="space-y-4">
          <h2 id="intake-heading" className="text-lg font-semibold text-zinc-900 dark:text-zinc-100">
            EventBridge intake
          </h2>
          <IntakeCounts
            enabled={!!env.EVENTBRIDGE_SECRET}
            counts={intake.map((c) => ({ ...c, lastAt: c.lastAt?.toISOString() ?? null }))}
          />
        </section>
      </div>
    </>
  );
}
