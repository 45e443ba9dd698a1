// Runs once when the server starts. The check lives in a Node-only module so the edge bundle never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  await (await import('./lib/startup-check')).checkStartup();
  // Not awaited: the server answers at once; the first channel list finds warm caches (see warm-up.ts).
  const [{ env }, { warmRegion }] = await Promise.all([import('./lib/env'), import('./lib/ivs/warm-up')]);
  warmRegion(env.defaultRegion);
  // Not awaited either: opening the store imports an old audit.jsonl once, which can take a while.
  import('./lib/audit/startup')
    .then((m) => m.startAuditStore())
    .catch((error: Error) => console.error(`[store] could not start: ${error.message}`));
  // Alert notifications for new events (lib/alerts/dispatcher.ts); its first run waits one interval.
  const alerts = import('./lib/alerts/startup');
  alerts.then((m) => m.startAlerts()).catch((error: Error) => console.error(`[alerts] could not start: ${error.message}`));
  // The event feed's retention and watcher (lib/events/startup.ts): it runs with no page open, and what
  // it records is dispatched at once rather than at the dispatcher's next tick.
  Promise.all([import('./lib/events/startup'), alerts])
    .then(([events, { kickDispatch }]) => events.startEvents(() => void kickDispatch()))
    .catch((error: Error) => console.error(`[events] could not start: ${error.message}`));
  // Bulk jobs (lib/jobs/server.ts): advanced whenever there are any; the claims make it safe beside
  // other instances, the cron route and open job pages.
  import('./lib/jobs/server')
    .then((m) => m.startJobsLoop())
    .catch((error: Error) => console.error(`[jobs] could not start: ${error.message}`));
}
