/** Latency statistics over measured samples (milliseconds). Pure. */
export interface Measure {
  count: number;
  rps: number;
  p50: number;
  p99: number;
  /** Answers that were not the expected status, and transport errors. */
  failures?: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarise(samples: number[], elapsedMs: number): Measure {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: samples.length,
    rps: (samples.length / elapsedMs) * 1000,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  };
}

/**
 * Runs `fn` from `concurrency` workers at once for `ms` (after `warmupMs` unmeasured), each
 * worker calling again as soon as its call ends: a closed loop, as an HTTP load tool drives
 * a server with that many connections.
 */
export async function measure(
  fn: () => Promise<unknown>,
  ms: number,
  { concurrency = 1, warmupMs = 300 } = {},
): Promise<Measure> {
  const loop = async (until: number, samples: number[] | null) => {
    while (performance.now() < until) {
      const t = performance.now();
      await fn();
      samples?.push(performance.now() - t);
    }
  };
  const warmEnd = performance.now() + warmupMs;
  await Promise.all(Array.from({ length: concurrency }, () => loop(warmEnd, null)));
  const samples: number[] = [];
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, () => loop(start + ms, samples)));
  return summarise(samples, performance.now() - start);
}

/**
 * Runs each of `fns` one call at a time, in alternating turns of `turnMs`, until each has run for
 * `seconds` (after 500 ms of unmeasured warm-up each), so all see the same machine load. One
 * Measure per function, in order.
 */
export async function measureInTurns(
  fns: (() => Promise<unknown>)[],
  seconds: number,
  turnMs: number,
): Promise<Measure[]> {
  const state = fns.map((fn) => ({ fn, samples: [] as number[], elapsed: 0 }));
  for (const s of state) {
    const warmEnd = performance.now() + 500;
    while (performance.now() < warmEnd) await s.fn();
  }
  while (state.some((s) => s.elapsed < seconds * 1000)) {
    for (const s of state) {
      const start = performance.now();
      const end = start + turnMs;
      while (performance.now() < end) {
        const t = performance.now();
        await s.fn();
        s.samples.push(performance.now() - t);
      }
      s.elapsed += performance.now() - start;
    }
  }
  return state.map((s) => summarise(s.samples, s.elapsed));
}
