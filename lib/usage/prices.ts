import 'server-only';
import { readFileSync } from 'node:fs';
import { env } from '@/lib/env';
import { parsePriceFile, type PriceFile } from './price-schema';

// Read once per process: prices change by redeploying with another file. A bad file is not fatal to
// the console (the rest of it works); the usage page shows the error so the operator can fix it.
let loaded: { prices: PriceFile | null; error: string | null } | undefined;

export function operatorPrices(): { prices: PriceFile | null; error: string | null } {
  if (loaded) return loaded;
  const path = env.IVS_PRICE_FILE;
  if (!path) return (loaded = { prices: null, error: null });
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return (loaded = { prices: null, error: `IVS_PRICE_FILE (${path}) could not be read as JSON: ${(e as Error).message}` });
  }
  const parsed = parsePriceFile(raw);
  return (loaded = parsed.ok
    ? { prices: parsed.prices, error: null }
    : { prices: null, error: `IVS_PRICE_FILE (${path}): ${parsed.error}` });
}
