'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { endSessionAction, endUserSessionsAction } from '@/app/(console)/sessions/actions';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';

export interface SessionRow {
  id: string;
  email: string;
  role: string;
  provider: string;
  signedInAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** The admin's own session: ending it signs them out. */
  current: boolean;
}

const utc = (iso: string) => iso.replace('T', ' ').slice(0, 19);

export function SessionsTable({ rows }: { rows: SessionRow[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const run = (work: () => Promise<{ ok: true; text: string } | { ok: false; text: string }>) =>
    startTransition(async () => {
      const out = await work();
      setMessage({ tone: out.ok ? 'ok' : 'error', text: out.text });
      router.refresh();
    });

  const endOne = (row: SessionRow) =>
    run(async () => {
      const r = await endSessionAction({ sessionId: row.id });
      if (!r.ok) return { ok: false, text: r.error };
      return { ok: true, text: r.data.ended ? `Ended a session of ${row.email}.` : `That session of ${row.email} had already ended.` };
    });

  const endAll = (row: SessionRow) =>
    run(async () => {
      const r = await endUserSessionsAction({ email: row.email });
      if (!r.ok) return { ok: false, text: r.error };
      return { ok: true, text: `Signed ${row.email} out everywhere (${r.data.ended} session${r.data.ended === 1 ? '' : 's'} ended).` };
    });

  return (
    <div className="space-y-3">
      {message && (
        <p
          role={message.tone === 'error' ? 'alert' : 'status'}
          className={message.tone === 'error' ? 'text-sm text-red-700 dark:text-red-400' : 'text-sm text-green-700 dark:text-green-400'}
        >
          {message.text}
        </p>
      )}
      <Table aria-label="Open sessions">
        <THead>
          <tr>
            <TH>User</TH>
            <TH>Role</TH>
            <TH>Signed in</TH>
            <TH>Last seen</TH>
            <TH>Provider</TH>
            <TH>
              <span className="sr-only">Actions</span>
            </TH>
          </tr>
        </THead>
        <TBody>
          {rows.map((row) => (
            <TR key={row.id} data-session-row={row.email}>
              <TD>
                {row.email} {row.current && <Badge tone="blue">this session</Badge>}
              </TD>
              <TD>{row.role}</TD>
              <TD>
                <time dateTime={row.signedInAt}>{utc(row.signedInAt)}</time>
              </TD>
              <TD>
                <time dateTime={row.lastSeenAt}>{utc(row.lastSeenAt)}</time>
              </TD>
              <TD>{row.provider}</TD>
              <TD className="text-right whitespace-nowrap">
                <div className="flex justify-end gap-2">
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={pending}
                    onClick={() => endOne(row)}
                    aria-label={`End session of ${row.email} signed in ${utc(row.signedInAt)}`}
                  >
                    End session
                  </Button>
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={pending}
                    onClick={() => endAll(row)}
                    aria-label={`Sign ${row.email} out everywhere`}
                  >
                    Sign out everywhere
                  </Button>
                </div>
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
