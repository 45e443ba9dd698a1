import { Skeleton } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <div role="status" aria-busy="true" className="space-y-6">
      <span className="sr-only">Loading channel…</span>
      <Skeleton className="h-8 w-72" />
      <Skeleton className="h-32" />
      <Skeleton className="h-48" />
    </div>
  );
}
