import 'server-only';
import { ActionError } from '@/lib/auth/action';
import { outcomeUnknown } from '@/lib/ivs/create-adopting';
import { store } from '@/lib/store';
import { RequestInProgress, RequestMismatch, runOnce, type CreateRequest, type CreateWork } from '@/lib/requests/run-once';

/**
 * runOnce on the console's store for an IVS create in a server action: a repeat of the request gets
 * the first run's answer, and a refused repeat reads as the action's answer.
 */
export async function createOnce<T>(request: CreateRequest, work: Omit<CreateWork<T>, 'outcomeUnknown'>): Promise<T> {
  try {
    // The console's own refusal (ActionError) never reached IVS: nothing was made.
    return await runOnce(await store(), request, {
      ...work,
      outcomeUnknown: (error) => !(error instanceof ActionError) && outcomeUnknown(error),
    });
  } catch (error) {
    if (error instanceof RequestInProgress || error instanceof RequestMismatch) throw new ActionError(error.message, error.name);
    throw error;
  }
}
