import { Skeleton } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <div role="status" aria-busy="true" className="space-y-6">
      <span className="sr-only">Loading stream session…</span>
      <Skeleton className="h-8 w-72" />
      <Skeleton className="h-12" />
      <Skeleton className="h-96" />
      <Skeleton className="h-48" />
    </div>
  );
}
