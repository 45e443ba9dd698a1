import { Skeleton } from '@/components/ui/skeleton';

export default function PlaybackKeyPairLoading() {
  return (
    <div>
      <Skeleton className="mb-2 h-7 w-64" />
      <Skeleton className="mb-6 h-4 w-96" />
      <Skeleton className="h-48 w-full" />
    </div>
  );
}
