import { recordAudit } from '@/lib/audit';
import { guardedRoute } from '@/lib/auth/route';
import { cloudFormationYaml } from '@/lib/iac/cloudformation';
import { readInventory } from '@/lib/ivs/inventory';
import { exportFormatSchema, exportQuerySchema, MAX_MATCHING_EXPORT_CHANNELS } from '@/lib/iac/schema';
import { parseChannelQuery } from '@/lib/channel-list/filter';
import { channelQueryProblem, matchingChannels } from '@/lib/channel-list/matching-channels';
import { terraformHcl } from '@/lib/iac/terraform';
import { consoleAccount } from '@/lib/ivs/account';
import { withinArnScope } from '@/lib/ivs/arn';
import * as z from '@/lib/zod';

const badRequest = (error: string) => Response.json({ error, code: 'BadRequest' }, { status: 400 });

/** `all=1` with the channel list's filter: the ARNs of every channel it matches, or why not. */
async function matchingArns(region: string, params: URLSearchParams): Promise<string[] | string> {
  const query = parseChannelQuery(params);
  const problem = await channelQueryProblem(region, query);
  if (problem) return problem;
  // As many pages as the CSV export reads (10,000 channels): a tag filter may match few of many.
  const { channels, truncated } = await matchingChannels(region, query, { maxPages: 100 });
  if (truncated || channels.length > MAX_MATCHING_EXPORT_CHANNELS)
    return `${truncated ? 'More than 10,000 channels were read' : `${channels.length} channels match`}: export at most ${MAX_MATCHING_EXPORT_CHANNELS} at once. Narrow the filter, or export a selection.`;
  if (!channels.length) return 'No channel matches the filter.';
  return channels.map((c) => c.arn);
}

// The selected channels (arn=…), or every channel the list's filter matches (all=1 and the list's
// query), and what they reference, as CloudFormation (YAML) or Terraform (HCL), a download. Nothing
// secret is in either (stream keys are never read), so viewers may export; each export is audited.
export const GET = guardedRoute('viewer', async (req, { region, user }) => {
  const params = new URL(req.url).searchParams;
  let format: z.infer<typeof exportFormatSchema>;
  let arns: string[];
  if (params.get('all') === '1') {
    const parsedFormat = z.safeParse(exportFormatSchema, params.get('format'));
    if (!parsedFormat.success) return badRequest(parsedFormat.error.issues[0].message);
    const matching = await matchingArns(region, params);
    if (typeof matching === 'string') return badRequest(matching);
    [format, arns] = [parsedFormat.data, matching];
  } else {
    const scope = { region, account: await consoleAccount() };
    const parsed = withinArnScope(scope, () =>
      z.safeParse(exportQuerySchema, { format: params.get('format'), arns: params.getAll('arn') }),
    );
    if (!parsed.success) return badRequest(parsed.error.issues[0].message);
    ({ format, arns } = parsed.data);
  }
  const inventory = await readInventory(region, [...new Set(arns)]);
  const [body, extension, type] =
    format === 'cloudformation'
      ? [cloudFormationYaml(inventory), 'yaml', 'application/yaml']
      : [terraformHcl(inventory), 'tf', 'text/plain'];
  await recordAudit({ user: user.email, role: user.role, region, action: `iac.export-${format}`, outcome: 'success' });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return new Response(body, {
    headers: {
      'content-type': `${type}; charset=utf-8`,
      'content-disposition': `attachment; filename="ivs-${region}-${stamp}.${extension}"`,
    },
  });
});
