import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const env = vi.hoisted(() => ({ IVS_PRICE_FILE: undefined as string | undefined }));
vi.mock('@/lib/env', () => ({ env }));

const dir = mkdtempSync(path.join(tmpdir(), 'prices-'));
const file = (name: string, body: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, body);
  return p;
};

describe('operatorPrices', () => {
  beforeEach(() => vi.resetModules());

  it('has no prices and no error without IVS_PRICE_FILE', async () => {
    env.IVS_PRICE_FILE = undefined;
    const { operatorPrices } = await import('./prices');
    expect(operatorPrices()).toEqual({ prices: null, error: null });
  });

  it('loads a valid file, with defaults for what it leaves out', async () => {
    env.IVS_PRICE_FILE = file('ok.json', JSON.stringify({ currency: 'EUR', default: { inputPerHour: { STANDARD: 2 } } }));
    const { operatorPrices } = await import('./prices');
    expect(operatorPrices()).toEqual({
      prices: { currency: 'EUR', default: { inputPerHour: { STANDARD: 2 }, deliveredPerHour: 0, recordedPerHour: 0 }, regions: {} },
      error: null,
    });
  });

  it('says where a bad file is wrong', async () => {
    env.IVS_PRICE_FILE = file('bad.json', JSON.stringify({ currency: 'EUR', default: { deliveredPerHour: -1 } }));
    const { operatorPrices } = await import('./prices');
    expect(operatorPrices().error).toMatch(/bad\.json\): default\.deliveredPerHour: /);
    env.IVS_PRICE_FILE = file('broken.json', '{');
    vi.resetModules();
    expect((await import('./prices')).operatorPrices().error).toMatch(/could not be read as JSON/);
  });
});
