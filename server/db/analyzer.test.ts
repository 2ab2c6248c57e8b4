import { afterEach, describe, expect, it } from 'vitest';
import { startAnalyzer } from './analyzer.ts';
import { openPglite } from './pglite.ts';
import type { HostDatabase } from './types.ts';

describe('the PGlite analyzer', () => {
  let db: HostDatabase | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  const estimate = async (d: HostDatabase) => {
    const [row] = await d.asOwner((sql) =>
      sql.query<{ 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }>('explain (format json) select * from grown'),
    );
    return row!['QUERY PLAN'][0]!.Plan['Plan Rows'];
  };

  it('gives the planner real table sizes at boot, as autovacuum would on PostgreSQL', async () => {
    db = await openPglite();
    await db.asOwner((sql) =>
      sql.query('create table grown as select g as id, md5(g::text) as v from generate_series(1, 20000) g'),
    );
    await db.asOwner((sql) => sql.query('analyze grown'));
    await db.asOwner((sql) =>
      sql.query('insert into grown select g, md5(g::text) from generate_series(20001, 60000) g'),
    );
    const before = await estimate(db);
    const analyzer = startAnalyzer(db, 60_000);
    await analyzer.ready;
    analyzer.stop();
    // The estimate follows the 60,000 rows now in the table.
    expect(Math.abs((await estimate(db)) - 60_000)).toBeLessThan(1000);
    expect(before).not.toBe(await estimate(db));
  });

  it('reports a failure and keeps the host running', async () => {
    db = await openPglite();
    await db.close();
    const errors: unknown[] = [];
    const analyzer = startAnalyzer(db, 60_000, (err) => errors.push(err));
    await analyzer.ready;
    analyzer.stop();
    expect(errors).toHaveLength(1);
    db = undefined;
  });
});
