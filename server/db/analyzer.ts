import { every } from '../../edge/db/periodic.ts';
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
  const analyze = () => db.asOwner((sql) => sql.query('analyze'));
  const ready = analyze().then(() => {}, onError);
  return { stop: every(intervalMs, analyze, onError), ready };
}
