import { guardedRoute } from '@/lib/auth/route';
import { isIvsRegion } from '@/lib/ivs/regions';
import { boardPage, liveBoard } from '@/lib/live-board/board';
import { parseBoardQuery } from '@/lib/live-board/query';

// The /live health board for its 10 s polling: one page of the region's live channels ranked worst
// first. Built from the shared live snapshot and one metrics read per region (lib/live-board/board.ts),
// so any number of open pages costs the same IVS and CloudWatch calls. `region` (any IVS region; the
// console's current one when absent) serves the "All regions" view, one board per region.
export const GET = guardedRoute('viewer', async (req, { region }) => {
  const params = new URL(req.url).searchParams;
  const target = params.get('region') ?? region;
  if (!isIvsRegion(target)) return Response.json({ error: `${target} is not an IVS region.`, code: 'BadRequest' }, { status: 400 });
  params.delete('region');
  const query = parseBoardQuery(params);
  if (!query.success) return Response.json({ error: query.error.issues[0].message, code: 'BadRequest' }, { status: 400 });
  return Response.json(boardPage(await liveBoard(target), query.data.page));
});
