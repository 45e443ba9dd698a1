import { describe, expect, it, vi } from 'vitest';

// The Service Quotas client is replaced: what is tested is name matching, paging and the fallback.
const send = vi.fn();
vi.mock('./client', () => ({ serviceQuotasClient: () => ({ send }) }));
const { readAppliedQuotas, DENIED_NOTICE } = await import('./applied');

const sdkError = (name: string) => Object.assign(new Error(`${name} message`), { name, $metadata: { httpStatusCode: 400 } });

describe('readAppliedQuotas', () => {
  it('takes applied values by quota name across pages, and keeps the default for a quota not listed', async () => {
    send.mockReset();
    send
      .mockResolvedValueOnce({
        Quotas: [
          { QuotaName: 'Recording configurations', Value: 1 },
          { QuotaName: 'Something else', Value: 9 },
        ],
        NextToken: 't',
      })
      .mockResolvedValueOnce({ Quotas: [{ QuotaName: 'Channels', Value: 10_000 }] });
    const applied = await readAppliedQuotas('eu-central-1');
    expect(applied.notice).toBeUndefined();
    expect(applied.values).toMatchObject({ recordingConfigurations: 1, channels: 10_000, playbackKeyPairs: 3, concurrentViews: 15_000 });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('falls back to the defaults with the notice when ListServiceQuotas is denied', async () => {
    send.mockReset();
    send.mockRejectedValueOnce(sdkError('AccessDeniedException'));
    const applied = await readAppliedQuotas('eu-central-1');
    expect(applied.notice).toBe(DENIED_NOTICE);
    expect(applied.values.recordingConfigurations).toBe(20);
  });

  it('falls back to the defaults, naming the error, when Service Quotas fails otherwise', async () => {
    send.mockReset();
    send.mockRejectedValueOnce(sdkError('ServiceException'));
    expect((await readAppliedQuotas('eu-central-1')).notice).toMatch(/did not answer \(ServiceException\)/);
  });
});
