import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { ALLOWED, ENFORCED_INFO } from './splinter/allow-list.ts';
import { allows, type Finding, findingKey, formatFinding, loadLints, runLints } from './splinter/run.ts';

/**
 * Supabase's database linter (splinter, supabase/tests/splinter/) over the migrated schema: no
 * WARN or ERROR finding (nor an unindexed foreign key) may remain, except the allow-list's, each
 * with its reason. A known-bad schema proves the lints are not hollow. Runs on PGlite and, when
 * TEST_DATABASE_URL is set (always in CI), on PostgreSQL.
 */

const lints = await loadLints();

/** Findings that fail the run: WARN and ERROR, and the INFO lints we enforce. */
const blocking = (f: Finding) => f.level !== 'INFO' || f.name in ENFORCED_INFO;

/** Runs `fn` as the owner in a transaction that is always rolled back. */
async function rolledBack<T>(t: TestDatabase, fn: Parameters<TestDatabase['db']['asOwner']>[0]): Promise<T> {
  const sentinel = new Error('roll back');
  let value: T | undefined;
  await t.db
    .asOwner(async (sql) => {
      value = (await fn(sql)) as T;
      throw sentinel;
    })
    .catch((error: unknown) => {
      if (error !== sentinel) throw error;
    });
  return value as T;
}

const KNOWN_BAD_SCHEMA = `
  create schema lint_fixture;
  grant usage on schema lint_fixture to anon, authenticated;
  create table lint_fixture.parents (id uuid primary key);
  create policy "orphan policy" on lint_fixture.parents for select to anon using (true);
  create table lint_fixture.children (
    id uuid primary key,
    parent_id uuid not null references lint_fixture.parents (id),
    owner_id uuid
  );
  create index children_owner_a on lint_fixture.children (owner_id);
  create index children_owner_b on lint_fixture.children (owner_id);
  alter table lint_fixture.children enable row level security;
  create policy "owners read" on lint_fixture.children for select to authenticated using (owner_id = auth.uid());
  create policy "everyone reads" on lint_fixture.children for select to authenticated using (parent_id is not null);
  create policy "anyone deletes" on lint_fixture.children for delete to anon using (true);
  create table lint_fixture.open_table (id integer primary key);
  grant select on lint_fixture.open_table to anon;
  create view lint_fixture.owner_view as select id, owner_id from lint_fixture.children;
  grant select on lint_fixture.owner_view to authenticated;
  create function lint_fixture.leaky() returns integer language sql security definer as $$ select 1 $$;
  grant execute on function lint_fixture.leaky() to anon, authenticated;
`;

describe.each(engines())('Supabase database linter (splinter) on %s', (engine) => {
  let t: TestDatabase;
  let findings: Finding[];

  beforeAll(async () => {
    t = await fresh(engine);
    findings = await rolledBack(t, (sql) => runLints(sql, lints));
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('reports no WARN or ERROR finding, nor an unindexed foreign key, outside the allow-list', () => {
    const open = findings.filter((f) => blocking(f) && !Object.keys(ALLOWED).some((key) => allows(key, f)));
    expect(
      open.map(findingKey),
      `Supabase's linter reports:\n${open.map(formatFinding).join('\n')}\n` +
        'Fix them in a new migration, or (a definer RPC exposed on purpose) list them in ' +
        'supabase/tests/splinter/allow-list.ts with the reason.',
    ).toEqual([]);
  });

  it('has no allow-list entry that matches nothing', () => {
    const stale = Object.keys(ALLOWED).filter((key) => !findings.some((f) => allows(key, f)));
    expect(stale, `remove from supabase/tests/splinter/allow-list.ts: ${stale.join(', ')}`).toEqual([]);
  });

  it('catches a known-bad schema', async () => {
    const bad = await rolledBack<Finding[]>(t, async (sql) => {
      // one statement per query: PGlite's extended protocol takes a single command
      for (const statement of KNOWN_BAD_SCHEMA.split(/;\n/).filter((s) => s.trim())) await sql.query(statement);
      return runLints(sql, lints);
    });
    const keys = bad.filter((f) => f.metadata.schema === 'lint_fixture').map((f) => `${f.name}: ${f.metadata.name}`);
    expect(new Set(keys)).toEqual(
      new Set([
        'unindexed_foreign_keys: children',
        'multiple_permissive_policies: children',
        'auth_rls_initplan: children',
        'duplicate_index: children',
        'rls_policy_always_true: children',
        'policy_exists_rls_disabled: parents',
        'rls_disabled_in_public: open_table',
        'security_definer_view: owner_view',
        'function_search_path_mutable: leaky',
        'anon_security_definer_function_executable: leaky',
        'authenticated_security_definer_function_executable: leaky',
      ]),
    );
    const multiple = bad.find((f) => f.name === 'multiple_permissive_policies' && f.metadata.schema === 'lint_fixture');
    expect(multiple?.detail).toMatch(/role authenticated for action SELECT: "everyone reads", "owners read"/);
  });
});

it('keeps schema private out of the API, as the allow-list assumes', async () => {
  const config = await readFile(new URL('../config.toml', import.meta.url), 'utf8');
  const api = /^\[api\][^[]*?^schemas\s*=\s*\[([^\]]*)\]/m.exec(config);
  expect(api, 'supabase/config.toml has an [api] schemas list').not.toBeNull();
  const schemas = api![1]!.split(',').map((s) => s.trim().replace(/^"|"$/g, ''));
  expect(schemas).not.toContain('private');
});
