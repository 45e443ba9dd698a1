import { guardedRoute } from '@/lib/auth/route';
import { loadUsageReport } from '@/lib/usage/load';
import { usageCsv } from '@/lib/usage/report';

// The usage report as CSV: the same settings (search params) and the same rows as /usage. A read,
// so like the page it is open to every signed-in role and changes nothing.
export const GET = guardedRoute('viewer', async (req, { region }) => {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const report = await loadUsageReport(params, region);
  if (!report.ok) {
    const message = Object.entries(report.fieldErrors)
      .map(([field, m]) => `${field}: ${m}`)
      .join(' ');
    return Response.json({ error: message, code: 'BadRequest' }, { status: 400 });
  }
  const body = usageCsv(report.rows, report.search.group, report.prices?.currency ?? null);
  const stamp = report.window.start.toISOString().slice(0, 16).replace(/:/g, '-');
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="ivs-usage-${report.search.group}-${stamp}.csv"`,
    },
  });
});
