import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

export default function ChannelNotFound() {
  return (
    <EmptyState
      headingLevel={1}
      title="Channel not found"
      description="IVS has no channel with this id in the selected region. It may have been deleted, or it lives in another region."
      action={<ButtonLink href="/channels">Back to channels</ButtonLink>}
    />
  );
}
