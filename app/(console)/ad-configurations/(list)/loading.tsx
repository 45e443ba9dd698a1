import { Skeleton, TableSkeleton } from '@/components/ui/skeleton';

export default function AdConfigurationsLoading() {
  return (
    <div>
      <Skeleton className="mb-2 h-7 w-64" />
      <Skeleton className="mb-6 h-4 w-96" />
      <TableSkeleton cols={4} />
    </div>
  );
}
