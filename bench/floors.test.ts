import { describe, expect, it } from 'vitest';
import { type RouteResult, ratio, verdicts } from './floors.ts';

const m = (rps: number, p99 = 5) => ({ count: 1, rps, p50: 1, p99 });

describe('the issue floors', () => {
  it('judge the catalog on PostgreSQL at scale by throughput and p99, and the ratio', () => {
    const r: RouteResult = { route: 'catalog', cache: 'uncached', api: m(2100, 19.9), bare: m(3000) };
    expect(ratio(r)).toBeCloseTo(0.7);
    expect(verdicts('postgres', true, r)).toEqual([
      { floor: '>= 2,000 req/s', holds: true },
      { floor: 'p99 < 20 ms', holds: true },
      { floor: 'ratio >= 0.8', holds: false },
    ]);
    expect(verdicts('postgres', true, { ...r, api: m(1999, 20) }).filter((v) => v.holds)).toEqual([]);
  });

  it('judge the PGlite catalog by 600 req/s, only at scale', () => {
    const r: RouteResult = { route: 'catalog', cache: 'cached', api: m(600), bare: m(500) };
    expect(verdicts('pglite', true, r)).toEqual([
      { floor: '>= 600 req/s', holds: true },
      { floor: 'ratio >= 0.8', holds: true },
    ]);
    expect(verdicts('pglite', false, r)).toEqual([{ floor: 'ratio >= 0.8', holds: true }]);
  });

  it('judge other routes by their ratio alone, and nothing without bare SQL', () => {
    expect(verdicts('postgres', true, { route: 'dashboard', cache: 'none', api: m(80), bare: m(100) })).toEqual([
      { floor: 'ratio >= 0.8', holds: true },
    ]);
    expect(verdicts('postgres', true, { route: 'health', cache: 'none', api: m(5000) })).toEqual([]);
  });
});
