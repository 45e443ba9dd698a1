'use client';

import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartDef, ShadedRange } from './chart-model';
import { chartColors, type ChartColors } from './chart-theme';

// One uPlot chart. Only health-charts.tsx loads this module, through next/dynamic, so uPlot
// (about 20 KB gzipped) is fetched by pages that chart and by no other route's first load.

export interface ChartMarker {
  time: number;
  label: string;
  severity: 'critical' | 'warning' | 'info';
}

export interface UPlotChartProps {
  def: ChartDef;
  xs: number[];
  ys: (number | null)[];
  start: number;
  end: number;
  shaded: ShadedRange[];
  markers: ChartMarker[];
  dark: boolean;
  height: number;
  /** Charts with the same key share one cursor (hovering one shows the instant on all). */
  syncKey: string;
  onHover: (idx: number | null) => void;
}

interface Live {
  props: UPlotChartProps;
  colors: ChartColors;
}

export function UPlotChart(props: UPlotChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const live = useRef<Live>({ props, colors: chartColors(props.dark) });
  const { def, dark, height, syncKey } = props;

  // The hooks read the newest props through this ref, so new data only needs setData, not a rebuild
  // (which would drop the hover position every 10 s).
  useEffect(() => {
    live.current = { props, colors: chartColors(props.dark) };
  });

  // Built once per metric, theme and size class; data changes go through setData below.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const u = new uPlot(options(live, def, dark, el.clientWidth || 600, height, syncKey), [props.xs, props.ys], el);
    plot.current = u;
    const resize = new ResizeObserver(() => u.setSize({ width: el.clientWidth, height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- data goes through setData, not a rebuild
  }, [def, dark, height, syncKey]);

  useEffect(() => {
    plot.current?.setData([props.xs, props.ys]);
  }, [props.xs, props.ys, props.start, props.end, props.shaded, props.markers]);

  // The canvas is a picture of the text summary beside it; screen readers get the summary instead.
  return <div ref={box} aria-hidden="true" className="health-chart" />;
}

function options(live: { current: Live }, def: ChartDef, dark: boolean, width: number, height: number, syncKey: string): uPlot.Options {
  const c = chartColors(dark);
  const font = '11px ui-sans-serif, system-ui, sans-serif';
  const axis = { stroke: c.axis, font, grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.grid, width: 1 } };
  return {
    width,
    height,
    legend: { show: false },
    cursor: { sync: { key: syncKey }, drag: { x: false, y: false }, points: { size: 6 } },
    // CloudWatch timestamps are shown in UTC, as the findings name them.
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    scales: {
      x: { time: true, range: () => [live.current.props.start / 1000, live.current.props.end / 1000] },
      y: {
        range: (_u, _min, max) => {
          const top = Math.max(max ?? 0, def.limit?.value ?? 0);
          return [0, top > 0 ? top * 1.2 : 1];
        },
      },
    },
    axes: [
      { ...axis, space: 70 },
      {
        ...axis,
        size: 44,
        values: (_u, splits) => splits.map((v) => (Math.abs(v) >= 1000 ? `${Math.round(v / 100) / 10}k` : String(+v.toFixed(2)))),
      },
    ],
    series: [{}, { label: def.label, stroke: c.line, fill: c.fill, width: 1.5, spanGaps: false, points: { show: false } }],
    hooks: {
      drawClear: [(u) => drawShading(u, live.current)],
      draw: [(u) => drawLimit(u, def, live.current.colors), (u) => drawMarkers(u, live.current)],
      setCursor: [(u) => live.current.props.onHover(u.cursor.idx ?? null)],
    },
  };
}

const px = (n: number) => n * uPlot.pxRatio;

function drawShading(u: uPlot, { props, colors }: Live) {
  const { ctx, bbox } = u;
  ctx.save();
  for (const s of props.shaded) {
    const x0 = u.valToPos(s.start / 1000, 'x', true);
    const x1 = u.valToPos(s.end / 1000, 'x', true);
    ctx.fillStyle = colors.shade;
    ctx.fillRect(x0, bbox.top, Math.max(x1 - x0, px(2)), bbox.height);
    ctx.fillStyle = colors.shadeEdge;
    ctx.font = `${px(10)}px ui-sans-serif, system-ui, sans-serif`;
    ctx.fillText(s.label, x0 + px(3), bbox.top + bbox.height - px(4), Math.max(x1 - x0 - px(4), px(40)));
  }
  ctx.restore();
}

function drawLimit(u: uPlot, def: ChartDef, colors: ChartColors) {
  if (!def.limit) return;
  const { ctx, bbox } = u;
  const y = u.valToPos(def.limit.value, 'y', true);
  ctx.save();
  ctx.strokeStyle = def.limit.kind === 'limit' ? colors.limit : colors.recommended;
  ctx.lineWidth = px(1);
  ctx.setLineDash([px(5), px(4)]);
  ctx.beginPath();
  ctx.moveTo(bbox.left, y);
  ctx.lineTo(bbox.left + bbox.width, y);
  ctx.stroke();
  ctx.fillStyle = ctx.strokeStyle;
  ctx.font = `${px(10)}px ui-sans-serif, system-ui, sans-serif`;
  ctx.textAlign = 'right';
  ctx.fillText(def.limit.label, bbox.left + bbox.width - px(4), y - px(3));
  ctx.restore();
}

function drawMarkers(u: uPlot, { props, colors }: Live) {
  const { ctx, bbox } = u;
  ctx.save();
  ctx.lineWidth = px(1);
  ctx.font = `${px(10)}px ui-sans-serif, system-ui, sans-serif`;
  for (const m of props.markers) {
    if (m.time < props.start || m.time > props.end) continue;
    const x = Math.round(u.valToPos(m.time / 1000, 'x', true));
    ctx.strokeStyle = ctx.fillStyle = colors.marker[m.severity];
    ctx.beginPath();
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
    ctx.fillText(m.label, x + px(3), bbox.top + px(10), px(120));
  }
  ctx.restore();
}
