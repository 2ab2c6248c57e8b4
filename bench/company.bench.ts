/**
 * `npm run bench:company` (and a part of `npm run bench`): company learning at 2,000 employees, each
 * path beside the bare SQL of the same data in the same run, on PGlite and (with
 * BENCH_DATABASE_URL or TEST_DATABASE_URL) PostgreSQL, each on a fresh database seeded here.
 *
 * - Import: POST /api/companies/:id/imports with a 2,000-row CSV (name,email,group; 4 groups, new
 *   emails each round) through the whole data API (app.request: auth, CSV parsing, the
 *   import_company_members function as the company admin, RLS, the per-row report), without a
 *   mailer and with the Node host's outbox mailer (one invitation mail for each row, after the commit),
 *   beside the bare SQL floor: one `insert ... select` of 2,000 invitation rows as the owner.
 *   Every API answer is checked first: 2,000 rows, every one `invited`.
 * - Report: GET /api/companies/:id/report for 2,000 employees x 10 assigned courses (enrollments
 *   with progress, one lesson completed each) beside the bare SQL that reads the same joined rows
 *   (members, profiles, groups, assignments, courses, enrollments) as the owner; alternating turns.
 * Printed: p50 / p99 ms per path and the ratio API / bare SQL (of the p50s: how many times the
 * floor's time the API takes).
 * Environment: BENCH_SECONDS (5) per report path, BENCH_COMPANY_ROUNDS (3) imports per path,
 * BENCH_ENGINES (pglite,postgres), BENCH_JSON=1.
 */
import { SignJWT } from 'jose';
import { createApp } from '../edge/app.ts';
import { hs256Verifier } from '../edge/auth/jwt.ts';
import { createLocalProvider } from '../edge/payments/local.ts';
import { outboxMailer } from '../server/mail/outbox.ts';
import { freshPglite, freshPostgres, type TestDatabase } from '../tests/support/db.ts';
import { printBench } from './main.ts';
import { type Measure, measureInTurns, summarise } from './stats.ts';

export const EMPLOYEES = 2000;
export const COURSES = 10;
const SECRET = 'bench-company-secret-bench-company-000000';
const ADMIN = 'b7000000-0000-4000-8000-000000000001';
const TEACHER = 'b7000000-0000-4000-8000-000000000002';
const INSTRUCTOR = 'b7100000-0000-4000-8000-000000000001';
/** The report's company (seeded with its employees) and the import's (empty at the start). */
const REPORT_CO = 'b7200000-0000-4000-8000-000000000001';
const IMPORT_CO = 'b7200000-0000-4000-8000-000000000002';
const GROUPS = ['Engineering', 'Sales', 'Support', 'Finance'];

const n12 = (prefix: string, expr: string) => `('${prefix}' || lpad((${expr})::text, 12, '0'))::uuid`;

