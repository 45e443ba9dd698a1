'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { ErrorPanel } from '@/components/ui/error-panel';

/** An IVS read that failed, with its message (already made readable on the server) and a retry. */
export function ReadError({ title, message }: { title: string; message: string }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  return <ErrorPanel title={title} message={message} retry={() => startTransition(() => router.refresh())} />;
}
