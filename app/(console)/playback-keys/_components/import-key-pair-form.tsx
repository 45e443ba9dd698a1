'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { issuesByPath, serverFieldErrors } from '@/components/forms/field-errors';
import { PemInput } from '@/components/private-playback/pem-input';
import { Button, ButtonLink } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { toast } from '@/components/ui/toast';
import type { ActionResult } from '@/lib/action-result';
import { importPlaybackKeyPairSchema } from '@/lib/ivs/schemas/playback-key';
import type { TagRow } from '@/lib/ivs/schemas/tags';
import { inspectPublicKey, isUsableP384PublicKey } from '@/lib/playback/inspect-public-key';
import { importPlaybackKeyPairAction } from '../actions';
import { KeyPairMetaFields } from './key-pair-meta-fields';

// Paste or drop a public key. The browser inspects it as you type and refuses to send anything that
// is not one P-384 public key — above all a private key, which never leaves this page.
export function ImportKeyPairForm() {
  const router = useRouter();
  const [pem, setPem] = useState('');
  const [name, setName] = useState('');
  const [tags, setTags] = useState<TagRow[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, setPending] = useState(false);
  // One id for everything this form submits: a second click or a retry is the same import.
  const [requestId] = useState(() => crypto.randomUUID());

  const live = pem.trim() ? inspectPublicKey(pem) : null;
  const keyError = (live && !live.ok ? live.message : null) ?? errors.publicKeyMaterial ?? null;
  const verdict = live?.ok ? 'ECDSA P-384 public key — ready to import.' : undefined;

  const submit = async () => {
    setResult(null);
    const parsed = importPlaybackKeyPairSchema.safeParse({ publicKeyMaterial: pem, name, tags });
    if (!parsed.success) return setErrors(issuesByPath(parsed.error));
    const key = inspectPublicKey(pem);
    if (!key.ok || !(await isUsableP384PublicKey(key.spki))) {
      return setErrors({ publicKeyMaterial: key.ok ? 'This P-384 public key is damaged: its point is not on the curve.' : key.message });
    }
    setErrors({});
    setPending(true);
    const res = await importPlaybackKeyPairAction({ ...parsed.data, requestId });
    setPending(false);
    if (!res.ok) {
      setResult(res);
      return setErrors(serverFieldErrors(res.fieldErrors));
    }
    toast(`Imported playback key pair ${res.data.name || res.data.id}.`, { tone: 'success' });
    router.push(`/playback-keys/${res.data.id}`);
  };

  return (
    <form
      className="max-w-3xl space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <PemInput
        id="publicKeyMaterial"
        label="Public key (PEM)"
        value={pem}
        onChange={setPem}
        error={keyError}
        hint={verdict ?? 'ECDSA P-384 only, -----BEGIN PUBLIC KEY-----. Never paste a private key.'}
        placeholder={'-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----'}
      />
      <KeyPairMetaFields name={name} onName={setName} tags={tags} onTags={setTags} errors={errors} />
      <FormError result={result} />
      <div className="flex gap-2">
        <Button type="submit" variant="primary" pending={pending} disabled={!!(live && !live.ok)}>
          Import key pair
        </Button>
        <ButtonLink href="/playback-keys">Cancel</ButtonLink>
      </div>
    </form>
  );
}
