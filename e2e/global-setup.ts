import { mkdirSync } from 'node:fs';
import { externalBaseUrl } from './servers';
import { warmUp } from './warm-up';

// Runs once the servers answer (Playwright starts them first; each began with an empty DATA_DIR,
// see e2e/fresh-data-dir.mjs), before the first test.
export default async function globalSetup() {
  mkdirSync('e2e/.auth', { recursive: true });
  if (externalBaseUrl) return;
  await warmUp();
}
