import { run as channelList } from './channel-list';
import { run as bulkTag } from './bulk-tag';
import { run as emulator } from './emulator';

// Every bench module exports run(), which prints its own figures. Add new benches to this list.
const benches: Array<[string, () => Promise<void>]> = [['emulator', emulator], ['channel-list', channelList], ['bulk-tag', bulkTag]];

async function main(): Promise<void> {
  for (const [name, run] of benches) {
    const t0 = performance.now();
    await run();
    console.log(`(${name} bench took ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