/** Owner SQL: the admin, 10 published courses, the two companies, 2,000 employees x 10 assigned courses. */
export const FIXTURE = `
insert into auth.users (id, email, raw_user_meta_data) values
  ('${ADMIN}', 'company-admin@bench.local', '{"first_name":"Bench","last_name":"Admin"}'),
  ('${TEACHER}', 'company-teacher@bench.local', '{"first_name":"Bench","last_name":"Teacher"}');
update public.profiles set role = 'instructor' where id = '${TEACHER}';
insert into public.instructors (id, user_id, display_name, headline, bio, expertise) values
  ('${INSTRUCTOR}', '${TEACHER}', 'Bench Teacher', 'Benchmarks', 'A bio.', '{}');
insert into public.courses (id, slug, title, subtitle, description, outcomes, tags, instructor_id, difficulty, status,
                            price_amount, published_at)
  select ${n12('b7300000-0000-4000-8000-', 'i')}, 'bench-company-course-' || i, 'Bench course ' || lpad(i::text, 2, '0'),
         '', 'For the company benchmark.', '{}', '{}', '${INSTRUCTOR}', 'beginner', 'published', 0, now()
  from generate_series(1, ${COURSES}) i;
insert into public.sections (id, course_id, title, position)
  select ${n12('b7400000-0000-4000-8000-', 'i')}, ${n12('b7300000-0000-4000-8000-', 'i')}, 'Section', 1
  from generate_series(1, ${COURSES}) i;
insert into public.lessons (id, course_id, section_id, title, content_type, position, duration_minutes)
  select ${n12('b7500000-0000-4000-8000-', 'i')}, ${n12('b7300000-0000-4000-8000-', 'i')},
         ${n12('b7400000-0000-4000-8000-', 'i')}, 'Lesson', 'text', 1, 10
  from generate_series(1, ${COURSES}) i;
insert into public.companies (id, slug, name) values
  ('${REPORT_CO}', 'bench-report-co', 'Bench Report Co'), ('${IMPORT_CO}', 'bench-import-co', 'Bench Import Co');
insert into public.company_members (company_id, user_id, role) values
  ('${REPORT_CO}', '${ADMIN}', 'admin'), ('${IMPORT_CO}', '${ADMIN}', 'admin');
insert into public.company_groups (company_id, name)
  select '${REPORT_CO}', g from unnest(array[${GROUPS.map((g) => `'${g}'`).join(', ')}]) g;
insert into public.seat_purchases (company_id, course_id, seats, note)
  select '${REPORT_CO}', ${n12('b7300000-0000-4000-8000-', 'i')}, ${EMPLOYEES}, 'bench'
  from generate_series(1, ${COURSES}) i;
insert into auth.users (id, email, raw_user_meta_data)
  select ${n12('b7600000-0000-4000-8000-', 'i')}, 'employee' || i || '@bench.local',
         jsonb_build_object('first_name', 'Employee', 'last_name', i::text)
  from generate_series(1, ${EMPLOYEES}) i;
insert into public.company_members (company_id, user_id, role, name, group_id)
  select '${REPORT_CO}', ${n12('b7600000-0000-4000-8000-', 'i')}, 'employee', 'Employee ' || i,
         (select g.id from public.company_groups g where g.company_id = '${REPORT_CO}'
          order by g.name offset (i % ${GROUPS.length}) limit 1)
  from generate_series(1, ${EMPLOYEES}) i;
insert into public.company_assignments (company_id, course_id, user_id, assigned_by, due_at)
  select '${REPORT_CO}', ${n12('b7300000-0000-4000-8000-', 'c')}, ${n12('b7600000-0000-4000-8000-', 'i')}, '${ADMIN}',
         case when c % 2 = 0 then now() + ((i % 60) - 20) * interval '1 day' end
  from generate_series(1, ${EMPLOYEES}) i, generate_series(1, ${COURSES}) c;
insert into public.enrollments (user_id, course_id, source)
  select ${n12('b7600000-0000-4000-8000-', 'i')}, ${n12('b7300000-0000-4000-8000-', 'c')}, 'company'
  from generate_series(1, ${EMPLOYEES}) i, generate_series(1, ${COURSES}) c;
insert into public.lesson_progress (user_id, course_id, lesson_id, is_completed)
  select ${n12('b7600000-0000-4000-8000-', 'i')}, ${n12('b7300000-0000-4000-8000-', 'c')},
         ${n12('b7500000-0000-4000-8000-', 'c')}, true
  from generate_series(1, ${EMPLOYEES}) i, generate_series(1, ${COURSES}) c
  where (i + c) % 3 = 0;
`;

/** A 2,000-row import file (name,email,group) with emails unique to `round`. */
export function importCsv(round: string, rows = EMPLOYEES): string {
  const lines = ['name,email,group'];
  for (let i = 1; i <= rows; i++) lines.push(`Hire ${i},hire${i}.${round}@bench.local,${GROUPS[i % GROUPS.length]}`);
  return `${lines.join('\n')}\n`;
}

