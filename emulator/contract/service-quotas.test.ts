import { describe, expect, it } from 'vitest';
import {
  AccessDeniedException,
  GetAWSDefaultServiceQuotaCommand,
  GetServiceQuotaCommand,
  IllegalArgumentException,
  InvalidPaginationTokenException,
  ListAWSDefaultServiceQuotasCommand,
  ListServiceQuotasCommand,
  NoSuchResourceException,
  paginateListServiceQuotas,
  ServiceQuotasClient,
  type ServiceQuota,
} from '@aws-sdk/client-service-quotas';
import {
  CreateChannelCommand,
  CreateRecordingConfigurationCommand,
  CreateStreamKeyCommand,
  ImportPlaybackKeyPairCommand,
  ServiceQuotaExceededException,
} from '@aws-sdk/client-ivs';
import { ACCOUNT, CREDENTIALS, ecPublicKeyPem, REGION, rejects, setupEmulator } from './helpers';

// The local Service Quotas, driven by the real @aws-sdk/client-service-quotas (awsJson1_1, signed
// for `servicequotas`) over HTTP on the emulator's one port.
const env = setupEmulator();
const sq = (region = REGION) => new ServiceQuotasClient({ endpoint: env.url, region, credentials: CREDENTIALS, maxAttempts: 1 });
const CHANNELS = 'L-IVS00001';

async function allQuotas(client: ServiceQuotasClient, pageSize?: number): Promise<ServiceQuota[]> {
  const out: ServiceQuota[] = [];
  for await (const page of paginateListServiceQuotas({ client, pageSize }, { ServiceCode: 'ivs' })) out.push(...(page.Quotas ?? []));
  return out;
}

describe('ListServiceQuotas and GetServiceQuota for ivs', () => {
  it('lists the IVS resource quotas with their defaults, shaped as the model has them', async () => {
    const quotas = await allQuotas(sq());
    const byName = Object.fromEntries(quotas.map((q) => [q.QuotaName!, q]));
    expect(Object.keys(byName)).toEqual(
      expect.arrayContaining([
        'Channels',
        'Concurrent streams',
        'Concurrent views',
        'Playback key pairs',
        'Recording configurations',
        'Stream keys per channel',
      ]),
    );
    expect(byName['Playback key pairs']).toMatchObject({
      ServiceCode: 'ivs',
      Value: 3,
      Adjustable: false,
      Unit: 'None',
      GlobalQuota: false,
    });
    expect(byName['Recording configurations'].Value).toBe(20);
    expect(byName['Stream keys per channel'].Value).toBe(1);
    expect(byName.Channels).toMatchObject({
      QuotaCode: CHANNELS,
      Adjustable: true,
      QuotaArn: `arn:aws:servicequotas:${REGION}:${ACCOUNT}:ivs/${CHANNELS}`,
    });
  });

  it('pages with NextToken, and refuses a token it did not issue', async () => {
    const client = sq();
    const whole = await allQuotas(client);
    const paged = await allQuotas(client, 2);
    expect(paged.map((q) => q.QuotaCode)).toEqual(whole.map((q) => q.QuotaCode));
    const first = await client.send(new ListServiceQuotasCommand({ ServiceCode: 'ivs', MaxResults: 2 }));
    expect(first.Quotas).toHaveLength(2);
    expect(first.NextToken).toBeTruthy();
    await expect(client.send(new ListServiceQuotasCommand({ ServiceCode: 'ivs', NextToken: 'bm9wZQ' }))).rejects.toBeInstanceOf(
      InvalidPaginationTokenException,
    );
    await expect(client.send(new ListServiceQuotasCommand({ ServiceCode: 'ivs', MaxResults: 101 }))).rejects.toBeInstanceOf(
      IllegalArgumentException,
    );
  });

  it('reports an applied value set through the control API, per region, and the default beside it', async () => {
    await env.control.ok('POST', 'quotas', { region: 'eu-west-1', quotaCode: CHANNELS, value: 12 });
    const applied = await sq('eu-west-1').send(new GetServiceQuotaCommand({ ServiceCode: 'ivs', QuotaCode: CHANNELS }));
    expect(applied.Quota?.Value).toBe(12);
    const listed = await allQuotas(sq('eu-west-1'));
    expect(listed.find((q) => q.QuotaCode === CHANNELS)?.Value).toBe(12);
    const elsewhere = await sq().send(new GetServiceQuotaCommand({ ServiceCode: 'ivs', QuotaCode: CHANNELS }));
    expect(elsewhere.Quota?.Value).toBe(5000);
    const defaults = await sq('eu-west-1').send(new GetAWSDefaultServiceQuotaCommand({ ServiceCode: 'ivs', QuotaCode: CHANNELS }));
    expect(defaults.Quota?.Value).toBe(5000);
    const defaultList = await sq('eu-west-1').send(new ListAWSDefaultServiceQuotasCommand({ ServiceCode: 'ivs' }));
    expect(defaultList.Quotas?.find((q) => q.QuotaCode === CHANNELS)?.Value).toBe(5000);
    await env.control.ok('DELETE', `quotas?region=eu-west-1&quotaCode=${CHANNELS}`);
    expect((await sq('eu-west-1').send(new GetServiceQuotaCommand({ ServiceCode: 'ivs', QuotaCode: CHANNELS }))).Quota?.Value).toBe(5000);
  });

  it('answers an unknown service or quota with NoSuchResourceException, bad input with IllegalArgumentException', async () => {
    await expect(sq().send(new ListServiceQuotasCommand({ ServiceCode: 'ec2' }))).rejects.toBeInstanceOf(NoSuchResourceException);
    await expect(sq().send(new GetServiceQuotaCommand({ ServiceCode: 'ivs', QuotaCode: 'L-00000000' }))).rejects.toBeInstanceOf(
      NoSuchResourceException,
    );
    await expect(sq().send(new GetServiceQuotaCommand({ ServiceCode: 'ivs', QuotaCode: '-bad' }))).rejects.toBeInstanceOf(
      IllegalArgumentException,
    );
  });

  it('refuses every call with AccessDeniedException while the control API says so', async () => {
    await env.control.ok('POST', 'quotas/access', { denied: true });
    try {
      const err = await sq()
        .send(new ListServiceQuotasCommand({ ServiceCode: 'ivs' }))
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AccessDeniedException);
      expect((err as Error).message).toContain('servicequotas:ListServiceQuotas');
    } finally {
      await env.control.ok('POST', 'quotas/access', { denied: false });
    }
  });

  it('rejects a bad control request with a clear message', async () => {
    const res = await env.control.call('POST', 'quotas', { region: 'eu-west-1', quotaCode: CHANNELS, value: -1 });
    expect(res).toMatchObject({ status: 400, body: { message: '"value" must be an integer >= 0.' } });
  });
});

