'use client';

import dynamic from 'next/dynamic';
import type { HealthChartsProps } from '@/components/health-charts/health-charts';

// uPlot and the chart code load only once this page runs in the browser, so the session page's
// first-load JS does not carry them; the placeholder holds the charts' height so nothing jumps.
// About the five 150-px charts with their headings and summaries, two a row on wide screens.
const CHARTS_HEIGHT = 'h-[42rem]';

const HealthCharts = dynamic(() => import('@/components/health-charts/health-charts').then((m) => m.HealthCharts), {
  ssr: false,
  loading: () => (
    <div
      className={`${CHARTS_HEIGHT} animate-pulse rounded-lg bg-zinc-100 motion-reduce:animate-none dark:bg-zinc-900`}
      role="status"
      aria-label="Loading charts"
    />
  ),
});

export function SessionCharts(props: HealthChartsProps) {
  return <HealthCharts {...props} />;
}
