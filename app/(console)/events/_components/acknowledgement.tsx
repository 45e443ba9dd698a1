'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState, useTransition } from 'react';
import { acknowledgeEventAction } from '@/app/(console)/events/actions';
import { Button } from '@/components/ui/button';
import { Time } from '@/components/ui/time';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { ConsoleEvent } from '@/lib/events/types';
import { eventKeys } from './events-query';

/** Who acknowledged the event and when; or, for an operator, the button that does it. */
export function Acknowledgement({ event, canAcknowledge }: { event: ConsoleEvent; canAcknowledge: boolean }) {
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  // Shown at once; the feed's next poll brings the same from the store.
  const [mine, setMine] = useState<{ by: string; at: number } | null>(null);
  const by = event.acknowledgedBy ?? mine?.by;
  const at = event.acknowledgedAt ?? mine?.at;

  if (by && at)
    return (
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400" data-testid="acknowledged">
        Acknowledged by {by}, <Time value={at} />
      </p>
    );
  if (!canAcknowledge) return null;
  const acknowledge = () =>
    startTransition(async () => {
      const result = await acknowledgeEventAction({ eventId: event.id });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      setMine({ by: result.data.acknowledgedBy, at: result.data.acknowledgedAt });
      await queryClient.invalidateQueries({ queryKey: eventKeys.all });
    });
  return (
    <div className="mt-1">
      <Button
        size="sm"
        variant="secondary"
        onClick={acknowledge}
        pending={pending}
        disabled={!hydrated}
        aria-label={`Acknowledge: ${event.title}`}
      >
        Acknowledge
      </Button>
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
