'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { describedBy, Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { ActionResult } from '@/lib/action-result';
import type { Difference } from '@/lib/iac/compare';
import { compareExportAction } from './actions';

const KIND = { changed: 'Changed', missing: 'Gone from IVS', 'not-in-file': 'Not in the file' } as const;
const shortArn = (arn: string) => arn.split(':').slice(5).join(':');

/** Paste or choose an exported file; the answer is what differs from the account now, resource by resource. */
export function CompareForm() {
  const [text, setText] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ format: string; resources: number; differences: Difference[] } | null>(null);

  async function compare() {
    setPending(true);
    const out: ActionResult<{ format: string; resources: number; differences: Difference[] }> = await compareExportAction({ text }).catch(
      () => ({
        ok: false as const,
        error: 'The console could not reach the server.',
      }),
    );
    setPending(false);
    if (!out.ok) {
      setError(out.fieldErrors?.text?.[0] ?? out.error);
      return setResult(null);
    }
    setError(null);
    setResult(out.data);
  }

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void compare();
      }}
    >
      <Field id="export-file" label="Exported file (CloudFormation YAML or Terraform)" error={error}>
        <input
          type="file"
          accept=".yaml,.yml,.tf,text/plain"
          aria-label="Choose an exported file"
          className="block text-sm"
          onChange={(e) => void e.target.files?.[0]?.text().then(setText)}
        />
        <Textarea
          id="export-file"
          rows={10}
          value={text}
          invalid={!!error}
          aria-describedby={describedBy('export-file', error)}
          onChange={(e) => setText(e.target.value)}
          className="font-mono text-xs"
        />
      </Field>
      <Button type="submit" pending={pending}>
        Compare with the account
      </Button>
      {result && (
        <section aria-labelledby="compare-result" className="space-y-2">
          <h2 id="compare-result" className="text-base font-semibold">
            {result.differences.length
              ? `${result.differences.length} difference${result.differences.length === 1 ? '' : 's'} in ${result.resources} resources`
              : `No difference: the ${result.resources} resources are as the file says`}
          </h2>
          {result.differences.length > 0 && (
            <Table aria-label="Differences">
              <THead>
                <TR>
                  <TH>Resource</TH>
                  <TH>What</TH>
                  <TH>Property</TH>
                  <TH>In the file</TH>
                  <TH>In IVS now</TH>
                </TR>
              </THead>
              <TBody>
                {result.differences.map((d, i) => (
                  <TR key={i}>
                    <TD className="font-mono text-xs">{shortArn(d.arn)}</TD>
                    <TD>{KIND[d.kind]}</TD>
                    <TD className="font-mono text-xs">{d.property ?? ''}</TD>
                    <TD className="font-mono text-xs break-all">{d.file ?? ''}</TD>
                    <TD className="font-mono text-xs break-all">{d.live ?? ''}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </section>
      )}
    </form>
  );
}
