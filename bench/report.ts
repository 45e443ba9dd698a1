export interface Row {
  metric: string;
  value: string;
  target?: string;
  pass?: boolean;
}

// Nearest-rank percentile of a list of samples.
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function printTable(rows: Row[]): void {
  const cells = rows.map((r) => [r.metric, r.value, r.target ?? '', r.target === undefined ? '' : r.pass ? 'PASS' : 'MISS']);
  const head = ['metric', 'value', 'target', 'result'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  cells.forEach((c) => console.log(line(c)));
}
