import { beforeEach, describe, expect, it, vi } from 'vitest';

// Every region's client is the current in-memory IVS below.
const fake = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('@/lib/ivs/client', () => ({ ivsClient: () => fake.current }));

const { createStreamKey, disableIngest, getStreamKeyValue, rotateStreamKey } = await import('@/lib/ivs/stream-keys');
const REGION = 'us-west-2';

const CHANNEL = 'arn:aws:ivs:us-west-2:123456789012:channel/AbCdEfGh1234';
const OTHER_CHANNEL = 'arn:aws:ivs:us-west-2:123456789012:channel/ZzZzZzZz9999';

function ivsError(name: string) {
  return Object.assign(new Error(`${name} from fake`), { name, $metadata: { httpStatusCode: 400 } });
}

// A small in-memory IVS with IVS's one-key-per-channel quota, a call log and one-shot faults.
class FakeIvs {
  keys = new Map<string, { arn: string; channelArn: string; value: string }>();
  live = new Set<string>();
  calls: { op: string; at: number }[] = [];
  faults = new Map<string, string>();
  private n = 0;

  addKey(channelArn: string) {
    const arn = `arn:aws:ivs:us-west-2:123456789012:stream-key/key${++this.n}`;
    this.keys.set(arn, { arn, channelArn, value: `sk_us-west-2_secret${this.n}` });
    return arn;
  }
  keysOf(channelArn: string) {
    return [...this.keys.values()].filter((k) => k.channelArn === channelArn);
  }
  async send(command: { constructor: { name: string }; input: Record<string, string> }) {
    const op = command.constructor.name.replace(/Command$/, '');
    this.calls.push({ op, at: Date.now() });
    await new Promise((r) => setTimeout(r, 5)); // let concurrent callers interleave
    const fault = this.faults.get(op);
    if (fault) {
      this.faults.delete(op);
      throw ivsError(fault);
    }
    const input = command.input;
    switch (op) {
      case 'ListStreamKeys':
        return { streamKeys: this.keysOf(input.channelArn).map(({ arn, channelArn }) => ({ arn, channelArn })) };
      case 'GetStreamKey': {
        const key = this.keys.get(input.arn);
        if (!key) throw ivsError('ResourceNotFoundException');
        return { streamKey: key };
      }
      case 'DeleteStreamKey':
        if (!this.keys.delete(input.arn)) throw ivsError('ResourceNotFoundException');
        return {};
      case 'CreateStreamKey': {
        if (this.keysOf(input.channelArn).length) throw ivsError('ServiceQuotaExceededException');
        return { streamKey: this.keys.get(this.addKey(input.channelArn)) };
      }
      case 'StopStream':
        if (!this.live.delete(input.channelArn)) throw ivsError('ChannelNotBroadcasting');
        return {};
      default:
        throw new Error(`fake IVS: unexpected ${op}`);
    }
  }
  ops() {
    return this.calls.map((c) => c.op);
  }
}

let ivs: FakeIvs;
let oldKey: string;
beforeEach(() => {
  ivs = new FakeIvs();
  fake.current = ivs;
  oldKey = ivs.addKey(CHANNEL);
});

