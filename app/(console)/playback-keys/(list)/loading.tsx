import { Skeleton, TableSkeleton } from '@/components/ui/skeleton';

export default function PlaybackKeysLoading() {
  return (
    <div>
      <Skeleton className="mb-2 h-7 w-48" />
      <Skeleton className="mb-6 h-4 w-96" />
      <TableSkeleton rows={3} cols={4} />
    </div>
  );
}
