import 'server-only';
import { resolveAuthSecret } from '@/lib/auth/secret';

/**
 * Called once at server start (instrumentation.ts): a bad configuration stops the console with a
 * readable message instead of failing on the first request (invalid env vars; aws mode without AUTH_SECRET).
 */
export async function checkStartup(): Promise<void> {
  try {
    const { env } = await import('@/lib/env'); // validating the environment happens on import
    resolveAuthSecret({ secret: env.AUTH_SECRET, mode: env.mode, dataDir: env.DATA_DIR });
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
