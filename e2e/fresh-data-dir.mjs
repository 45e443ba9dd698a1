// Empties a console's DATA_DIR just before its e2e server starts, so every run begins with no audit
// records, no saved preferences and a new embedded store. Not in globalSetup: Playwright starts the
// servers first, and the embedded store must never lose its files under a running server.
import { mkdirSync, rmSync } from 'node:fs';

for (const dir of process.argv.slice(2)) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}
