import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

// env is read once at import, so each case loads the module fresh under its own variables.
async function originWith(vars: Record<string, string | undefined>): Promise<string | null> {
  vi.resetModules();
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v as string);
  const { localEmulatorOrigin } = await import('./playback-endpoint');
  return localEmulatorOrigin();
}

afterEach(() => vi.unstubAllEnvs());

describe('localEmulatorOrigin', () => {
  it('is the loopback emulator port in local mode', async () => {
    expect(await originWith({ IVS_MODE: 'local', IVS_LOCAL_PORT: '4700', IVS_ENDPOINT: undefined })).toBe('http://127.0.0.1:4700');
  });

  it('follows IVS_ENDPOINT in local mode, like the IVS client does', async () => {
    expect(await originWith({ IVS_MODE: 'local', IVS_ENDPOINT: 'http://emulator.internal:4599/' })).toBe('http://emulator.internal:4599');
  });

  it('is null against real AWS', async () => {
    expect(await originWith({ IVS_MODE: 'aws', AWS_REGION: 'us-west-2', IVS_ENDPOINT: 'http://127.0.0.1:4599' })).toBeNull();
  });
});
