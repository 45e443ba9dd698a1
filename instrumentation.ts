// Runs once when the server starts. The check lives in a Node-only module so the edge bundle never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') await (await import('./lib/startup-check')).checkStartup();
}