describe('rotateStreamKey', () => {
  it('replaces the key without touching an offline stream', async () => {
    const result = await rotateStreamKey(REGION, { channelArn: CHANNEL, expectedKeyArn: oldKey, stopStream: false });
    expect(result.outcome).toBe('rotated');
    expect(result.keyArn).not.toBe(oldKey);
    expect(ivs.keysOf(CHANNEL).map((k) => k.arn)).toEqual([result.keyArn]);
    expect(ivs.ops()).not.toContain('StopStream');
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it('deletes the key, then stops the live stream, then creates the new key', async () => {
    ivs.live.add(CHANNEL);
    const result = await rotateStreamKey(REGION, { channelArn: CHANNEL, expectedKeyArn: oldKey, stopStream: true });
    expect(ivs.ops()).toEqual(['ListStreamKeys', 'DeleteStreamKey', 'StopStream', 'CreateStreamKey']);
    expect(result.streamStopped).toBe(true);
    expect(ivs.live.has(CHANNEL)).toBe(false);
  });

  it('still creates the new key when the channel turned out not to be live', async () => {
    const result = await rotateStreamKey(REGION, { channelArn: CHANNEL, expectedKeyArn: oldKey, stopStream: true });
    expect(result.outcome).toBe('rotated');
    expect(result.streamStopped).toBe(false);
    expect(ivs.keysOf(CHANNEL)).toHaveLength(1);
  });

  it('does nothing destructive when someone else already rotated', async () => {
    ivs.keys.delete(oldKey);
    const theirs = ivs.addKey(CHANNEL);
    const result = await rotateStreamKey(REGION, { channelArn: CHANNEL, expectedKeyArn: oldKey, stopStream: true });
    expect(result).toMatchObject({ outcome: 'already-rotated', keyArn: theirs });
    expect(ivs.ops()).toEqual(['ListStreamKeys']);
  });

  it('survives a double click: one delete, one create, the channel keeps exactly one key', async () => {
    const input = { channelArn: CHANNEL, expectedKeyArn: oldKey, stopStream: false };
    const [a, b] = await Promise.all([rotateStreamKey(REGION, input), rotateStreamKey(REGION, input)]);
    expect(ivs.ops().filter((op) => op === 'DeleteStreamKey')).toHaveLength(1);
    expect(ivs.ops().filter((op) => op === 'CreateStreamKey')).toHaveLength(1);
    expect(a.keyArn).toBe(b.keyArn);
    expect([a.outcome, b.outcome].sort()).toEqual(['already-rotated', 'rotated']);
    expect(ivs.keysOf(CHANNEL).map((k) => k.arn)).toEqual([a.keyArn]);
  });

  it('reports NoStreamKey when the create fails after the delete, and createStreamKey recovers', async () => {
    ivs.faults.set('CreateStreamKey', 'AccessDeniedException');
    await expect(rotateStreamKey(REGION, { channelArn: CHANNEL, expectedKeyArn: oldKey, stopStream: false })).rejects.toMatchObject({
      code: 'NoStreamKey',
      message: expect.stringContaining('no stream key'),
    });
    expect(ivs.keysOf(CHANNEL)).toHaveLength(0);
    const created = await createStreamKey(REGION, CHANNEL);
    expect(created.outcome).toBe('created');
    expect(ivs.keysOf(CHANNEL)).toHaveLength(1);
  });

  it('adopts a key another console instance created between the delete and the create', async () => {
    ivs.faults.set('StopStream', 'ChannelNotBroadcasting');
    const realSend = ivs.send.bind(ivs);
    let theirs = '';
    ivs.send = async (command) => {
      if (command.constructor.name === 'CreateStreamKeyCommand' && !theirs) theirs = ivs.addKey(CHANNEL);
      return realSend(command);
    };
    const result = await rotateStreamKey(REGION, { channelArn: CHANNEL, expectedKeyArn: oldKey, stopStream: true });
    expect(result).toMatchObject({ outcome: 'rotated', keyArn: theirs });
    expect(ivs.keysOf(CHANNEL)).toHaveLength(1);
  });

  it('spaces DeleteStreamKey calls at least 200 ms apart (5 TPS)', async () => {
    const channels = [CHANNEL, OTHER_CHANNEL, CHANNEL.replace('1234', '5678')];
    channels.slice(1).forEach((c) => ivs.addKey(c));
    // The test owns the clock: on a busy machine a real one lets a call start late, which says nothing
    // about the pacing (and once made the gap look shorter than it was).
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout'] });
    try {
      const rotations = Promise.all(channels.map((channelArn) => rotateStreamKey(REGION, { channelArn, stopStream: false })));
      await vi.runAllTimersAsync();
      await rotations;
    } finally {
      vi.useRealTimers();
    }
    const deletes = ivs.calls.filter((c) => c.op === 'DeleteStreamKey').map((c) => c.at);
    expect(deletes).toHaveLength(3);
    for (let i = 1; i < deletes.length; i++) expect(deletes[i] - deletes[i - 1]).toBeGreaterThanOrEqual(200);
  });
});

describe('disableIngest and getStreamKeyValue', () => {
  it('deletes only the key the operator saw', async () => {
    const stale = 'arn:aws:ivs:us-west-2:123456789012:stream-key/stale';
    const refused = await disableIngest(REGION, { channelArn: CHANNEL, expectedKeyArn: stale });
    expect(refused.outcome).toBe('already-rotated');
    expect(ivs.keysOf(CHANNEL)).toHaveLength(1);
    const done = await disableIngest(REGION, { channelArn: CHANNEL, expectedKeyArn: oldKey });
    expect(done).toMatchObject({ outcome: 'disabled', keyArn: null });
    expect(ivs.keysOf(CHANNEL)).toHaveLength(0);
  });

  it('stops a live stream after deleting the key when asked', async () => {
    ivs.live.add(CHANNEL);
    const done = await disableIngest(REGION, { channelArn: CHANNEL, expectedKeyArn: oldKey, stopStream: true });
    expect(done).toMatchObject({ outcome: 'disabled', streamStopped: true });
    expect(ivs.ops()).toEqual(['ListStreamKeys', 'DeleteStreamKey', 'StopStream']);
  });

  it('refuses a key ARN of another channel', async () => {
    await expect(getStreamKeyValue(REGION, OTHER_CHANNEL, oldKey)).rejects.toMatchObject({ code: 'KeyMismatch' });
    await expect(getStreamKeyValue(REGION, CHANNEL, oldKey)).resolves.toMatch(/^sk_us-west-2_secret/);
  });
});
