/** Latency statistics over measured samples (milliseconds). Pure. */
export interface Stats {
  count: number;
  rps: number;
  p50: number;
  p99: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarise(samples: number[], elapsedMs: number): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { count: samples.length, rps: (samples.length / elapsedMs) * 1000, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/** Runs `fn` sequentially for `ms` (after `warmupMs` unmeasured), returning its stats. */
export async function measure(fn: () => Promise<unknown>, ms: number, warmupMs = 300): Promise<Stats> {
  const warmEnd = performance.now() + warmupMs;
  while (performance.now() < warmEnd) await fn();
  const samples: number[] = [];
  const start = performance.now();
  const end = start + ms;
  while (performance.now() < end) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return summarise(samples, performance.now() - start);
}