/** The floor of an import: 2,000 invitation rows in one statement, as the owner. */
const BARE_IMPORT = `
insert into public.company_invitations (company_id, email, name, token_sha256, created_by)
select $1, 'bare' || i || '.' || $2 || '@bench.local', 'Hire ' || i,
       sha256(convert_to(gen_random_uuid()::text, 'UTF8')), $3
from generate_series(1, ${EMPLOYEES}) i`;

/** The floor of the report: the same joined rows, as the owner. */
const BARE_REPORT = `
select m.user_id, m.name, m.role, m.status, p.email, p.first_name, p.last_name, g.id as group_id, g.name as group_name,
       a.course_id, c.title, a.bundle_id, a.assigned_at, a.due_at, e.status as enrollment_status,
       e.progress_percentage, e.completed_at, e.last_activity_at
from public.company_members m
join public.profiles p on p.id = m.user_id
left join public.company_groups g on g.id = m.group_id
left join public.company_assignments a on a.company_id = m.company_id and a.user_id = m.user_id and a.unassigned_at is null
left join public.courses c on c.id = a.course_id
left join public.enrollments e on e.user_id = a.user_id and e.course_id = a.course_id
where m.company_id = $1`;

export interface CompanyBenchRow {
  engine: 'pglite' | 'postgres';
  path: string;
  /** The bare SQL row this one is compared with (its path), or null for a floor. */
  floor: string | null;
  measure: Measure;
}

type Db = TestDatabase['db'];

