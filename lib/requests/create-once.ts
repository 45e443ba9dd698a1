import 'server-only';
import { ActionError } from '@/lib/auth/action';
import { store } from '@/lib/store';
import { RequestInProgress, RequestMismatch, runOnce, type CreateRequest } from '@/lib/requests/run-once';

/** runOnce on the console's store, for a server action: a refused repeat reads as the action's answer. */
export async function createOnce<T>(request: CreateRequest, create: () => Promise<T>): Promise<T> {
  try {
    return await runOnce(await store(), request, create);
  } catch (error) {
    if (error instanceof RequestInProgress || error instanceof RequestMismatch) throw new ActionError(error.message, error.name);
    throw error;
  }
}
