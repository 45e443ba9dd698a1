// Started by bench/time-to-notify.ts with --conditions=react-server (lib/ modules are `import 'server-only'`),
// before the console starts on the same DATA_DIR (the embedded store is one process's at a time): one
// alert rule, every channel, starvation.started to a signed webhook, no quiet period, sealed under
// the console's AUTH_SECRET (passed in) as the console seals its own.
import path from 'node:path';
import { createRule } from '../lib/alerts/rules';
import { openStore } from '../lib/store';

async function main(): Promise<void> {
  const [dataDir, url, secret, authSecret] = process.argv.slice(2);
  const db = await openStore({ dir: path.join(dataDir, 'store') });
  await createRule(
    db,
    {
      id: 'bench-time-to-notify',
      name: 'bench: starvation',
      kinds: ['starvation.started'],
      minSeverity: 'info',
      tagKey: null,
      tagValue: null,
      destination: 'webhook',
      url,
      signingSecret: secret,
      quietMinutes: 0,
      createdBy: 'bench',
    },
    new Date(),
    [authSecret],
  );
  await db.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
