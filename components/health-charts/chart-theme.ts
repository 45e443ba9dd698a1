'use client';

import { useSyncExternalStore } from 'react';

// Canvas colours cannot follow Tailwind's `dark:` classes, so the charts read the same source of
// truth the shell does (the `dark` class on <html>, set before paint by components/shell/theme-script
// and changed by the theme toggle) and redraw when it changes. Colours are Tailwind's zinc / blue /
// red / amber at steps that keep 3:1 or better against the page background in each theme.
function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}

export const useDarkTheme = (): boolean =>
  useSyncExternalStore(
    subscribe,
    () => document.documentElement.classList.contains('dark'),
    () => false,
  );

export interface ChartColors {
  axis: string;
  grid: string;
  line: string;
  fill: string;
  limit: string;
  recommended: string;
  shade: string;
  shadeEdge: string;
  marker: Record<'critical' | 'warning' | 'info', string>;
  text: string;
}

export const chartColors = (dark: boolean): ChartColors =>
  dark
    ? {
        axis: '#a1a1aa',
        grid: 'rgba(63, 63, 70, 0.7)',
        line: '#60a5fa',
        fill: 'rgba(96, 165, 250, 0.12)',
        limit: '#f87171',
        recommended: '#4ade80',
        shade: 'rgba(245, 158, 11, 0.22)',
        shadeEdge: '#f59e0b',
        marker: { critical: '#f87171', warning: '#fbbf24', info: '#a1a1aa' },
        text: '#e4e4e7',
      }
    : {
        axis: '#52525b',
        grid: 'rgba(228, 228, 231, 0.9)',
        line: '#2563eb',
        fill: 'rgba(37, 99, 235, 0.08)',
        limit: '#dc2626',
        recommended: '#15803d',
        shade: 'rgba(245, 158, 11, 0.2)',
        shadeEdge: '#b45309',
        marker: { critical: '#dc2626', warning: '#b45309', info: '#52525b' },
        text: '#27272a',
      };
