import { z } from 'zod';

// The board's URL parameter, shared by the page (searchParams) and its polling route (client-safe).
export const MAX_BOARD_PAGE = 1000;
export const boardQuerySchema = z.object({
  page: z.coerce
    .number({ message: 'page must be a whole number from 1' })
    .int({ message: 'page must be a whole number from 1' })
    .min(1, { message: 'page must be a whole number from 1' })
    .max(MAX_BOARD_PAGE, { message: `page must be at most ${MAX_BOARD_PAGE}` })
    .default(1),
});

/** The page number a URL asks for: 1 when absent, or a message when it is not a page number. */
export function parseBoardQuery(params: URLSearchParams | { page?: string }) {
  const page = params instanceof URLSearchParams ? params.get('page') : params.page;
  return boardQuerySchema.safeParse({ page: page === null || page === '' ? undefined : page });
}
