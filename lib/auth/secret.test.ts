import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAuthSecret } from '@/lib/auth/secret';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'auth-secret-'));

describe('resolveAuthSecret', () => {
  it('prefers AUTH_SECRET', () => {
    expect(resolveAuthSecret({ secret: 's3cret', mode: 'aws', dataDir: '/nonexistent' })).toBe('s3cret');
  });

  it('refuses to start in aws mode without a secret', () => {
    expect(() => resolveAuthSecret({ mode: 'aws', dataDir: tempDir() })).toThrow(/AUTH_SECRET: required when IVS_MODE=aws/);
  });

  it('creates a private secret file in local mode and reuses it', () => {
    const dataDir = path.join(tempDir(), 'nested');
    const first = resolveAuthSecret({ mode: 'local', dataDir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(path.join(dataDir, 'auth-secret')).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret({ mode: 'local', dataDir })).toBe(first);
  });

  it('reads a secret written by the start script', () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, 'auth-secret'), 'from-start-script\n');
    expect(resolveAuthSecret({ mode: 'local', dataDir })).toBe('from-start-script');
    expect(readFileSync(path.join(dataDir, 'auth-secret'), 'utf8')).toBe('from-start-script\n');
  });
});