describe('--enforce-quotas refuses creates at the applied value (ServiceQuotaExceededException)', () => {
  const strict = setupEmulator({ enforceQuotas: true });
  // One region per test: the TPS buckets are per operation and region, so the tests never throttle.
  const setQuota = (region: string, quotaCode: string, value: number) => strict.control.ok('POST', 'quotas', { region, quotaCode, value });

  it('channels per region', async () => {
    await setQuota('us-east-1', CHANNELS, 1);
    const ivs = strict.client({ region: 'us-east-1' });
    await ivs.send(new CreateChannelCommand({}));
    await rejects(ivs.send(new CreateChannelCommand({})), ServiceQuotaExceededException, 402);
  });

  it('playback key pairs', async () => {
    await setQuota('eu-central-1', 'L-IVS00004', 1);
    const ivs = strict.client({ region: 'eu-central-1' });
    await ivs.send(new ImportPlaybackKeyPairCommand({ publicKeyMaterial: ecPublicKeyPem() }));
    await rejects(ivs.send(new ImportPlaybackKeyPairCommand({ publicKeyMaterial: ecPublicKeyPem() })), ServiceQuotaExceededException, 402);
  });

  it('recording configurations', async () => {
    await setQuota('ap-south-1', 'L-IVS00005', 1);
    const ivs = strict.client({ region: 'ap-south-1' });
    const create = () =>
      ivs.send(new CreateRecordingConfigurationCommand({ destinationConfiguration: { s3: { bucketName: 'quota-test-bucket' } } }));
    await create();
    await rejects(create(), ServiceQuotaExceededException, 402);
  });

  it('stream keys per channel', async () => {
    await setQuota('ap-northeast-2', 'L-IVS00007', 2);
    const ivs = strict.client({ region: 'ap-northeast-2' });
    const { channel } = await ivs.send(new CreateChannelCommand({}));
    await ivs.send(new CreateStreamKeyCommand({ channelArn: channel!.arn }));
    await rejects(ivs.send(new CreateStreamKeyCommand({ channelArn: channel!.arn })), ServiceQuotaExceededException, 402);
  });
});
