import { guardedRoute } from '@/lib/auth/route';
import { boardPage, liveBoard } from '@/lib/live-board/board';
import { parseBoardQuery } from '@/lib/live-board/query';

// The /live health board for its 10 s polling: one page of the region's live channels ranked worst
// first. Built from the shared live snapshot and one metrics read per region (lib/live-board/board.ts),
// so any number of open pages costs the same IVS and CloudWatch calls.
export const GET = guardedRoute('viewer', async (req, { region }) => {
  const query = parseBoardQuery(new URL(req.url).searchParams);
  if (!query.success) return Response.json({ error: query.error.issues[0].message, code: 'BadRequest' }, { status: 400 });
  return Response.json(boardPage(await liveBoard(region), query.data.page));
});
