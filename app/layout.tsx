import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { ThemeFollower } from '@/components/shell/theme-follower';
import { ThemeScript } from '@/components/shell/theme-script';
import { Toaster } from '@/components/ui/toast';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'IVS Console', template: '%s · IVS Console' },
  description: 'Operator console for Amazon Interactive Video Service',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="min-h-screen bg-zinc-50 font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        {children}
        <ThemeFollower />
        <Toaster />
      </body>
    </html>
  );
}
