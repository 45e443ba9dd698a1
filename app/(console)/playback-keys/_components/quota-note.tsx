import { PLAYBACK_KEY_PAIR_QUOTA } from '@/lib/ivs/schemas/playback-key';

/** "2 of 3 used", and why Import/Generate are off when the region is full. */
export function QuotaNote({ used, region }: { used: number; region: string }) {
  const full = used >= PLAYBACK_KEY_PAIR_QUOTA;
  return (
    <p
      data-testid="key-pair-quota"
      className={
        full
          ? 'rounded-md border border-yellow-500/50 bg-yellow-50 px-3 py-2 text-sm text-yellow-950 dark:bg-yellow-950/40 dark:text-yellow-100'
          : 'text-sm text-zinc-600 dark:text-zinc-400'
      }
    >
      <span className="font-medium">
        {used} of {PLAYBACK_KEY_PAIR_QUOTA} used
      </span>{' '}
      in {region}.{full && ' IVS allows 3 playback key pairs per region, so Import and Generate are off until one is deleted.'}
    </p>
  );
}
