import { guardedRoute } from '@/lib/auth/route';
import { readEventsPage } from '@/lib/events/feed';
import { eventsViewFromSearchParams } from '@/lib/events/search-params';

// The event feed for client polling (/events): the same filters as the page's URL, checked the same way.
export const GET = guardedRoute('viewer', async (req, { region }) => {
  const view = eventsViewFromSearchParams(new URL(req.url).searchParams);
  if (Object.keys(view.errors).length) {
    return Response.json({ error: 'Some filters are not valid.', code: 'ValidationException', fieldErrors: view.errors }, { status: 400 });
  }
  return Response.json(await readEventsPage(region, view));
});
