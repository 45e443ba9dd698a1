'use client';

import { useId, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { describedBy, Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { Input, Textarea } from '@/components/ui/input';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { ActionResult } from '@/lib/action-result';
import { useLazyModule } from '@/components/forms/use-lazy-module';
import type { RevocationItemResult } from '@/lib/ivs/viewer-revocation';
import { REVOCATION_BATCH_SIZE } from '@/lib/playback/limits';
import type { ParsedViewerList } from '@/lib/playback/viewer-list';
import { batchRevokeViewerSessionsAction, revokeViewerSessionAction } from './actions';

const LIST_HINT =
  'One viewer id per line, optionally followed by ",version" to revoke sessions up to that version. Lines starting with # are skipped.';

/** Single and batch viewer-session revocation for one private channel (operator and above). */
// The checks (zod) load when a form is first used, not with the page.
const loadRevocationSchema = () => import('@/lib/ivs/schemas/playback-key').then((m) => m.revokeViewerSessionSchema);
const loadViewerList = () => import('@/lib/playback/viewer-list');
const NOTHING_PARSED: ParsedViewerList = { sessions: [], problems: [] };

export function ViewerRevocationForm({ channelArn }: { channelArn: string }) {
  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <SingleRevocation channelArn={channelArn} />
      <BatchRevocation channelArn={channelArn} />
    </div>
  );
}

function SingleRevocation({ channelArn }: { channelArn: string }) {
  const uid = useId();
  const [viewerId, setViewerId] = useState('');
  const [version, setVersion] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<ActionResult<{ viewerId: string }> | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async () => {
    setResult(null);
    const revokeViewerSessionSchema = await loadRevocationSchema().catch(() => null);
    if (!revokeViewerSessionSchema) {
      setErrors({ viewerId: 'The console could not load the form checks. Nothing was sent; try again.' });
      return;
    }
    const parsed = revokeViewerSessionSchema.safeParse({
      channelArn,
      viewerId,
      viewerSessionVersion: version.trim() === '' ? undefined : Number(version),
    });
    const next: Record<string, string> = {};
    parsed.error?.issues.forEach((i) => (next[String(i.path[0])] ??= i.message));
    setErrors(next);
    if (!parsed.success) return;
    setPending(true);
    setResult(await revokeViewerSessionAction(parsed.data));
    setPending(false);
  };

  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 className="font-medium">Revoke one viewer</h3>
      <Field id={`${uid}-viewer`} label="Viewer id" error={errors.viewerId}>
        <Input
          id={`${uid}-viewer`}
          value={viewerId}
          onChange={(e) => setViewerId(e.target.value)}
          invalid={!!errors.viewerId}
          aria-describedby={describedBy(`${uid}-viewer`, errors.viewerId)}
        />
      </Field>
      <Field
        id={`${uid}-version`}
        label="Up to session version (optional)"
        error={errors.viewerSessionVersion}
        hint="Revokes every session of this viewer with a version less than or equal to this (default 0)."
      >
        <Input
          id={`${uid}-version`}
          type="number"
          min={0}
          value={version}
          onChange={(e) => setVersion(e.target.value)}
          invalid={!!errors.viewerSessionVersion}
          aria-describedby={describedBy(`${uid}-version`, errors.viewerSessionVersion, 'hint')}
        />
      </Field>
      <FormError result={result} />
      {result?.ok && (
        <p role="status" className="text-sm text-green-800 dark:text-green-300">
          IVS started revoking the sessions of viewer <span className="font-mono">{result.data.viewerId}</span>.
        </p>
      )}
      <Button type="submit" variant="danger" pending={pending}>
        Revoke viewer
      </Button>
    </form>
  );
}

function BatchRevocation({ channelArn }: { channelArn: string }) {
  const uid = useId();
  const [text, setText] = useState('');
  const [results, setResults] = useState<RevocationItemResult[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [failure, setFailure] = useState<ActionResult<unknown> | null>(null);
  const viewerList = useLazyModule(loadViewerList);
  const parsed = viewerList.loaded?.parseViewerList(text) ?? NOTHING_PARSED;
  const listError = parsed.problems.length ? `Line ${parsed.problems[0].line}: ${parsed.problems[0].message}` : undefined;

  const submit = async () => {
    setResults([]);
    setFailure(null);
    // Sessions are parsed only once the list module has loaded.
    const list = viewerList.loaded;
    if (!list || parsed.sessions.length === 0 || parsed.problems.length) return;
    const all: RevocationItemResult[] = [];
    setProgress({ done: 0, total: parsed.sessions.length });
    // One action (one BatchStartViewerSessionRevocation call) per 20, so progress is visible.
    for (const group of list.chunk(parsed.sessions, REVOCATION_BATCH_SIZE)) {
      const res = await batchRevokeViewerSessionsAction({ channelArn, sessions: group });
      if (!res.ok) {
        setFailure(res);
        all.push(...group.map((g) => ({ ...g, ok: false, code: res.code, message: res.error })));
      } else all.push(...res.data.results);
      setResults([...all]);
      setProgress({ done: all.length, total: parsed.sessions.length });
    }
    setProgress(null);
  };

  const started = results.filter((r) => r.ok).length;
  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 className="font-medium">Revoke many viewers</h3>
      <Field id={`${uid}-list`} label="Viewer ids" error={listError} hint={LIST_HINT}>
        <Textarea
          id={`${uid}-list`}
          rows={6}
          value={text}
          onFocus={() => void viewerList.load().catch(() => undefined)}
          onChange={(e) => setText(e.target.value)}
          invalid={!!listError}
          aria-describedby={describedBy(`${uid}-list`, listError, LIST_HINT)}
          placeholder={'viewer-1\nviewer-2,3'}
        />
      </Field>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {parsed.sessions.length} viewer{parsed.sessions.length === 1 ? '' : 's'} ready
        {parsed.sessions.length > REVOCATION_BATCH_SIZE
          ? `, sent in ${Math.ceil(parsed.sessions.length / REVOCATION_BATCH_SIZE)} batches of up to ${REVOCATION_BATCH_SIZE}`
          : ''}
        .
      </p>
      <Button type="submit" variant="danger" pending={!!progress} disabled={parsed.sessions.length === 0 || !!listError}>
        {parsed.sessions.length ? `Revoke ${parsed.sessions.length} viewer${parsed.sessions.length === 1 ? '' : 's'}` : 'Revoke viewers'}
      </Button>
      {progress && (
        <p role="status">
          Revoking… {progress.done} of {progress.total} done
        </p>
      )}
      <FormError result={failure} />
      {results.length > 0 && (
        <div className="space-y-2">
          <p role="status" className="text-sm">
            {started} started, {results.length - started} failed.
          </p>
          <Table aria-label="Revocation results">
            <THead>
              <TR>
                <TH>Viewer id</TH>
                <TH>Up to version</TH>
                <TH>Result</TH>
              </TR>
            </THead>
            <TBody>
              {results.map((r) => (
                <TR key={r.viewerId}>
                  <TD className="font-mono text-xs">{r.viewerId}</TD>
                  <TD>{r.viewerSessionVersion ?? 0}</TD>
                  <TD>
                    {r.ok ? (
                      <Badge tone="green">Revocation started</Badge>
                    ) : (
                      <span>
                        <Badge tone="red">Failed</Badge> <span className="text-xs">{r.message}</span>
                      </span>
                    )}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </div>
      )}
    </form>
  );
}
