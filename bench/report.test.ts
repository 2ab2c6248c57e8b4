import { describe, expect, it } from 'vitest';
import { formatRun, misses, type RunResult } from './report.ts';

const run: RunResult = {
  engine: 'postgres',
  dataset: 'scale 100',
  atScale: true,
  routes: [
    { route: 'health', cache: 'none', api: { count: 1, rps: 5000, p50: 1.5, p99: 4 } },
    {
      route: 'catalog',
      cache: 'cached',
      api: { count: 1, rps: 4200.4, p50: 2, p99: 6.25 },
      bare: { count: 1, rps: 300, p50: 30, p99: 50 },
    },
    {
      route: 'catalog',
      cache: 'uncached',
      api: { count: 1, rps: 250, p50: 38, p99: 61 },
      bare: { count: 1, rps: 300, p50: 30, p99: 50 },
    },
  ],
  notes: ['pool: 5 connections'],
};

describe('the bench report', () => {
  it('prints each route with its figures, the ratio and which floors hold', () => {
    const text = formatRun(run);
    const lines = text.split('\n');
    expect(lines[0]).toBe('postgres · scale 100');
    expect(text).toMatch(
      /catalog list\s+cached\s+4,200\s+2\.00\s+6\.25\s+300\s+30\.00\s+50\.00\s+14\.00\s+OK >= 2,000 req\/s, OK p99 < 20 ms, OK ratio >= 0\.8/,
    );
    expect(text).toMatch(
      /catalog list\s+uncached\s+250 .* 0\.83\s+MISS >= 2,000 req\/s, MISS p99 < 20 ms, OK ratio >= 0\.8/,
    );
    expect(text).toMatch(/GET \/api\/health\s+5,000\s+1\.50\s+4\.00$/m);
    expect(lines.at(-1)).toBe('  pool: 5 connections');
  });

  it('lists the floors that do not hold', () => {
    expect(misses([run])).toEqual([
      'postgres · scale 100 · catalog list (uncached): >= 2,000 req/s',
      'postgres · scale 100 · catalog list (uncached): p99 < 20 ms',
    ]);
  });
});
