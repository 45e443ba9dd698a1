import { SPARK_HEIGHT, SPARK_WIDTH, type Sparkline as SparklineData } from '@/lib/live-board/sparkline';

/** The server-drawn bitrate path as a tiny inline SVG; its text alternative is the summary sentence. */
export function Sparkline({ data }: { data: SparklineData }) {
  return (
    <span className="inline-flex items-center gap-2">
      {data.path ? (
        <svg
          role="img"
          aria-label={`Video bitrate: ${data.text}`}
          viewBox={`0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}`}
          width={SPARK_WIDTH}
          height={SPARK_HEIGHT}
          className="shrink-0 text-blue-700 dark:text-blue-400"
          preserveAspectRatio="none"
        >
          <title>{data.text}</title>
          <path d={data.path} fill="none" stroke="currentColor" strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
        </svg>
      ) : null}
      {/* The number a glance needs; the full sentence is the SVG's name (or the text itself without a line). */}
      <span className="text-xs whitespace-nowrap text-zinc-600 tabular-nums dark:text-zinc-400" aria-hidden={data.path ? true : undefined}>
        {data.path ? (data.now === null ? 'no data now' : `${data.now < 1 ? data.now.toFixed(2) : data.now.toFixed(1)} Mbps`) : data.text}
      </span>
    </span>
  );
}
