import { beforeEach, describe, expect, it, vi } from 'vitest';
import { as, harness as h } from '@/test/action-harness';

const SECRET = 'sk_us-west-2_abcdEFGHijkl_THEVALUE0123456789abcdefghij';
const CHANNEL = 'arn:aws:ivs:us-west-2:123456789012:channel/AbCdEfGh1234';
const KEY = 'arn:aws:ivs:us-west-2:123456789012:stream-key/KeYkEyKeY123';

const actions = await import('./actions');

beforeEach(() => {
  vi.clearAllMocks();
  h.send.mockResolvedValue({
    streamKey: { arn: KEY, channelArn: CHANNEL, value: SECRET },
    channel: { arn: CHANNEL, srt: { passphrase: SECRET } },
  });
  h.auditStrict.mockResolvedValue(undefined);
});

describe('stream key actions', () => {
  it('refuse a viewer before any IVS call, for every secret and key action', async () => {
    as('viewer');
    const calls = [
      actions.revealStreamKeyAction({ channelArn: CHANNEL, streamKeyArn: KEY }),
      actions.copyStreamKeyAction({ channelArn: CHANNEL, streamKeyArn: KEY }),
      actions.revealSrtPassphraseAction({ channelArn: CHANNEL }),
      actions.copySrtPassphraseAction({ channelArn: CHANNEL }),
      actions.rotateStreamKeyAction({ channelArn: CHANNEL, expectedKeyArn: KEY, stopStream: false }),
      actions.disableIngestAction({ channelArn: CHANNEL, expectedKeyArn: KEY }),
      actions.createStreamKeyAction({ channelArn: CHANNEL }),
    ];
    for (const result of await Promise.all(calls)) expect(result).toMatchObject({ ok: false, code: 'Forbidden' });
    expect(h.send).not.toHaveBeenCalled();
  });

  it('refuse every way to a secret to a sign-in older than an hour, before any IVS call, and say why', async () => {
    as('operator', Date.now() - 61 * 60_000);
    const calls = [
      actions.revealStreamKeyAction({ channelArn: CHANNEL, streamKeyArn: KEY }),
      actions.copyStreamKeyAction({ channelArn: CHANNEL, streamKeyArn: KEY }),
      actions.revealSrtPassphraseAction({ channelArn: CHANNEL }),
      actions.copySrtPassphraseAction({ channelArn: CHANNEL }),
    ];
    for (const result of await Promise.all(calls))
      expect(result).toMatchObject({ ok: false, code: 'SignInAgain', error: expect.stringMatching(/Sign in again/) });
    expect(h.send).not.toHaveBeenCalled();
    expect(
      JSON.stringify(await actions.rotateStreamKeyAction({ channelArn: CHANNEL, expectedKeyArn: KEY, stopStream: false })),
    ).not.toContain('SignInAgain');
  });

  it('reveal returns the value to an operator and audits the ARN, never the value', async () => {
    as('operator');
    const result = await actions.revealStreamKeyAction({ channelArn: CHANNEL, streamKeyArn: KEY });
    expect(result).toEqual({ ok: true, data: { value: SECRET } });
    expect(h.auditStrict).toHaveBeenCalledWith(
      expect.objectContaining({ action: 'stream-key.reveal', resourceArn: KEY, outcome: 'success' }),
    );
    expect(JSON.stringify([h.auditStrict.mock.calls, h.audit.mock.calls])).not.toContain('THEVALUE');
  });

  it('refuses the reveal when the audit record cannot be written', async () => {
    as('admin');
    h.auditStrict.mockRejectedValue(new Error('disk full'));
    const result = await actions.copySrtPassphraseAction({ channelArn: CHANNEL });
    expect(result).toMatchObject({ ok: false, code: 'AuditUnavailable' });
    expect(JSON.stringify(result)).not.toContain('THEVALUE');
  });

  it('refuses a key that belongs to another channel', async () => {
    as('operator');
    const other = CHANNEL.replace('AbCdEfGh1234', 'ZzZzZzZz9999');
    const result = await actions.revealStreamKeyAction({ channelArn: other, streamKeyArn: KEY });
    expect(result).toMatchObject({ ok: false, code: 'KeyMismatch' });
    expect(JSON.stringify(result)).not.toContain('THEVALUE');
  });
});
