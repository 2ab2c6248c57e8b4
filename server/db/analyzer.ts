import type { HostDatabase } from './types.ts';

/**
 * PGlite runs no autovacuum, so nothing ever runs ANALYZE on it and the planner keeps guessing
 * that a table has a handful of rows. On a grown database that turns hash joins into nested
 * loops: the company report for 2,000 employees took 64 s without statistics and 1 s with them
 * (bench/company.bench.ts). The embedded host therefore analyzes the whole database once at boot
 * and then every `intervalMs`; PostgreSQL's own autovacuum does this there, so nothing runs.
 * Returns a stop function.
 */
export function startAnalyzer(
  db: HostDatabase,
  intervalMs = 10 * 60_000,
  onError: (err: unknown) => void = (err) => console.error('analyze failed', err),
): { stop: () => void; ready: Promise<void> } {
  if (db.kind !== 'pglite') return { stop: () => {}, ready: Promise.resolve() };
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await db.asOwner((sql) => sql.query('analyze'));
    } catch (err) {
      onError(err);
    } finally {
      running = false;
    }
  };
  const ready = tick();
  const timer = setInterval(() => void tick(), intervalMs);
  // Node: the timer alone does not keep the process alive.
  timer.unref?.();
  return { stop: () => clearInterval(timer), ready };
}
