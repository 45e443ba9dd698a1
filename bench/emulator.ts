import { readFileSync } from 'node:fs';
import { CreateChannelCommand, GetChannelCommand, IvsClient, ListChannelsCommand } from '@aws-sdk/client-ivs';
import { pool, startEmulatorCli, stopProcess } from './processes';
import { printTable, percentile, type Row } from './report';

const CHANNELS = 5000;
const CONCURRENCY = 50;
const GET_CALLS = 500;
const LIST_CALLS = 200;

function procStatusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return line ? Number(line.replace(/\D+/g, '')) : NaN;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

// Emulator bench: 5,000 channels, GetChannel and ListChannels latency, RSS of the emulator process.
export async function run(): Promise<void> {
  console.log(`\n## emulator: ${CHANNELS} channels, real @aws-sdk/client-ivs over HTTP, emulator CLI in a child process`);
  const { child, url } = await startEmulatorCli();
  const ivs = new IvsClient({
    endpoint: url,
    region: 'us-west-2',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  try {
    const emptyRssMb = procStatusKb(child.pid!, 'VmRSS') / 1024;
    const arns: string[] = new Array(CHANNELS);
    const createMs = await timed(() =>
      pool(CHANNELS, CONCURRENCY, async (i) => {
        arns[i] = (await ivs.send(new CreateChannelCommand({ name: `bench-${i}` }))).channel!.arn!;
      }),
    );

    const pick = () => arns[Math.floor(Math.random() * arns.length)];
    for (let i = 0; i < 50; i++) await ivs.send(new GetChannelCommand({ arn: pick() }));
    const getMs: number[] = [];
    for (let i = 0; i < GET_CALLS; i++) getMs.push(await timed(() => ivs.send(new GetChannelCommand({ arn: pick() }))));

    const listMs: number[] = [];
    let nextToken: string | undefined;
    let walks = 0;
    let walked = 0;
    while (listMs.length < LIST_CALLS) {
      const t0 = performance.now();
      const out = await ivs.send(new ListChannelsCommand({ maxResults: 100, nextToken }));
      listMs.push(performance.now() - t0);
      walked += out.channels!.length;
      nextToken = out.nextToken || undefined;
      if (!nextToken) walks++;
    }
    await new Promise((r) => setTimeout(r, 500));
    const rssMb = procStatusKb(child.pid!, 'VmRSS') / 1024;
    const peakMb = procStatusKb(child.pid!, 'VmHWM') / 1024;

    const rows: Row[] = [
      {
        metric: `CreateChannel x${CHANNELS} (${CONCURRENCY} in flight)`,
        value: `${(createMs / 1000).toFixed(2)} s (${Math.round(CHANNELS / (createMs / 1000))}/s)`,
      },
      {
        metric: `GetChannel p50 (${GET_CALLS} calls, random)`,
        value: `${percentile(getMs, 50).toFixed(2)} ms`,
        target: '< 5 ms',
        pass: percentile(getMs, 50) < 5,
      },
      { metric: 'GetChannel p99', value: `${percentile(getMs, 99).toFixed(2)} ms` },
      {
        metric: `ListChannels max 100 p50 (${LIST_CALLS} pages, ${walks} full walks, ${walked} items)`,
        value: `${percentile(listMs, 50).toFixed(2)} ms`,
        target: '< 5 ms',
        pass: percentile(listMs, 50) < 5,
      },
      { metric: 'ListChannels max 100 p99', value: `${percentile(listMs, 99).toFixed(2)} ms` },
      { metric: 'emulator RSS, empty (VmRSS)', value: `${emptyRssMb.toFixed(1)} MB` },
      { metric: `emulator RSS with ${CHANNELS} channels (VmRSS)`, value: `${rssMb.toFixed(1)} MB`, target: '< 150 MB', pass: rssMb < 150 },
      { metric: 'emulator peak RSS (VmHWM)', value: `${peakMb.toFixed(1)} MB` },
    ];
    printTable(rows);
  } finally {
    ivs.destroy();
    await stopProcess(child);
  }
}
