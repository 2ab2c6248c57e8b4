/** The benchmark's printout: one table per engine and data set, floors marked. Pure. */
import { type Engine, type RouteResult, ratio, verdicts } from './floors.ts';
import type { Measure } from './stats.ts';

export interface RunResult {
  engine: Engine;
  /** 'seed' or 'scale N'. */
  dataset: string;
  atScale: boolean;
  routes: RouteResult[];
  /** Facts about the run shown under its table (pool size, row counts, the route paths). */
  notes: string[];
}

export const ROUTE_LABELS: Record<RouteResult['route'], string> = {
  health: 'GET /api/health',
  catalog: 'catalog list',
  search: 'search (q=...)',
  course: 'course details',
  lesson: "player's lesson",
  dashboard: 'dashboard',
};

const num = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '-';

const measureCells = (m: Measure | undefined) => (m ? [num(m.rps), num(m.p50, 2), num(m.p99, 2)] : ['', '', '']);

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i < 2 || i === r.length - 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function formatRun(run: RunResult): string {
  const header = [
    'route',
    'cache',
    'API req/s',
    'p50 ms',
    'p99 ms',
    'SQL req/s',
    'p50 ms',
    'p99 ms',
    'ratio',
    'floors',
  ];
  const rows = run.routes.map((r) => {
    const q = ratio(r);
    const floors = verdicts(run.engine, run.atScale, r)
      .map((v) => `${v.holds ? 'OK' : 'MISS'} ${v.floor}`)
      .join(', ');
    const failed = r.api.failures ? ` (${r.api.failures} failed)` : '';
    return [
      ROUTE_LABELS[r.route] + failed,
      r.cache === 'none' ? '' : r.cache,
      ...measureCells(r.api),
      ...measureCells(r.bare),
      q === null ? '' : num(q, 2),
      floors,
    ];
  });
  const title = `${run.engine} · ${run.dataset}`;
  return [title, '-'.repeat(title.length), table([header, ...rows]), ...run.notes.map((n) => `  ${n}`)].join('\n');
}

/** One line per floor that does not hold, for the end of the printout. */
export function misses(runs: RunResult[]): string[] {
  return runs.flatMap((run) =>
    run.routes.flatMap((r) =>
      verdicts(run.engine, run.atScale, r)
        .filter((v) => !v.holds)
        .map(
          (v) =>
            `${run.engine} · ${run.dataset} · ${ROUTE_LABELS[r.route]}${r.cache === 'none' ? '' : ` (${r.cache})`}: ${v.floor}`,
        ),
    ),
  );
}
