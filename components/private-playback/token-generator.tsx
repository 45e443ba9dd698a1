'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { CopyButton } from '@/components/ui/copy-button';
import { describedBy, Field } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
import { buildPlaybackClaims, playbackUrlWithToken, signPlaybackToken, type PlaybackClaims } from '@/lib/playback/playback-token';
import { importSigningKey, inspectPrivateKey } from '@/lib/playback/private-key';
import { EXPIRY_PRESETS } from '@/lib/playback/token-options';
import { requestTestPlayback, useTestPlayerPresent } from '@/components/test-player/playback-request';
import { PemInput } from './pem-input';
import { Time } from '@/components/ui/time';
import { useHydrated } from '@/components/ui/use-hydrated';

type Output = { token: string; url: string; claims: PlaybackClaims };

// The form's checks (zod) load on the first Generate: the page opens without them.
const loadTokenSchema = () => import('@/lib/playback/token-schema').then((m) => m.playbackTokenSchema);
const ORIGIN_HINT =
  'Optional. Restricts browser playback to these origins, e.g. https://watch.example.com (commas for several; https://*.example.com allowed).';
const VIEWER_HINT = 'Optional, at most 40 characters. Needed to revoke this viewer later; IVS then accepts at most 10 minutes of expiry.';

// Signs an IVS playback token entirely in this browser: the private key is read into a
// non-extractable CryptoKey and no request is made (no server action, no IVS call).
export function TokenGenerator({
  channelArn,
  playbackUrl,
  testPlayer = false,
}: {
  channelArn: string;
  playbackUrl: string;
  testPlayer?: boolean;
}) {
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const playerShown = useTestPlayerPresent(channelArn);
  const hydrated = useHydrated();
  const [pem, setPem] = useState('');
  const [expiry, setExpiry] = useState('60');
  const [custom, setCustom] = useState('');
  const [origin, setOrigin] = useState('');
  const [strict, setStrict] = useState(false);
  const [viewerId, setViewerId] = useState('');
  const [version, setVersion] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [output, setOutput] = useState<Output | null>(null);
  const [pending, setPending] = useState(false);

  const keyCheck = pem.trim() ? inspectPrivateKey(pem) : null;
  const keyError = (keyCheck && !keyCheck.ok ? keyCheck.message : null) ?? errors.privateKey;

  const generate = async () => {
    setOutput(null);
    const minutes = expiry === 'custom' ? Number(custom || NaN) : Number(expiry);
    const playbackTokenSchema = await loadTokenSchema().catch(() => null);
    if (!playbackTokenSchema) {
      setErrors({ privateKey: 'The console could not load the token checks. Nothing was signed; try again.' });
      return;
    }
    const parsed = playbackTokenSchema.safeParse({
      channelArn,
      expiresInMinutes: minutes,
      allowedOrigin: origin,
      strictOriginEnforcement: strict,
      viewerId,
      viewerSessionVersion: version.trim() === '' ? undefined : Number(version),
    });
    const next: Record<string, string> = {};
    parsed.error?.issues.forEach((i) => (next[String(i.path[0])] ??= i.message));
    const key = inspectPrivateKey(pem);
    if (!key.ok) next.privateKey = key.message;
    setErrors(next);
    if (!parsed.success || !key.ok) return;
    setPending(true);
    try {
      const claims = buildPlaybackClaims(parsed.data);
      const token = await signPlaybackToken(claims, await importSigningKey(key.pkcs8));
      setOutput({ token, url: playbackUrlWithToken(playbackUrl, token), claims });
    } catch (error) {
      setErrors({ privateKey: error instanceof Error ? error.message : 'The token could not be signed.' });
    } finally {
      setPending(false);
    }
  };

  // Disabled until hydrated: a key pasted into server HTML would be dropped when React takes over.
  return (
    <fieldset disabled={!hydrated} className="min-w-0 space-y-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        The private key stays in this browser: the token is signed here with WebCrypto and nothing is sent to the console or to IVS.
      </p>
      <PemInput
        id={id('privateKey')}
        label="Private key (PEM) of a key pair imported in this region"
        value={pem}
        onChange={setPem}
        error={keyError}
        hint="-----BEGIN PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY----- (ECDSA P-384). Kept in memory only."
        placeholder={'-----BEGIN PRIVATE KEY-----\n…\n-----END PRIVATE KEY-----'}
        sensitive
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id('expiry')} label="Expires in" error={errors.expiresInMinutes}>
          <Select
            id={id('expiry')}
            value={expiry}
            onChange={(e) => setExpiry(e.target.value)}
            invalid={!!errors.expiresInMinutes}
            aria-describedby={describedBy(id('expiry'), errors.expiresInMinutes)}
          >
            {EXPIRY_PRESETS.map((p) => (
              <option key={p.minutes} value={String(p.minutes)}>
                {p.label}
              </option>
            ))}
            <option value="custom">Custom (minutes)</option>
          </Select>
        </Field>
        {expiry === 'custom' && (
          <Field id={id('custom')} label="Minutes until expiry">
            <Input id={id('custom')} type="number" min={1} value={custom} onChange={(e) => setCustom(e.target.value)} />
          </Field>
        )}
      </div>
      <Field id={id('origin')} label="Allowed origin" error={errors.allowedOrigin} hint={ORIGIN_HINT}>
        <Input
          id={id('origin')}
          value={origin}
          onChange={(e) => setOrigin(e.target.value)}
          placeholder="https://watch.example.com"
          invalid={!!errors.allowedOrigin}
          aria-describedby={describedBy(id('origin'), errors.allowedOrigin, ORIGIN_HINT)}
        />
      </Field>
      <Checkbox
        id={id('strict')}
        label="Strict origin enforcement"
        description="IVS checks the Origin header on every playlist and segment request, not only the first."
        checked={strict}
        onChange={(e) => setStrict(e.target.checked)}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id('viewer')} label="Viewer id" error={errors.viewerId} hint={VIEWER_HINT}>
          <Input
            id={id('viewer')}
            value={viewerId}
            onChange={(e) => setViewerId(e.target.value)}
            maxLength={64}
            invalid={!!errors.viewerId}
            aria-describedby={describedBy(id('viewer'), errors.viewerId, VIEWER_HINT)}
          />
        </Field>
        <Field
          id={id('version')}
          label="Viewer session version"
          error={errors.viewerSessionVersion}
          hint="Optional whole number; defaults to 0."
        >
          <Input
            id={id('version')}
            type="number"
            min={0}
            value={version}
            onChange={(e) => setVersion(e.target.value)}
            invalid={!!errors.viewerSessionVersion}
            aria-describedby={describedBy(id('version'), errors.viewerSessionVersion, 'hint')}
          />
        </Field>
      </div>
      <Button variant="primary" onClick={() => void generate()} pending={pending}>
        Generate token
      </Button>
      {output && (
        <TokenOutput
          output={output}
          idPrefix={uid}
          onPlay={testPlayer || playerShown ? () => requestTestPlayback(channelArn, output.token) : undefined}
        />
      )}
    </fieldset>
  );
}

function TokenOutput({ output, idPrefix, onPlay }: { output: Output; idPrefix: string; onPlay?: () => void }) {
  return (
    <div className="space-y-3 rounded-md border border-zinc-200 p-4 dark:border-zinc-800" data-testid="token-output">
      <Field id={`${idPrefix}-token`} label="Playback token">
        <Textarea id={`${idPrefix}-token`} readOnly rows={4} value={output.token} className="text-xs break-all" />
      </Field>
      <div className="flex flex-wrap gap-2">
        <CopyButton value={output.token} label="Copy token" />
        {onPlay && (
          <Button variant="secondary" size="sm" onClick={onPlay}>
            Play with this token
          </Button>
        )}
      </div>
      <Field id={`${idPrefix}-url`} label="Playback URL with token">
        <Textarea id={`${idPrefix}-url`} readOnly rows={3} value={output.url} className="text-xs break-all" />
      </Field>
      <CopyButton value={output.url} label="Copy URL" />
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Expires <Time value={output.claims.exp * 1000} />. Claims: <code className="break-all">{JSON.stringify(output.claims)}</code>
      </p>
    </div>
  );
}
