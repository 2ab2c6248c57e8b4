import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScaleSummary, seedScale } from '../../seed/scale.ts';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { ROLES, seedFixtures } from './fixtures.ts';
import { MATRIX_TABLES } from './matrix.ts';
import { checkTable, explainAs, STATEMENT_TIMEOUT_MS, selectPolicies } from './perf/guard.ts';
import { blame, perRowFindings } from './perf/plan.ts';

/**
 * The performance guard: on the RLS matrix's fixtures grown by the scale fixture (N = 100:
 * 1,500 courses, 15,000 lessons, 20,000 learners, 200,000 progress rows), every table of the
 * matrix is read as every role of the matrix, explained with EXPLAIN (ANALYZE, VERBOSE, FORMAT
 * JSON) in a rolled-back transaction. A read fails when a policy's subplan or helper runs once
 * per row (perf/plan.ts), or when it takes more than 3x the owner's time and more than 25 ms
 * (best of 5, taken in turn with the owner). A new table in the matrix is guarded without a line here.
 *
 * PERF_GUARD_SCALE sets N (default 100) for a quicker local run.
 */
const SCALE = Number(process.env.PERF_GUARD_SCALE ?? 100);

/** A per-row policy on a big table takes up to the statement timeout for each of its reads. */
const CELL_TIMEOUT_MS = 4 * STATEMENT_TIMEOUT_MS + 60_000;

const cells = MATRIX_TABLES.flatMap((table) => ROLES.map((role) => ({ table, role })));

describe.each(engines())('performance guard on %s', (engine) => {
  let t: TestDatabase;
  let summary: ScaleSummary;
  const ownerMs = new Map<string, number>();

  beforeAll(async () => {
    t = await fresh(engine);
    await seedFixtures(t.db);
    summary = await seedScale(t.db, { scale: SCALE });
  }, 900_000);
  afterAll(async () => {
    await t?.drop();
  });

  it(`grows the database to the scale fixture (N = ${SCALE})`, () => {
    expect(summary.courses).toBe(15 * SCALE);
    expect(summary.progressRows).toBeGreaterThan(1_900 * SCALE);
  });

  it.each(cells)(
    '$table as $role: no per-row policy work, and not slower than 3x the owner',
    async ({ table, role }) => {
      const { problems } = await checkTable(t.db, table, role, ownerMs);
      expect(problems, problems.join('\n')).toEqual([]);
    },
    CELL_TIMEOUT_MS,
  );

  describe('catches a policy that calls a helper per row (self-test)', () => {
    const bad = 'tests.perf_probe_per_row';
    const good = 'tests.perf_probe_set_based';
    beforeAll(async () => {
      await t.db.runScript(`
        create function private.perf_probe_allows(n integer) returns boolean
        language sql stable security definer set search_path = '' as $$ select n % 2 = 0 $$;
        create function private.perf_probe_allowed() returns setof integer
        language sql stable security definer set search_path = '' as $$ select generate_series(0, 2000, 2) $$;
        revoke execute on function private.perf_probe_allows(integer), private.perf_probe_allowed() from public;
        grant execute on function private.perf_probe_allows(integer), private.perf_probe_allowed() to authenticated;
        create table ${bad} (n integer primary key);
        create table ${good} (n integer primary key);
        insert into ${bad} select generate_series(1, 2000);
        insert into ${good} select generate_series(1, 2000);
        grant select on ${bad}, ${good} to authenticated;
        alter table ${bad} enable row level security;
        alter table ${good} enable row level security;
        create policy "probe: a helper that takes a column, in (select ...)" on ${bad} for select to authenticated
          using ((select private.perf_probe_allows(n)));
        create policy "probe: the ids computed once" on ${good} for select to authenticated
          using (n in (select private.perf_probe_allowed()));
        analyze ${bad}; analyze ${good};
      `);
    });

    it('reports the per-row subplan, the helper and the policy by name', async () => {
      const plan = await explainAs(t.db, 'student', `select * from ${bad}`);
      const findings = perRowFindings(plan.Plan);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ kind: 'per-row subplan', helpers: ['private.perf_probe_allows'] });
      expect(findings[0]!.node).toMatch(
        /^SubPlan \d+ \(Result\) ran 2000 times under Seq Scan on tests\.perf_probe_per_row$/,
      );
      const policies = await selectPolicies(t.db, bad, 'student');
      expect(blame(findings[0]!, policies).map((p) => p.name)).toEqual([
        'probe: a helper that takes a column, in (select ...)',
      ]);

      const { problems } = await checkTable(t.db, bad, 'student', ownerMs);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain(`${bad} as student, every visible row`);
      expect(problems[0]).toContain('per-row subplan');
      expect(problems[0]).toContain('private.perf_probe_allows');
      expect(problems[0]).toContain('policy "probe: a helper that takes a column, in (select ...)"');
    });

    it('passes the same rule written set-based', async () => {
      const plan = await explainAs(t.db, 'student', `select * from ${good}`);
      expect(perRowFindings(plan.Plan)).toEqual([]);
      expect((await checkTable(t.db, good, 'student', ownerMs)).problems).toEqual([]);
    });
  });
});
