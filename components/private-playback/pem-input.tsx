'use client';

import { useRef, useState, type DragEvent } from 'react';
import { Button } from '@/components/ui/button';
import { describedBy, Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';

export interface PemInputProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  hint?: string;
  placeholder?: string;
  /** For a private key: do not let the browser or extensions spell-check or remember the text. */
  sensitive?: boolean;
}

// Paste, choose or drop a .pem file. The file is read locally with FileReader; nothing is uploaded
// by this component itself.
export function PemInput({ id, label, value, onChange, error, hint, placeholder, sensitive }: PemInputProps) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setReadError(null);
    if (file.size > 64 * 1024) return setReadError(`${file.name} is ${Math.round(file.size / 1024)} KB; a PEM key is a few hundred bytes.`);
    onChange(await file.text());
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void readFile(event.dataTransfer.files[0]);
  };
  const shown = readError ?? error;

  return (
    <Field id={id} label={label} error={shown} hint={hint}>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={dragging ? 'rounded-md ring-2 ring-blue-500' : undefined}
      >
        <Textarea
          id={id}
          rows={7}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder={placeholder}
          invalid={!!shown}
          aria-describedby={describedBy(id, shown, hint)}
          spellCheck={false}
          autoComplete="off"
          data-1p-ignore={sensitive || undefined}
          className="text-xs"
        />
      </div>
      <div className="flex items-center gap-2">
        <input
          ref={fileRef}
          id={`${id}-file`}
          type="file"
          accept=".pem,.pub,.key,.txt,application/x-pem-file"
          className="sr-only"
          aria-label={`Choose a .pem file: ${label}`}
          onChange={(e) => {
            void readFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <Button variant="secondary" size="sm" onClick={() => fileRef.current?.click()}>
          Choose .pem file
        </Button>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">or drop it on the box above</span>
      </div>
    </Field>
  );
}
