'use client';

import { useSearchParams } from 'next/navigation';
import { buttonClasses } from '@/components/ui/button';
import { channelQueryString, parseChannelQuery } from '@/lib/channel-list/filter';
import { BulkTagButton } from '@/components/bulk-tag/bulk-tag-dialog';

/**
 * What to do with the channels the filters match: export the current view as CSV or JSON, or as
 * CloudFormation or Terraform (with what they reference), and, for operators, tag every matching channel. Reads the URL on the client, because the quick filters
 * change it without a server round trip.
 */
export function ChannelListTools({ canEdit }: { canEdit: boolean }) {
  const params = useSearchParams();
  const query = channelQueryString(parseChannelQuery(new URLSearchParams(params.toString())));
  const exportHref = (format: 'csv' | 'json') => `/api/channels/export?${new URLSearchParams([['format', format], ...query])}`;
  const codeHref = (format: 'cloudformation' | 'terraform') =>
    `/api/iac/export?${new URLSearchParams([['format', format], ['all', '1'], ...query])}`;

  return (
    <div className="flex flex-wrap items-center justify-end gap-2" role="group" aria-label="Export and bulk tagging">
      <a href={exportHref('csv')} download className={buttonClasses('secondary', 'sm')}>
        Export CSV
      </a>
      <a href={exportHref('json')} download className={buttonClasses('secondary', 'sm')}>
        Export JSON
      </a>
      <a href={codeHref('cloudformation')} download className={buttonClasses('secondary', 'sm')}>
        All as CloudFormation
      </a>
      <a href={codeHref('terraform')} download className={buttonClasses('secondary', 'sm')}>
        All as Terraform
      </a>
      {canEdit && <BulkTagButton query={query} label="Tag all matching…" />}
    </div>
  );
}
