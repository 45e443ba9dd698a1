import { mkdirSync, rmSync } from 'node:fs';
import { E2E_AWS_DATA_DIR, E2E_DATA_DIR, externalBaseUrl } from './servers';
import { warmUp } from './warm-up';

// Playwright starts the web servers before this runs, so the directory is emptied, not removed:
// the servers keep a valid DATA_DIR and the audit log and preferences start clean.
export default async function globalSetup() {
  mkdirSync('e2e/.auth', { recursive: true });
  if (externalBaseUrl) return;
  for (const dir of [E2E_DATA_DIR, E2E_AWS_DATA_DIR]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  await warmUp();
}
