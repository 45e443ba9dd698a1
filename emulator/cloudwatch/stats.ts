// The statistics GetMetricData computes over a period's samples: the five basic ones and pNN.
const PERCENTILE = /^p(\d{1,2}(\.\d{1,2})?|100)$/;
const BASIC = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'];

export const isValidStat = (stat: string) => BASIC.includes(stat) || PERCENTILE.test(stat);

export function aggregate(samples: number[], stat: string): number | undefined {
  if (samples.length === 0) return undefined;
  switch (stat) {
    case 'SampleCount':
      return samples.length;
    case 'Sum':
      return samples.reduce((a, b) => a + b, 0);
    case 'Average':
      return samples.reduce((a, b) => a + b, 0) / samples.length;
    case 'Minimum':
      return Math.min(...samples);
    case 'Maximum':
      return Math.max(...samples);
    default: {
      const p = Number(stat.slice(1)) / 100;
      const sorted = [...samples].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
    }
  }
}
