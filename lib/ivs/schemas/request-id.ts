import * as z from '@/lib/zod';

/**
 * The id a create form makes once (crypto.randomUUID) and sends with every submit of the same form,
 * so a double submit or a retry is recognised as one request (lib/requests/run-once.ts).
 */
export const requestIdSchema = z.uuid({ message: 'This form is out of date. Reload the page and try again.' });
