import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The secret that encrypts session cookies. AUTH_SECRET wins; in local mode a random one is kept in
 * `${dataDir}/auth-secret` so sessions survive restarts (scripts/start.mjs writes the same file).
 * In aws mode there is no safe fallback, so a missing secret stops the console.
 */
export function resolveAuthSecret(opts: { secret?: string; mode: 'local' | 'aws'; dataDir: string }): string {
  if (opts.secret) return opts.secret;
  if (opts.mode === 'aws') {
    throw new Error(
      'Invalid environment configuration:\n  - AUTH_SECRET: required when IVS_MODE=aws (generate one with `openssl rand -base64 33`)',
    );
  }
  const file = path.join(opts.dataDir, 'auth-secret');
  const saved = readSecret(file);
  if (saved) return saved;
  mkdirSync(opts.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    // 'wx': if another process created it first, use theirs so both agree.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    const theirs = readSecret(file);
    if (theirs) return theirs;
    throw error;
  }
}

function readSecret(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
