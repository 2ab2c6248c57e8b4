import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, readImportFile } from '../edge/companies/import-csv.ts';
import { type CompanyBenchRow, EMPLOYEES, formatCompanyBench, importCsv } from './company.bench.ts';

const m = (p50: number, count = 3) => ({ count, rps: 1000 / p50, p50, p99: p50 * 1.5 });

describe('company bench', () => {
  it('builds a 2,000-row import file the API takes whole, with new emails each round', () => {
    const csv = importCsv('r1');
    expect(new TextEncoder().encode(csv).length).toBeLessThan(MAX_IMPORT_BYTES);
    const file = readImportFile(csv);
    expect(file.problems).toEqual([]);
    expect(file.rows).toHaveLength(EMPLOYEES);
    expect(new Set(file.rows.map((r) => r.email)).size).toBe(EMPLOYEES);
    expect(new Set(file.rows.map((r) => r.group)).size).toBe(4);
    const other = readImportFile(importCsv('r2')).rows.map((r) => r.email);
    expect(other.some((e) => file.rows.some((r) => r.email === e))).toBe(false);
  });

  it('prints each path with its ratio to the bare SQL of the same run', () => {
    const rows: CompanyBenchRow[] = [
      { engine: 'pglite', path: 'import', floor: 'bare import', measure: m(1200) },
      { engine: 'pglite', path: 'bare import', floor: null, measure: m(120) },
      { engine: 'postgres', path: 'import', floor: 'bare import', measure: m(300) },
      { engine: 'postgres', path: 'bare import', floor: null, measure: m(100) },
    ];
    const out = formatCompanyBench(rows);
    expect(out).toMatch(/pglite\s+import\s+3\s+1200\.0\s+1800\.0\s+10\.0/);
    expect(out).toMatch(/postgres\s+import\s+3\s+300\.0\s+450\.0\s+3\.0/);
    expect(out).toMatch(/pglite\s+bare import\s+3\s+120\.0\s+180\.0$/m);
  });
});
