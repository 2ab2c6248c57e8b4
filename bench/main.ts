import { loadavg } from 'node:os';

/**
 * What a bench file does when run as a script: runs for BENCH_SECONDS (5), prints its table, then
 * `note` (a line or more, newline-ended) and the load average at the start and at the end; with
 * BENCH_JSON set, the rows as JSON too.
 */
export async function printBench<Rows>(
  run: (seconds: number) => Promise<Rows>,
  format: (rows: Rows) => string,
  note = '',
): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(', ');
  const before = load();
  const rows = await run(seconds);
  process.stdout.write(`${format(rows)}\n${note}  load average ${before} at the start, ${load()} at the end\n`);
  if (process.env.BENCH_JSON) process.stdout.write(`${JSON.stringify(rows)}\n`);
}
