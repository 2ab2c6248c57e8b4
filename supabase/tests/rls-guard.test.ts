import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../edge/db/port.ts';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { FUNCTION_MATRIX, MATRIX, MATRIX_FUNCTIONS, MATRIX_TABLES, VERBS } from './matrix.ts';

/**
 * Guards that every later migration must pass: RLS on every exposed table and a row for it in
 * the matrix, hardened definer functions, no EXECUTE for PUBLIC, nothing callable by anon
 * unless listed, policies that name their role and never allow everything.
 */

/** Schemas PostgREST / Supabase expose. Those that do not exist here are skipped. */
const EXPOSED_SCHEMAS = ['public', 'graphql_public', 'storage'];
/** Schemas whose security definer functions must pin search_path. */
const DEFINER_SCHEMAS = ['public', 'private', 'auth'];
/** Schemas where no function may be executable by PUBLIC. */
const NO_PUBLIC_EXECUTE_SCHEMAS = ['public', 'private'];

/** Functions in public that anon may execute, each with the reason. Keep it empty if you can. */
const ANON_CALLABLE: Record<string, string> = {
  'public.verify_certificate(text)':
    'the public verification page: a certificate by the hash of its code, zero rows for any other (20261124000100)',
  'public.give_faq_feedback(uuid, boolean, text)':
    '"was this helpful?" on /faq: visitors vote once per browser key on published articles only (20261128000200)',
};
/** Policies allowed to be USING (true) / WITH CHECK (true), "schema.table: policy" → reason. */
const UNRESTRICTED_POLICIES: Record<string, string> = {};
/** Tables in exposed schemas allowed to have RLS on but no policy at all (deny all), with reason. */
const DENY_ALL_TABLES: Record<string, string> = {};

const MATRIX_FILE = 'supabase/tests/matrix.ts';

