import { Skeleton, TableSkeleton } from '@/components/ui/skeleton';

export default function ConsoleLoading() {
  return (
    <div>
      <Skeleton className="mb-2 h-7 w-48" />
      <Skeleton className="mb-6 h-4 w-80" />
      <TableSkeleton />
    </div>
  );
}
