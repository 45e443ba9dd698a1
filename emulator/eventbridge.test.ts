import { CreateChannelCommand, IvsClient } from '@aws-sdk/client-ivs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapIvsEvent } from '@/lib/eventbridge/map';
import { createEmulator, type RunningEmulator } from './index';

// The emulator as an EventBridge rule with an API destination: each happening of a simulated stream
// arrives once, with the connection's header, in a shape the console's own intake parser accepts.

const SECRET = 'emulator-eventbridge-test-secret';
let receiver: Server;
let emulator: RunningEmulator;
let ivs: IvsClient;
const received: { header: string | undefined; body: Record<string, unknown> }[] = [];
let refuseNext = 0;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (refuseNext > 0) {
        refuseNext--;
        res.writeHead(503).end();
        return;
      }
      received.push({ header: req.headers['x-ivs-console-secret'] as string | undefined, body: JSON.parse(body) });
      res.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/intake`;
  emulator = await createEmulator({ port: 0, quiet: true, eventBridge: { url, secret: SECRET } });
  ivs = new IvsClient({ endpoint: emulator.url, region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
});
afterAll(async () => {
  ivs.destroy();
  await emulator.close();
  await new Promise((r) => receiver.close(r));
});

const control = async (path: string, body: object) => {
  const res = await fetch(`${emulator.url}/_emulator/${path}`, { method: 'POST', body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
};
const namesFor = (arn: string) =>
  received.filter((r) => (r.body.resources as string[])[0] === arn).map((r) => (r.body.detail as { event_name?: string }).event_name);

describe('EventBridge delivery from the emulator', () => {
  it('sends start, starvation and end once each, with the secret header, as the intake reads them', async () => {
    const { channel } = await ivs.send(new CreateChannelCommand({ name: 'eb-test' }));
    const arn = channel!.arn!;
    await control('streams/start', { channelArn: arn });
    await control('streams/episode', { channelArn: arn, kind: 'starve', durationSeconds: 1 });
    // One refused POST: retried on a later scan, like EventBridge after a 5xx.
    refuseNext = 1;
    await expect
      .poll(() => namesFor(arn), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['Session Created', 'Stream Start', 'Starvation Start', 'Starvation End']));
    await control('streams/stop', { channelArn: arn });
    await expect.poll(() => namesFor(arn), { timeout: 10_000 }).toContain('Session Ended');

    const mine = received.filter((r) => (r.body.resources as string[])[0] === arn);
    expect(mine.every((r) => r.header === SECRET)).toBe(true);
    // Once each, though scans run every second and one POST was refused.
    const names = namesFor(arn);
    expect(names.length).toBe(new Set(names).size);
    expect(new Set(mine.map((r) => r.body.id)).size).toBe(mine.length);

    const kinds = mine.map((r) => mapIvsEvent(r.body)).map((m) => (m.ok ? (m.event?.kind ?? 'ignored') : m.error));
    expect(kinds).toEqual(expect.arrayContaining(['stream.started', 'starvation.started', 'starvation.ended', 'stream.ended', 'ignored']));
    expect(kinds.every((k) => !k.startsWith('Not an IVS'))).toBe(true);
    const start = mine.find((r) => (r.body.detail as { event_name: string }).event_name === 'Starvation Start')!.body;
    expect(start).toMatchObject({
      version: '0',
      source: 'aws.ivs',
      account: '123456789012',
      region: 'eu-west-1',
      'detail-type': 'IVS Stream Health Change',
      detail: { channel_name: 'eb-test', stream_id: expect.stringMatching(/^st-/) },
    });
  });

  it('refuses an EventBridge URL without a secret', async () => {
    await expect(createEmulator({ port: 0, quiet: true, eventBridge: { url: 'http://127.0.0.1:1/x', secret: '' } })).rejects.toThrow(
      /needs a secret/,
    );
  });
});