describe.each(engines())('row-level security guard on %s', (engine) => {
  let t: TestDatabase;
  const owner = <T>(fn: (sql: Sql) => Promise<T>) => t.db.asOwner(fn);
  const exposed = () =>
    owner((sql) =>
      sql.query<{ nspname: string }>('select nspname from pg_namespace where nspname = any($1) order by 1', [
        EXPOSED_SCHEMAS,
      ]),
    ).then((rows) => rows.map((r) => r.nspname));

  beforeAll(async () => {
    t = await fresh(engine);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('has RLS enabled on every table in an exposed schema', async () => {
    const rows = await owner((sql) =>
      sql.query<{ name: string }>(
        `select format('%I.%I', n.nspname, c.relname) as name
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where c.relkind in ('r', 'p') and n.nspname = any($1) and not c.relrowsecurity
         order by 1`,
        [EXPOSED_SCHEMAS],
      ),
    );
    const missing = rows.map((r) => r.name);
    expect(
      missing,
      missing
        .map(
          (name) =>
            `${name} has row-level security off: in a new migration add ` +
            `\`alter table ${name} enable row level security;\` and one policy per verb, to a named role.`,
        )
        .join('\n'),
    ).toEqual([]);
  });

  it('keeps every table in schema private behind RLS, with no verb for anon or authenticated', async () => {
    // Not exposed by the API, so not in the matrix; but if private were ever exposed, or a grant
    // slipped in, these tables must still deny every request role every verb.
    const rows = await owner((sql) =>
      sql.query<{ name: string; rls: boolean; granted: string[] }>(
        `select format('private.%I', c.relname) as name, c.relrowsecurity as rls,
                array(select r || ' ' || v from unnest(array['anon', 'authenticated']) r,
                        unnest(array['select', 'insert', 'update', 'delete']) v
                      where has_table_privilege(r, c.oid, v)) as granted
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where c.relkind in ('r', 'p') and n.nspname = 'private'
         order by 1`,
      ),
    );
    expect(rows.length).toBeGreaterThan(0);
    const loose = rows.filter((r) => !r.rls || r.granted.length > 0);
    expect(
      loose.map((r) => r.name),
      loose
        .map((r) =>
          !r.rls
            ? `${r.name} has row-level security off: \`alter table ${r.name} enable row level security;\``
            : `${r.name} grants ${r.granted.join(', ')}: revoke it; request roles reach private data only through definer functions`,
        )
        .join('\n'),
    ).toEqual([]);
    for (const r of rows) {
      for (const role of ['anon', 'authenticated'] as const) {
        const attempt = t.db.asCaller(
          role === 'anon' ? { role } : { role, claims: { sub: '00000000-0000-4000-8000-000000000001', role } },
          (sql) => sql.query(`select 1 from ${r.name} limit 1`),
        );
        await expect(attempt, `${role} reads ${r.name}`).rejects.toMatchObject({ code: '42501' });
      }
    }
  });

  it('has at least one policy on every table in an exposed schema', async () => {
    const rows = await owner((sql) =>
      sql.query<{ name: string }>(
        `select format('%I.%I', n.nspname, c.relname) as name
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where c.relkind in ('r', 'p') and n.nspname = any($1)
           and not exists (select 1 from pg_policy p where p.polrelid = c.oid)
         order by 1`,
        [EXPOSED_SCHEMAS],
      ),
    );
    const bare = rows.map((r) => r.name).filter((name) => !(name in DENY_ALL_TABLES));
    expect(
      bare,
      bare
        .map(
          (name) =>
            `${name} has no policy, so no request can use it: add policies (to authenticated / to anon), ` +
            `or list it in DENY_ALL_TABLES in supabase/tests/rls-guard.test.ts with the reason.`,
        )
        .join('\n'),
    ).toEqual([]);
  });

  it('lists exactly the exposed tables in the RLS matrix', async () => {
    const rows = await owner((sql) =>
      sql.query<{ name: string }>(
        `select format('%s.%s', n.nspname, c.relname) as name
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where c.relkind in ('r', 'p') and n.nspname = any($1)
         order by 1`,
        [EXPOSED_SCHEMAS],
      ),
    );
    const inDatabase = rows.map((r) => r.name);
    const listed = new Set<string>(MATRIX_TABLES);
    const unlisted = inDatabase.filter((name) => !listed.has(name));
    const stale = [...listed].filter((name) => !inDatabase.includes(name));
    expect(
      unlisted,
      unlisted
        .map(
          (name) =>
            `${name} is not in the RLS matrix: add it to MATRIX_TABLES in ${MATRIX_FILE}, and rows for ` +
            `select, insert, update and delete with the expected outcome for every role (fixtures in ` +
            `supabase/tests/fixtures.ts).`,
        )
        .join('\n'),
    ).toEqual([]);
    expect(
      stale,
      stale
        .map((name) => `${name} is in MATRIX_TABLES (${MATRIX_FILE}) but not in the database: remove it.`)
        .join('\n'),
    ).toEqual([]);
  });

  it('covers every verb of every matrix table', () => {
    const gaps = MATRIX_TABLES.flatMap((table) =>
      VERBS.filter((verb) => !MATRIX.some((c) => c.table === table && c.verb === verb)).map(
        (verb) => `${table} ${verb}`,
      ),
    );
    expect(gaps, gaps.map((g) => `the RLS matrix has no row for ${g}: add one in ${MATRIX_FILE}.`).join('\n')).toEqual(
      [],
    );
  });

  it('lists exactly the API functions of schema public in the function matrix', async () => {
    const rows = await owner((sql) =>
      sql.query<{ name: string }>(
        `select format('%s.%s(%s)', n.nspname, p.proname, oidvectortypes(p.proargtypes)) as name
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where n.nspname = 'public' and p.prokind in ('f', 'p')
           and p.prorettype <> 'trigger'::regtype
           and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
         order by 1`,
      ),
    );
    const inDatabase = rows.map((r) => r.name);
    const unlisted = inDatabase.filter((name) => !(MATRIX_FUNCTIONS as readonly string[]).includes(name));
    const stale = MATRIX_FUNCTIONS.filter((name) => !inDatabase.includes(name));
    const untested = MATRIX_FUNCTIONS.filter((name) => !FUNCTION_MATRIX.some((c) => c.fn === name));
    expect(
      [...unlisted, ...stale, ...untested],
      [
        ...unlisted.map((n) => `${n} is not in MATRIX_FUNCTIONS (${MATRIX_FILE}): add it and rows in FUNCTION_MATRIX.`),
        ...stale.map((n) => `${n} is in MATRIX_FUNCTIONS (${MATRIX_FILE}) but not in the database: remove it.`),
        ...untested.map((n) => `${n} has no row in FUNCTION_MATRIX (${MATRIX_FILE}): add one per outcome.`),
      ].join('\n'),
    ).toEqual([]);
  });

  it('pins search_path on every security definer function in public, private and auth', async () => {
    const rows = await owner((sql) =>
      sql.query<{ name: string }>(
        `select format('%s.%s(%s)', n.nspname, p.proname, oidvectortypes(p.proargtypes)) as name
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where p.prosecdef and n.nspname = any($1)
           and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')
         order by 1`,
        [DEFINER_SCHEMAS],
      ),
    );
    const unpinned = rows.map((r) => r.name);
    expect(
      unpinned,
      unpinned
        .map(
          (name) => `security definer function ${name} has no search_path: declare it with \`set search_path = ''\`.`,
        )
        .join('\n'),
    ).toEqual([]);
  });

  it('grants EXECUTE to PUBLIC on no function in public or private', async () => {
    // A NULL proacl is the default ACL, which includes EXECUTE for PUBLIC (grantee 0).
    const rows = await owner((sql) =>
      sql.query<{ name: string }>(
        `select format('%s.%s(%s)', n.nspname, p.proname, oidvectortypes(p.proargtypes)) as name
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where n.nspname = any($1)
           and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
           and exists (
             select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
             where a.grantee = 0 and a.privilege_type = 'EXECUTE'
           )
         order by 1`,
        [NO_PUBLIC_EXECUTE_SCHEMAS],
      ),
    );
    const open = rows.map((r) => r.name);
    expect(
      open,
      open
        .map(
          (name) =>
            `${name} is executable by PUBLIC: \`revoke execute on function ${name} from public;\` and grant it ` +
            `to the roles that need it (per-schema ALTER DEFAULT PRIVILEGES cannot revoke the global default).`,
        )
        .join('\n'),
    ).toEqual([]);
  });

  it('lets anon execute no function in public', async () => {
    const rows = await owner((sql) =>
      sql.query<{ name: string }>(
        `select format('%s.%s(%s)', n.nspname, p.proname, oidvectortypes(p.proargtypes)) as name
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where n.nspname = 'public'
           and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
           and has_function_privilege('anon', p.oid, 'EXECUTE')
         order by 1`,
      ),
    );
    const callable = rows.map((r) => r.name).filter((name) => !(name in ANON_CALLABLE));
    expect(
      callable,
      callable
        .map(
          (name) =>
            `anon may execute ${name}: \`revoke execute on function ${name} from public, anon;\`, ` +
            `or list it in ANON_CALLABLE in supabase/tests/rls-guard.test.ts with the reason.`,
        )
        .join('\n'),
    ).toEqual([]);
  });

  it('has every policy name its role (none `to public`)', async () => {
    const rows = await owner((sql) =>
      sql.query<{ name: string }>(
        `select format('%I.%I: %s', schemaname, tablename, policyname) as name
         from pg_policies where 'public' = any(roles) order by 1`,
      ),
    );
    const loose = rows.map((r) => r.name);
    expect(
      loose,
      loose.map((name) => `policy ${name} applies to PUBLIC: say \`to authenticated\` and/or \`to anon\`.`).join('\n'),
    ).toEqual([]);
  });

  it('has no policy that allows everything (USING (true) / WITH CHECK (true)) unless listed', async () => {
    const rows = await owner((sql) =>
      sql.query<{ name: string }>(
        `select format('%s.%s: %s', schemaname, tablename, policyname) as name
         from pg_policies
         where permissive = 'PERMISSIVE'
           and (qual = 'true' or with_check = 'true'
                or (qual is null and cmd in ('SELECT', 'UPDATE', 'DELETE', 'ALL')))
         order by 1`,
      ),
    );
    const open = rows.map((r) => r.name).filter((name) => !(name in UNRESTRICTED_POLICIES));
    expect(
      open,
      open
        .map(
          (name) =>
            `policy ${name} lets every row through: give it a real condition, or list it in ` +
            `UNRESTRICTED_POLICIES in supabase/tests/rls-guard.test.ts with the reason.`,
        )
        .join('\n'),
    ).toEqual([]);
  });

  it('wraps auth.uid() / auth.jwt() / auth.role() in a subselect in every policy', async () => {
    // `(select auth.uid())` is evaluated once per statement; a bare call runs per row.
    const rows = await owner((sql) =>
      sql.query<{ name: string; expr: string }>(
        `select format('%s.%s: %s', schemaname, tablename, policyname) as name,
                coalesce(qual, '') || ' ' || coalesce(with_check, '') as expr
         from pg_policies order by 1`,
      ),
    );
    const bare = rows
      .filter((r) => /auth\.(uid|jwt|role)\(\)/.test(r.expr.replace(/SELECT auth\.(uid|jwt|role)\(\)/g, '')))
      .map((r) => r.name);
    expect(
      bare,
      bare.map((name) => `policy ${name} calls auth.*() per row: write \`(select auth.uid())\`.`).join('\n'),
    ).toEqual([]);
  });

  it('exposes views only with security_invoker and no materialized views or foreign tables', async () => {
    const schemas = await exposed();
    const rows = await owner((sql) =>
      sql.query<{ name: string; kind: string }>(
        `select format('%s.%s', n.nspname, c.relname) as name, c.relkind::text as kind
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = any($1)
           and (c.relkind in ('m', 'f')
                or (c.relkind = 'v' and not coalesce(
                      (select option_value::boolean from pg_options_to_table(c.reloptions)
                       where option_name = 'security_invoker'), false)))
         order by 1`,
        [schemas],
      ),
    );
    expect(
      rows.map((r) => r.name),
      rows
        .map((r) =>
          r.kind === 'v'
            ? `view ${r.name} runs as its owner and bypasses RLS: create it \`with (security_invoker = true)\`.`
            : `${r.name} (relkind ${r.kind}) cannot have RLS: move it to a private schema behind a function.`,
        )
        .join('\n'),
    ).toEqual([]);
  });
});
