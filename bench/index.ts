import { run as channelList } from './channel-list';
import { run as bulkTag } from './bulk-tag';
import { run as emulator } from './emulator';
import { run as audit } from './audit';
import { run as load } from './load';
import { run as liveBoard } from './live-board';
import { run as overview } from './overview';
import { run as pageWeight } from './page-weight';
import { run as timeToNotify } from './time-to-notify';

// Every bench module exports run(), which prints its own figures. Add new benches to this list.
const benches: Array<[string, () => Promise<void>]> = [
  ['emulator', emulator],
  ['channel-list', channelList],
  ['bulk-tag', bulkTag],
  ['audit', audit],
  ['load', load],
  ['live-board', liveBoard],
  ['overview', overview],
  ['page-weight', pageWeight],
  ['time-to-notify', timeToNotify],
];

// `npm run bench -- audit` (or any names) runs only those sections.
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const unknown = only.filter((n) => !benches.some(([name]) => name === n));
  if (unknown.length) throw new Error(`unknown bench ${unknown.join(', ')}; known: ${benches.map(([n]) => n).join(', ')}`);
  for (const [name, run] of benches.filter(([n]) => !only.length || only.includes(n))) {
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
