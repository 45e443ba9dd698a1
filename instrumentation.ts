// Runs once when the server starts: a bad configuration stops the console with a readable message
// instead of failing on the first request (invalid env vars; aws mode without AUTH_SECRET).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  try {
    const { env } = await import('@/lib/env');
    const { resolveAuthSecret } = await import('@/lib/auth/secret');
    resolveAuthSecret({ secret: env.AUTH_SECRET, mode: env.mode, dataDir: env.DATA_DIR });
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
