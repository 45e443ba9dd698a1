// Client-safe, pure: the price file an operator may give (IVS_PRICE_FILE). The console has no prices
// of its own: they differ by region, change, and are negotiated, so any figure is the operator's.
import { z } from 'zod';
import { CHANNEL_TYPES } from './catalogue';

const rate = z.number().nonnegative().finite();
const typeRates = z
  .object(
    Object.fromEntries(CHANNEL_TYPES.map((t) => [t, rate.optional()])) as Record<
      (typeof CHANNEL_TYPES)[number],
      z.ZodOptional<typeof rate>
    >,
  )
  .strict();

const rates = z
  .object({
    /** Per hour of input, by channel type. */
    inputPerHour: typeRates.default({}),
    /** Per hour of video delivered to viewers (one viewer for one hour = one hour). */
    deliveredPerHour: rate.default(0),
    /** Per hour recorded (IVS itself does not charge it; S3 storage may be put here). */
    recordedPerHour: rate.default(0),
  })
  .strict();

export const priceFileSchema = z
  .object({
    currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be a three-letter code such as USD'),
    default: rates,
    /** Rates for a region that differ from `default` (each field falls back to `default`'s). */
    regions: z.record(z.string(), rates.partial()).default({}),
  })
  .strict();
export type PriceFile = z.infer<typeof priceFileSchema>;

export function parsePriceFile(raw: unknown): { ok: true; prices: PriceFile } | { ok: false; error: string } {
  const r = priceFileSchema.safeParse(raw);
  if (r.success) return { ok: true, prices: r.data };
  const issues = r.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`);
  return { ok: false, error: issues.join('; ') };
}
