import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { CreateChannelCommand } from '@aws-sdk/client-ivs';
import { CREDENTIALS, REGION, setupEmulator } from './helpers';

// The awsQuery form of the local CloudWatch, as clients on older models send it (the AWS CLI's
// botocore model says "protocol": "query"): a form-encoded POST signed by AWS's own SigV4 signer for
// the service `monitoring`, answered in XML.
const env = setupEmulator();

class Sha256 {
  private readonly h;
  constructor(secret?: unknown) {
    this.h = secret ? createHmac('sha256', secret as string) : createHash('sha256');
  }
  update(data: string | Uint8Array) {
    this.h.update(data);
  }
  async digest() {
    return new Uint8Array(this.h.digest());
  }
}

async function post(params: Record<string, string>): Promise<{ status: number; text: string }> {
  const url = new URL(env.url);
  const body = new URLSearchParams({ Version: '2010-08-01', ...params }).toString();
  const signer = new SignatureV4({ service: 'monitoring', region: REGION, sha256: Sha256, credentials: CREDENTIALS });
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  });
  const res = await fetch(`${env.url}/`, { method: 'POST', headers: signed.headers, body });
  return { status: res.status, text: await res.text() };
}

const values = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);

describe('CloudWatch over awsQuery', () => {
  it('GetMetricData: form in, XML out, ISO timestamps, the same values as over JSON', async () => {
    const { channel } = await env.ivs.send(new CreateChannelCommand({ name: 'query' }));
    await env.control.startStream(channel!.arn!, { startedSecondsAgo: 600, ingest: { keyframeInterval: 3 } });
    const id = channel!.arn!.split('/').pop()!;
    const end = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const q = 'MetricDataQueries.member.1.';
    const { status, text } = await post({
      Action: 'GetMetricData',
      [`${q}Id`]: 'kf',
      [`${q}MetricStat.Metric.Namespace`]: 'AWS/IVS',
      [`${q}MetricStat.Metric.MetricName`]: 'KeyframeInterval',
      [`${q}MetricStat.Metric.Dimensions.member.1.Name`]: 'Channel',
      [`${q}MetricStat.Metric.Dimensions.member.1.Value`]: id,
      [`${q}MetricStat.Period`]: '60',
      [`${q}MetricStat.Stat`]: 'Maximum',
      StartTime: new Date(end.getTime() - 5 * 60_000).toISOString(),
      EndTime: end.toISOString(),
      ScanBy: 'TimestampAscending',
    });
    expect(status).toBe(200);
    expect(text).toMatch(/^<GetMetricDataResponse xmlns="http:\/\/monitoring.amazonaws.com\/doc\/2010-08-01\/"><GetMetricDataResult>/);
    expect(values(text, 'Id')).toEqual(['kf']);
    expect(values(text, 'StatusCode')).toEqual(['Complete']);
    const stamps = values(text, 'member').filter((v) => v.includes('T'));
    expect(stamps).toHaveLength(5);
    expect(stamps[0]).toBe(new Date(end.getTime() - 5 * 60_000).toISOString());
    expect(values(text, 'member').filter((v) => !v.includes('T'))).toEqual(['3', '3', '3', '3', '3']);
    expect(values(text, 'RequestId')).toHaveLength(1);
  });

  it('answers errors as an awsQuery ErrorResponse', async () => {
    const now = Date.now();
    const { status, text } = await post({
      Action: 'GetMetricData',
      'MetricDataQueries.member.1.Id': 'a',
      'MetricDataQueries.member.1.MetricStat.Metric.Namespace': 'AWS/IVS',
      'MetricDataQueries.member.1.MetricStat.Metric.MetricName': 'IngestFramerate',
      'MetricDataQueries.member.1.MetricStat.Period': '5',
      'MetricDataQueries.member.1.MetricStat.Stat': 'Average',
      StartTime: new Date(now).toISOString(),
      EndTime: new Date(now - 60_000).toISOString(),
    });
    expect(status).toBe(400);
    expect(text).toMatch(
      /^<ErrorResponse xmlns=".*"><Error><Type>Sender<\/Type><Code>ValidationError<\/Code><Message>The parameter StartTime must be less than/,
    );
  });

  it('ListMetrics lists by dimension', async () => {
    const { channel } = await env.ivs.send(new CreateChannelCommand({ name: 'query-list' }));
    await env.control.startStream(channel!.arn!);
    const id = channel!.arn!.split('/').pop()!;
    const { status, text } = await post({
      Action: 'ListMetrics',
      Namespace: 'AWS/IVS',
      'Dimensions.member.1.Name': 'Channel',
      'Dimensions.member.1.Value': id,
    });
    expect(status).toBe(200);
    expect(values(text, 'MetricName').sort()).toEqual([
      'ConcurrentViews',
      'IngestAudioBitrate',
      'IngestFramerate',
      'IngestVideoBitrate',
      'KeyframeInterval',
      'LiveDeliveredTime',
      'LiveInputTime',
      'RecordedTime',
    ]);
  });
});
