// Child process for durability.test.ts: writes audit records to the embedded store in `argv[2]` in
// bursts of ten, and prints each record's id only once append() has resolved (acknowledged).
import { randomUUID } from 'node:crypto';
import { createSqlAuditStore } from '@/lib/audit/sql-store';
import { openStore } from '@/lib/store';

async function main(): Promise<never> {
  const db = await openStore({ dir: process.argv[2] });
  const audit = createSqlAuditStore(async () => db);
  process.stdout.write('ready\n');
  for (;;) {
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        const id = randomUUID();
        await audit.append({
          id,
          at: new Date().toISOString(),
          user: 'kill@local.test',
          role: 'admin',
          region: 'us-west-2',
          action: 'channel.create',
          outcome: 'success',
        });
        process.stdout.write(`${id}\n`);
      }),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
