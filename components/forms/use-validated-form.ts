'use client';

import { useState } from 'react';
import * as z from '@/lib/zod';
import type { ActionResult } from '@/lib/action-result';

/**
 * Form values checked against the same zod schema the server action enforces: a field's error shows
 * once it was touched or a submit was tried, and server field errors show until the field changes.
 * Values are never reset on failure, so the user's input survives a refused submit.
 */
export function useValidatedForm<S extends z.ZodMiniType<Record<string, unknown>>>(schema: S, initial: z.input<S>) {
  const [values, setValues] = useState<z.input<S>>(initial);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string[] | undefined>>({});

  const parsed = schema.safeParse(values);
  const clientErrors = parsed.success ? {} : (z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>);

  const set = <K extends keyof z.input<S>>(field: K, value: z.input<S>[K]) => {
    setValues((v) => ({ ...(v as object), [field]: value }) as z.input<S>);
    setServerErrors((e) => ({ ...e, [field as string]: undefined }));
  };

  /** All messages for a field, joined (the bucket name can break several rules at once). */
  const error = (field: keyof z.input<S> & string): string | undefined => {
    const messages = serverErrors[field] ?? (touched[field] || submitted ? clientErrors[field] : undefined);
    return messages?.length ? [...new Set(messages)].join(' ') : undefined;
  };

  return {
    values,
    set,
    error,
    touch: (field: keyof z.input<S> & string) => setTouched((t) => ({ ...t, [field]: true })),
    /** Marks the form submitted; returns the parsed input, or null when a field still needs attention. */
    check: (): z.infer<S> | null => {
      setSubmitted(true);
      return parsed.success ? parsed.data : null;
    },
    applyResult: (result: ActionResult<unknown>) => {
      if (!result.ok && result.fieldErrors) setServerErrors(result.fieldErrors);
    },
  };
}
