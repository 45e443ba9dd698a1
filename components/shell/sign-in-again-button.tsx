'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { signOutAction } from '@/components/shell/actions';
import { Button } from '@/components/ui/button';

/**
 * Ends this session and opens the login page, which brings the user back here afterwards: how a
 * session too old for something (a secret reveal) gets a fresh sign-in.
 */
export function SignInAgainButton() {
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const onClick = () =>
    startTransition(async () => {
      await signOutAction({});
      const back = window.location.pathname + window.location.search;
      router.replace(`/login?callbackUrl=${encodeURIComponent(back)}`);
      router.refresh(); // the old session's pages must not linger in the router's cache
    });
  return (
    <Button variant="secondary" size="sm" onClick={onClick} pending={pending}>
      Sign in again
    </Button>
  );
}
