import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { ReadError } from '@/components/ui/read-error';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { hasRole } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { describeIvsError } from '@/lib/ivs/errors';
import { currentRegion } from '@/lib/auth/region';
import { countChannelsByRestrictionPolicy, listAllRestrictionPolicies, type RestrictionPolicyDto } from '@/lib/ivs/restriction-policies';
import { CountriesSummary, OriginsSummary } from '../_components/policy-summary';

export const metadata = { title: 'Restriction policies' };

export default async function RestrictionPoliciesPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requireUser('viewer');
  const region = await currentRegion();
  const { q = '' } = await searchParams;

  let policies: RestrictionPolicyDto[];
  let counts: Record<string, string>;
  try {
    policies = await listAllRestrictionPolicies(region);
    counts = await countChannelsByRestrictionPolicy(
      region,
      policies.map((p) => p.arn),
    );
  } catch (error) {
    return <ReadError title="Restriction policies could not be loaded" message={describeIvsError(error).message} />;
  }
  const needle = q.trim().toLowerCase();
  const shown = policies
    .filter((p) => !needle || p.name.toLowerCase().includes(needle) || p.id.includes(needle))
    .sort((a, b) => (a.name || a.id).localeCompare(b.name || b.id));
  const canCreate = hasRole(user.role, 'operator');
  const create = canCreate && (
    <ButtonLink variant="primary" href="/restriction-policies/new">
      Create restriction policy
    </ButtonLink>
  );

  return (
    <>
      <PageHeader
        title="Restriction policies"
        description={`Playback restriction policies in ${region}: which countries and origin sites may play the channels that use them.`}
        actions={create}
      />
      {policies.length === 0 ? (
        <EmptyState title="No restriction policies" description="Create one to limit playback by country or website." action={create} />
      ) : (
        <div className="space-y-4">
          <form method="get" role="search" className="flex items-end gap-2">
            <div className="w-64">
              <label htmlFor="rp-filter-q" className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
                Search
              </label>
              <Input id="rp-filter-q" name="q" defaultValue={q} placeholder="Name or id" />
            </div>
            <Button type="submit" variant="secondary">
              Filter
            </Button>
            {q && (
              <Link href="/restriction-policies" className="self-center text-sm text-blue-700 hover:underline dark:text-blue-400">
                Clear
              </Link>
            )}
          </form>
          <Table aria-label="Restriction policies">
            <THead>
              <TR>
                <TH>Name</TH>
                <TH>Allowed countries</TH>
                <TH>Allowed origins</TH>
                <TH>Strict origins</TH>
                <TH className="text-right">Channels</TH>
              </TR>
            </THead>
            <TBody>
              {shown.map((p) => (
                <TR key={p.arn}>
                  <TD>
                    <Link href={`/restriction-policies/${p.id}`} className="font-medium text-blue-700 hover:underline dark:text-blue-400">
                      {p.name || <span className="italic">(unnamed) {p.id}</span>}
                    </Link>
                  </TD>
                  <TD>
                    <CountriesSummary codes={p.allowedCountries} />
                  </TD>
                  <TD>
                    <OriginsSummary origins={p.allowedOrigins} />
                  </TD>
                  <TD>{p.enableStrictOriginEnforcement ? <Badge tone="blue">On</Badge> : <Badge>Off</Badge>}</TD>
                  <TD className="text-right tabular-nums">{counts[p.arn] ?? 0}</TD>
                </TR>
              ))}
              {shown.length === 0 && (
                <TR>
                  <TD colSpan={5} className="text-center text-zinc-600">
                    No policy matches “{q}”.
                  </TD>
                </TR>
              )}
            </TBody>
          </Table>
        </div>
      )}
    </>
  );
}
