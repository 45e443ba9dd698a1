'use client';

import Link from 'next/link';
import { useState } from 'react';
import { issuesByPath, serverFieldErrors } from '@/components/forms/field-errors';
import { Button, ButtonLink } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import type { ActionResult } from '@/lib/action-result';
import { importPlaybackKeyPairSchema } from '@/lib/ivs/schemas/playback-key';
import type { TagRow } from '@/lib/ivs/schemas/tags';
import { generatePlaybackKeyPair } from '@/lib/playback/generate-key-pair';
import * as z from '@/lib/zod';
import { importPlaybackKeyPairAction } from '../actions';
import { KeyPairMetaFields } from './key-pair-meta-fields';

// The private key is created by WebCrypto, handed to the browser's download as a Blob and then
// dropped: it is never stored in state, never rendered, never sent. Only the public half is imported.
function downloadPem(fileName: string, pem: string): void {
  const url = URL.createObjectURL(new Blob([pem], { type: 'application/x-pem-file' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type Done = { id: string; name: string; fingerprint: string; fileName: string };

export function GenerateKeyPairForm() {
  const [name, setName] = useState('');
  const [tags, setTags] = useState<TagRow[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<Done | null>(null);

  const submit = async () => {
    setResult(null);
    // Validate name and tags before a key exists, so a typo does not cost a downloaded key.
    const meta = z.pick(importPlaybackKeyPairSchema, { name: true, tags: true }).safeParse({ name, tags });
    if (!meta.success) return setErrors(issuesByPath(meta.error));
    setErrors({});
    setPending(true);
    try {
      const pair = await generatePlaybackKeyPair();
      const fileName = `${meta.data.name || 'ivs-playback-key'}-private.pem`;
      downloadPem(fileName, pair.privateKeyPem);
      // Each submit generates a new key, so each is a request of its own.
      const res = await importPlaybackKeyPairAction({ publicKeyMaterial: pair.publicKeyPem, ...meta.data, requestId: crypto.randomUUID() });
      if (!res.ok) {
        setResult({ ...res, error: `${res.error} The downloaded private key (${fileName}) belongs to no imported key pair: delete it.` });
        setErrors(serverFieldErrors(res.fieldErrors));
      } else {
        setDone({ id: res.data.id, name: res.data.name, fingerprint: res.data.fingerprint, fileName });
      }
    } catch (error) {
      setResult({ ok: false, error: error instanceof Error ? error.message : 'The key pair could not be generated.' });
    } finally {
      setPending(false);
    }
  };

  if (done) {
    return (
      <div
        role="status"
        className="max-w-3xl space-y-3 rounded-md border border-green-600/40 bg-green-50 p-4 text-sm text-green-950 dark:bg-green-950/40 dark:text-green-100"
      >
        <p className="font-medium">Key pair generated and its public key imported{done.name ? ` as ${done.name}` : ''}.</p>
        <p>
          Your browser downloaded the private key as <span className="font-mono">{done.fileName}</span>. That file is the only copy: it was
          never sent to this console or to IVS, and it cannot be downloaded again. Store it where your token service runs.
        </p>
        <p className="font-mono text-xs break-all">Fingerprint {done.fingerprint}</p>
        <Link className="font-medium text-blue-700 underline dark:text-blue-400" href={`/playback-keys/${done.id}`}>
          Open the key pair
        </Link>
      </div>
    );
  }

  return (
    <form
      className="max-w-3xl space-y-5"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <KeyPairMetaFields name={name} onName={setName} tags={tags} onTags={setTags} errors={errors} />
      <FormError result={result} />
      <div className="flex gap-2">
        <Button type="submit" variant="primary" pending={pending}>
          Generate and download private key
        </Button>
        <ButtonLink href="/playback-keys">Cancel</ButtonLink>
      </div>
    </form>
  );
}
