import Link from 'next/link';
import type { ReactNode } from 'react';
import { FindBox } from '@/components/overview/find-box';
import { NAV_ITEMS } from '@/components/shell/nav-items';
import { RegionSwitcher } from '@/components/shell/region-switcher';
import { SidebarNav } from '@/components/shell/sidebar-nav';
import { UserMenu } from '@/components/shell/user-menu';
import { Badge } from '@/components/ui/badge';
import { hasRole } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { currentRegion } from '@/lib/auth/region';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireUser('viewer');
  const region = await currentRegion();
  const items = NAV_ITEMS.filter((item) => !item.role || hasRole(user.role, item.role));
  const emulator = env.IVS_ENDPOINT ?? `http://127.0.0.1:${env.IVS_LOCAL_PORT}`;

  // TanStack Query (components/providers.tsx) is not set up here: only the pages that poll live state
  // wrap themselves in it, so the other console pages do not load it (about 9 KB gzipped).
  return (
    <>
      <a
        href="#main"
        className="sr-only z-50 rounded bg-white px-3 py-2 text-sm focus:not-sr-only focus:fixed focus:top-2 focus:left-2 dark:bg-zinc-900"
      >
        Skip to content
      </a>
      <div className="flex min-h-screen flex-col md:flex-row">
        <aside className="border-b border-zinc-200 bg-white px-3 py-3 md:sticky md:top-0 md:h-screen md:w-56 md:shrink-0 md:border-r md:border-b-0 md:py-4 dark:border-zinc-800 dark:bg-zinc-900">
          <Link href="/channels" className="mb-3 block px-3 text-base font-semibold tracking-tight md:mb-6">
            IVS Console
          </Link>
          <SidebarNav items={items} />
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex flex-wrap items-center justify-end gap-3 border-b border-zinc-200 bg-white px-4 py-2 md:px-6 dark:border-zinc-800 dark:bg-zinc-900">
            {env.mode === 'local' && (
              <span
                tabIndex={0}
                title={`Local IVS emulator at ${emulator}`}
                className="mr-auto rounded-full focus-visible:outline-2 focus-visible:outline-blue-600"
              >
                <Badge tone="yellow">Local IVS</Badge>
                <span className="sr-only">: the console talks to the emulator at {emulator}, not to AWS</span>
              </span>
            )}
            <FindBox />
            <RegionSwitcher key={region} region={region} />
            <UserMenu name={user.name} email={user.email} role={user.role} />
          </header>
          <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 md:px-8">
            {children}
          </main>
        </div>
      </div>
    </>
  );
}
