import { afterAll, beforeAll, expect } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { IvsClient, IvsServiceException } from '@aws-sdk/client-ivs';
import type { FaultScope } from '../fault-scope';
import { createEmulator, type EmulatorOptions, type RunningEmulator } from '../index';

export const REGION = 'us-west-2';
export const ACCOUNT = '123456789012';
export const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

// Value formats of the real service (API reference examples), shared by several files.
export const ID = '[A-Za-z0-9]{12}';
export const arnPattern = (type: string, region = REGION, account = ACCOUNT) =>
  new RegExp(`^arn:aws:ivs:${region}:${account}:${type}/${ID}$`);

export interface ClientOptions {
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

// maxAttempts 1: a fault or a throttle must reach the test, not be retried away.
export function ivsClient(url: string, options: ClientOptions = {}): IvsClient {
  return new IvsClient({
    endpoint: url,
    region: options.region ?? REGION,
    credentials: options.credentials ?? CREDENTIALS,
    maxAttempts: 1,
  });
}

export interface ControlResponse {
  status: number;
  body: unknown;
}

// The emulator's unsigned control API (/_emulator/...).
export class Control {
  constructor(private readonly url: string) {}

  async call(method: string, path: string, body?: unknown): Promise<ControlResponse> {
    const res = await fetch(`${this.url}/_emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed };
  }

  async ok(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await this.call(method, path, body);
    if (res.status < 200 || res.status > 299) {
      throw new Error(`control ${method} ${path} -> ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body;
  }

  startStream(
    channelArn: string,
    extra: { health?: string; viewerCount?: number; ingest?: Record<string, unknown>; startedSecondsAgo?: number } = {},
  ) {
    return this.ok('POST', 'streams/start', { channelArn, ...extra });
  }
  // Degrades the live stream's simulated signal (and so its CloudWatch metrics) for a while.
  episode(channelArn: string, episode: { kind: string; value?: number; durationSeconds: number; startOffsetSeconds?: number }) {
    return this.ok('POST', 'streams/episode', { channelArn, ...episode });
  }
  stopStream(channelArn: string) {
    return this.ok('POST', 'streams/stop', { channelArn });
  }
  setViewers(channelArn: string, extra: { health?: string; viewerCount?: number }) {
    return this.ok('POST', 'streams/viewers', { channelArn, ...extra });
  }
  async requests(): Promise<Record<string, number>> {
    return (await this.ok('GET', 'requests')) as Record<string, number>;
  }
  async throttled(): Promise<Record<string, number>> {
    return (await this.ok('GET', 'requests/throttled')) as Record<string, number>;
  }
  resetRequests() {
    return this.ok('POST', 'requests/reset');
  }
  reset() {
    return this.ok('POST', 'reset');
  }
  injectFault(operation: string, error: string, count: number, scope: FaultScope = {}, when: 'before' | 'after' = 'before') {
    return this.ok('POST', 'faults', { operation, error, count, ...scope, when });
  }
  clearFaults(operation?: string, scope: FaultScope = {}) {
    const query = new URLSearchParams(Object.entries({ operation, ...scope }).filter((e): e is [string, string] => e[1] !== undefined));
    return this.ok('DELETE', query.size ? `faults?${query}` : 'faults');
  }
  // The response shape is not fixed by the brief: accept a bare list or the first list in an object.
  async revocations(channelArn: string): Promise<Record<string, unknown>[]> {
    const body = await this.ok('GET', `revocations?channelArn=${encodeURIComponent(channelArn)}`);
    if (Array.isArray(body)) return body;
    const list = Object.values((body ?? {}) as Record<string, unknown>).find(Array.isArray);
    return (list ?? []) as Record<string, unknown>[];
  }
}

export interface EmulatorEnv {
  readonly emulator: RunningEmulator;
  readonly url: string;
  readonly ivs: IvsClient;
  readonly control: Control;
  client(options?: ClientOptions): IvsClient;
}

// One emulator per test file: started in beforeAll, closed in afterAll.
export function setupEmulator(options: EmulatorOptions = {}): EmulatorEnv {
  let emulator: RunningEmulator | undefined;
  let ivs: IvsClient | undefined;
  const extra: IvsClient[] = [];
  const need = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('emulator not started (use inside a test)');
    return v;
  };
  beforeAll(async () => {
    emulator = await createEmulator({ port: 0, quiet: true, ...options });
    ivs = ivsClient(emulator.url);
  });
  afterAll(async () => {
    ivs?.destroy();
    extra.forEach((c) => c.destroy());
    await emulator?.close();
  });
  return {
    get emulator() {
      return need(emulator);
    },
    get url() {
      return need(emulator).url;
    },
    get ivs() {
      return need(ivs);
    },
    get control() {
      return new Control(need(emulator).url);
    },
    client(clientOptions?: ClientOptions) {
      const c = ivsClient(need(emulator).url, clientOptions);
      extra.push(c);
      return c;
    },
  };
}

// Awaits a rejection, checks its SDK exception class (and HTTP status), returns it for more checks.
export async function rejects<T extends IvsServiceException>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => T,
  status?: number,
): Promise<T> {
  let outcome: unknown;
  try {
    outcome = await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(type);
    if (status !== undefined) expect((err as T).$metadata?.httpStatusCode).toBe(status);
    return err as T;
  }
  throw new Error(`expected ${type.name}, but the call succeeded with ${JSON.stringify(outcome)}`);
}

// IVS errors carry their text in `exceptionMessage`; fall back to the SDK's `message`.
export function messageOf(err: unknown): string {
  const e = err as { exceptionMessage?: string; message?: string };
  return e.exceptionMessage ?? e.message ?? '';
}

export function ecPublicKeyPem(curve: 'secp384r1' | 'prime256v1' = 'secp384r1'): string {
  return generateKeyPairSync('ec', { namedCurve: curve }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

export function ecPrivateKeyPem(): string {
  return generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

export function rsaPublicKeyPem(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Polls until check() stops throwing, or rethrows its last error after timeoutMs.
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 5000, stepMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await sleep(stepMs);
    }
  }
}

export function tagsOf(n: number, prefix = 'k'): Record<string, string> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, `v${i}`]));
}
