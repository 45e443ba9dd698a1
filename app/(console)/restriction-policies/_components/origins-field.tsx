'use client';

import { useState } from 'react';
import { describedBy, Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';
import { originProblem, parseOrigins } from '@/lib/ivs/schemas/restriction-policy';

const HINT =
  'One per line, as browsers send the Origin header: scheme, host and optional port, no path (https://example.com, http://localhost:8080). Leave empty to allow every origin.';

/** Allowed origins as a text box, one per line; each invalid line is listed with its reason as you type. */
export function OriginsField({
  value,
  onChange,
  onBlur,
  error,
}: {
  value: string[];
  onChange: (origins: string[]) => void;
  onBlur: () => void;
  error?: string;
}) {
  const [text, setText] = useState(value.join('\n'));
  const origins = parseOrigins(text);
  const problems = origins.map((o) => [o, originProblem(o)] as const).filter(([, p]) => p);
  const listId = 'rp-origins-problems';

  return (
    <Field id="rp-origins" label="Allowed origins" hint={HINT} error={problems.length ? undefined : error}>
      <Textarea
        id="rp-origins"
        rows={4}
        value={text}
        invalid={problems.length > 0 || !!error}
        aria-describedby={[describedBy('rp-origins', problems.length ? undefined : error, HINT), problems.length ? listId : null]
          .filter(Boolean)
          .join(' ')}
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseOrigins(e.target.value));
        }}
        onBlur={onBlur}
      />
      {problems.length > 0 && (
        <ul id={listId} role="alert" aria-label="Invalid origins" className="space-y-0.5 text-sm text-red-700 dark:text-red-400">
          {problems.map(([origin, problem]) => (
            <li key={origin}>
              <span className="font-mono">{origin}</span>: {problem}
            </li>
          ))}
        </ul>
      )}
      {origins.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">All origins allowed.</p>}
    </Field>
  );
}
