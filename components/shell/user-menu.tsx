'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { signOutAction } from './actions';
import { ThemeToggle } from '@/components/shell/theme-toggle';
import { Badge } from '@/components/ui/badge';
import { Spinner } from '@/components/ui/spinner';
import { ROLE_DESCRIPTIONS, type Role } from '@/lib/auth/roles';

const ROLE_TONE = { admin: 'red', operator: 'blue', viewer: 'neutral' } as const;

/** Name and role in the header; opens a small menu with the theme switch and sign-out. */
export function UserMenu({ name, email, role }: { name: string; email: string; role: Role }) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        trigger.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const signOut = () =>
    startTransition(async () => {
      await signOutAction({});
      // Whatever the answer (an expired session also lands here), the login page is where to go.
      router.replace('/login');
      router.refresh();
    });

  return (
    <div ref={root} className="relative">
      <button
        ref={trigger}
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((v) => !v)}
        className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-zinc-800"
      >
        {/* Named by its content, "Account menu: operator, operator role": an aria-label would hide the
            visible "name role" from the name (WCAG 2.5.3, axe label-content-name-mismatch). */}
        <span className="sr-only">Account menu: </span>
        <span className="max-w-40 truncate font-medium">{name}</span>
        <span className="sr-only">, </span>
        <Badge tone={ROLE_TONE[role]}>{role}</Badge>
        <span className="sr-only"> role</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4 text-zinc-500 dark:text-zinc-400">
          <path d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z" />
        </svg>
      </button>
      <div
        id={menuId}
        hidden={!open}
        className="absolute right-0 z-40 mt-2 w-72 rounded-lg border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
      >
        <div className="border-b border-zinc-200 px-3 pt-1 pb-3 dark:border-zinc-800">
          <p className="truncate text-sm font-medium">{name}</p>
          <p className="truncate text-xs text-zinc-600 dark:text-zinc-400">{email}</p>
          <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
            <Badge tone={ROLE_TONE[role]}>{role}</Badge> <span className="ml-1">{ROLE_DESCRIPTIONS[role]}</span>
          </p>
        </div>
        <div className="pt-2">
          <ThemeToggle />
          <button
            type="button"
            onClick={signOut}
            disabled={pending}
            className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:hover:bg-zinc-800"
          >
            {pending && <Spinner />}
            Sign out
          </button>
        </div>
      </div>
    </div>
  );
}
