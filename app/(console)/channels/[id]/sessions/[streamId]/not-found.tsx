import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

export default function StreamSessionNotFound() {
  return (
    <EmptyState
      headingLevel={1}
      title="Stream session not found"
      description="IVS has no stream session with this id on this channel in the selected region. It may belong to another channel or region, or the link is wrong."
      action={<ButtonLink href="/channels">Back to channels</ButtonLink>}
    />
  );
}
