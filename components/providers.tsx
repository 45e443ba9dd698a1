'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { shouldRetryQuery } from '@/lib/http/http-error';

// One QueryClient per page that polls (the console layout has none, so pages that do not poll skip
// TanStack Query); useState, not a module global, so server renders never share one.
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            // Server components render fresh data first; don't refetch it the moment the page hydrates.
            staleTime: 10_000,
            refetchOnWindowFocus: true,
            retry: shouldRetryQuery,
          },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
