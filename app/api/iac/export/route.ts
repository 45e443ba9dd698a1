import { recordAudit } from '@/lib/audit';
import { guardedRoute } from '@/lib/auth/route';
import { cloudFormationYaml } from '@/lib/iac/cloudformation';
import { readInventory } from '@/lib/ivs/inventory';
import { exportQuerySchema } from '@/lib/iac/schema';
import { terraformHcl } from '@/lib/iac/terraform';
import { consoleAccount } from '@/lib/ivs/account';
import { withinArnScope } from '@/lib/ivs/arn';
import * as z from '@/lib/zod';

// The selected channels and what they reference as CloudFormation (YAML) or Terraform (HCL), a download.
// Nothing secret is in either (stream keys are never read), so viewers may export; each export is audited.
export const GET = guardedRoute('viewer', async (req, { region, user }) => {
  const params = new URL(req.url).searchParams;
  const scope = { region, account: await consoleAccount() };
  const parsed = withinArnScope(scope, () => z.safeParse(exportQuerySchema, { format: params.get('format'), arns: params.getAll('arn') }));
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0].message, code: 'BadRequest' }, { status: 400 });
  const { format, arns } = parsed.data;
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
