/**
 * The targets (issue 5, item 4), judged against measured figures. Pure.
 * On this 2-CPU machine, at the scale fixture, PostgreSQL with a pool: catalog list 2,000
 * requests/s with p99 under 20 ms; PGlite catalog 600 requests/s; everywhere, each route's
 * API / bare-SQL throughput ratio 0.8 or better.
 */
import type { Measure } from './stats.ts';

export type Engine = 'pglite' | 'postgres';
export type RouteName = 'health' | 'catalog' | 'search' | 'course' | 'lesson' | 'dashboard';

export interface RouteResult {
  route: RouteName;
  /** Whether the in-process catalog cache served it: anonymous catalog routes run both ways. */
  cache: 'cached' | 'uncached' | 'none';
  api: Measure;
  bare?: Measure;
}

export interface Verdict {
  floor: string;
  holds: boolean;
}

export const RATIO_FLOOR = 0.8;

export function ratio(r: RouteResult): number | null {
  return r.bare && r.bare.rps > 0 ? r.api.rps / r.bare.rps : null;
}

/** The floors that apply to one measured route, each with whether it holds. */
export function verdicts(engine: Engine, atScale: boolean, r: RouteResult): Verdict[] {
  const out: Verdict[] = [];
  if (atScale && r.route === 'catalog') {
    if (engine === 'postgres') {
      out.push({ floor: '>= 2,000 req/s', holds: r.api.rps >= 2000 });
      out.push({ floor: 'p99 < 20 ms', holds: r.api.p99 < 20 });
    } else {
      out.push({ floor: '>= 600 req/s', holds: r.api.rps >= 600 });
    }
  }
  const q = ratio(r);
  if (q !== null) out.push({ floor: `ratio >= ${RATIO_FLOOR}`, holds: q >= RATIO_FLOOR });
  return out;
}