async function benchDatabase(engine: 'pglite' | 'postgres', db: Db, seconds: number, rounds: number) {
  const log = (line: string) => process.stderr.write(`${engine}: ${line}\n`);
  log('seeding 2,000 employees x 10 courses');
  await db.runScript(FIXTURE);
  // Fresh statistics, as autovacuum would have them after a bulk load (PGlite has no autovacuum:
  // without this the planner guesses empty tables and the report takes a minute).
  await db.asOwner((sql) => sql.query('analyze'));
  const app = (mail: boolean) =>
    createApp({
      db,
      verifier: hs256Verifier(SECRET),
      publicConfig: () => ({
        mode: 'embedded',
        supabaseUrl: 'http://localhost',
        supabaseAnonKey: 'x',
        devOutbox: false,
      }),
      payments: createLocalProvider({ siteUrl: 'http://localhost', webhookSecret: 'whsec_bench_company_0000000000' }),
      mailer: mail ? outboxMailer(db) : undefined,
    });
  const plain = app(false);
  const mailing = app(true);
  const token = await new SignJWT({
    sub: ADMIN,
    role: 'authenticated',
    aud: 'authenticated',
    email: 'company-admin@bench.local',
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(SECRET));
  const auth = { authorization: `Bearer ${token}` };

  let round = 0;
  const apiImport = async (a: ReturnType<typeof createApp>) => {
    const res = await a.request(`/api/companies/${IMPORT_CO}/imports`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/csv' },
      body: importCsv(`r${round++}`),
    });
    const body = (await res.json()) as { rows?: { status: string; mailed: boolean }[] };
    const ok = res.status === 200 && body.rows?.length === EMPLOYEES && body.rows.every((r) => r.status === 'invited');
    if (!ok) throw new Error(`the import answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    if (a === mailing && !body.rows!.every((r) => r.mailed)) throw new Error('an invitation mail was not sent');
  };
  const bareImport = () => db.asOwner((sql) => sql.query(BARE_IMPORT, [IMPORT_CO, `b${round++}`, ADMIN]));
  const report = async () => {
    const res = await plain.request(`/api/companies/${REPORT_CO}/report`, { headers: auth });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`the report answered ${res.status}: ${text.slice(0, 300)}`);
    return text;
  };
  const bareReport = () => db.asOwner((sql) => sql.query(BARE_REPORT, [REPORT_CO]));

  // Checked first: a benchmark of failures measures nothing.
  const first = JSON.parse(await report()) as { members: { courses: unknown[] }[] };
  const employees = first.members.filter((m) => m.courses.length === COURSES).length;
  if (employees !== EMPLOYEES) throw new Error(`the report shows ${employees} employees with ${COURSES} courses`);
  if ((await bareReport()).length !== EMPLOYEES * COURSES + 1) throw new Error('the bare report misses rows');

  log(`imports: ${rounds} rounds of API, API + outbox mail and bare SQL, alternating`);
  const samples: Record<'api' | 'mail' | 'bare', number[]> = { api: [], mail: [], bare: [] };
  const timed = async (into: number[], fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    into.push(performance.now() - t);
  };
  await apiImport(plain); // warm-up, unmeasured
  await bareImport();
  for (let i = 0; i < rounds; i++) {
    await timed(samples.api, () => apiImport(plain));
    await timed(samples.mail, () => apiImport(mailing));
    await timed(samples.bare, bareImport);
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  log(`report: ${seconds} s each, alternating turns`);
  const [api, bare] = await measureInTurns([report, bareReport], seconds, 500);
  const importApi = 'POST /imports (2,000 rows)';
  const importBare = 'bare SQL: insert ... select 2,000 invitations';
  const reportApi = 'GET /report (2,000 x 10)';
  const reportBare = 'bare SQL: the joined rows (20,000)';
  return [
    { engine, path: importApi, floor: importBare, measure: summarise(samples.api, sum(samples.api)) },
    {
      engine,
      path: `${importApi} + 2,000 outbox mails`,
      floor: importBare,
      measure: summarise(samples.mail, sum(samples.mail)),
    },
    { engine, path: importBare, floor: null, measure: summarise(samples.bare, sum(samples.bare)) },
    { engine, path: reportApi, floor: reportBare, measure: api! },
    { engine, path: reportBare, floor: null, measure: bare! },
  ] satisfies CompanyBenchRow[];
}

export function formatCompanyBench(rows: CompanyBenchRow[]): string {
  const width = Math.max(...rows.map((r) => r.path.length), 10);
  const head = `${'engine'.padEnd(9)} ${'path'.padEnd(width)} ${'runs'.padStart(5)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'x floor'.padStart(8)}`;
  const lines = rows.map((r) => {
    const floor = r.floor ? rows.find((f) => f.engine === r.engine && f.path === r.floor) : undefined;
    const ratio = floor ? (r.measure.p50 / floor.measure.p50).toFixed(1) : '';
    return `${r.engine.padEnd(9)} ${r.path.padEnd(width)} ${String(r.measure.count).padStart(5)} ${r.measure.p50.toFixed(1).padStart(9)} ${r.measure.p99.toFixed(1).padStart(9)} ${ratio.padStart(8)}`.trimEnd();
  });
  const title = 'company learning at 2,000 employees (x floor: p50 / the bare SQL p50, same run)';
  return [title, '-'.repeat(title.length), head, ...lines].join('\n');
}

/** Every engine this run covers, each on a fresh database dropped after. */
export async function benchCompany(seconds: number): Promise<CompanyBenchRow[]> {
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const wanted = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
  const rounds = Number(process.env.BENCH_COMPANY_ROUNDS ?? 3);
  const rows: CompanyBenchRow[] = [];
  const engines: ('pglite' | 'postgres')[] = [];
  if (wanted.includes('pglite')) engines.push('pglite');
  if (wanted.includes('postgres') && pgUrl) engines.push('postgres');
  for (const engine of engines) {
    const t = engine === 'pglite' ? await freshPglite() : await freshPostgres(pgUrl);
    try {
      rows.push(...(await benchDatabase(engine, t.db, seconds, rounds)));
    } finally {
      await t.drop();
    }
  }
  return rows;
}

if (import.meta.main) {
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  await printBench(
    benchCompany,
    formatCompanyBench,
    pgUrl ? '' : '(PostgreSQL not measured: set BENCH_DATABASE_URL or TEST_DATABASE_URL)\n',
  );
}
