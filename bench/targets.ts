/**
 * What the benchmark measures: the databases (PGlite in a data dir the server then opens,
 * PostgreSQL in a fresh database), the rows it picks to request (popular courses, a learner with
 * progress and an open lesson of theirs), and per route the HTTP requests and the bare SQL:
 * the same query functions the route runs, as the table owner (no role switch, no RLS, no
 * HTTP), in one transaction, with the learner's claims set where the queries read auth.uid().
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { catalogQuery } from '../edge/catalog/filters.ts';
import { courseBySlug, listCourses } from '../edge/catalog/queries.ts';
import { dashboard } from '../edge/dashboard/queries.ts';
import type { Sql } from '../edge/db/port.ts';
import { defaultPoolSize, openPostgres } from '../edge/db/postgres.ts';
import { lessonContent } from '../edge/progress/queries.ts';
import { migrate } from '../server/db/migrate.ts';
import { openPglite } from '../server/db/pglite.ts';
import type { HostDatabase } from '../server/db/types.ts';
import { freshPostgres } from '../tests/support/db.ts';
import type { Engine, RouteName } from './floors.ts';
import type { HttpTarget } from './http.ts';

export const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret-00';
export const SEARCH_TERMS = ['python', 'kubernetes', 'statistics', 'typescript', 'design'];

/** A database for one engine: open in this process for seeding and bare SQL, and how the server reaches it. */
export interface BenchDatabase {
  engine: Engine;
  db: HostDatabase;
  /**
   * Runs bare SQL as the owner. On PostgreSQL with its statements prepared, as the API's are
   * (edge/db/postgres.ts): the bare SQL is planned no more often than the API's.
   */
  asOwnerPrepared<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  /** The server's environment for this database. */
  serverEnv: Record<string, string>;
  /** PGlite has one owner at a time: close it here before the server opens it. */
  handOver(): Promise<void>;
  /** Open again in this process after the server stopped (PGlite); a no-op for PostgreSQL. */
  takeBack(): Promise<void>;
  notes: string[];
  dispose(): Promise<void>;
}

export async function pgliteDatabase(): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'lms-bench-'));
  const path = join(dir, 'pglite');
  let db = await openPglite(path);
  await migrate(db);
  const bench: BenchDatabase = {
    engine: 'pglite',
    db,
    asOwnerPrepared: (fn) => bench.db.asOwner(fn),
    serverEnv: { DATA_DIR: dir },
    async handOver() {
      await db.close();
    },
    async takeBack() {
      db = await openPglite(path);
      bench.db = db;
    },
    notes: ['PGlite: one connection, requests queue on it (in the server and here alike)'],
    async dispose() {
      await db.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return bench;
}

export async function postgresDatabase(adminUrl: string): Promise<BenchDatabase> {
  const fresh = await freshPostgres(adminUrl);
  const [row] = await fresh.db.asOwner((sql) => sql.query<{ d: string }>('select current_database() as d'));
  const url = new URL(adminUrl);
  url.pathname = `/${row!.d}`;
  // The same pool size as the server's default (DB_POOL_SIZE unset), so bare SQL gets the same connections.
  const pool = defaultPoolSize();
  const db = await openPostgres(url.toString(), pool);
  return {
    engine: 'postgres',
    db,
    asOwnerPrepared: (fn) => db.asOwner(fn, { prepared: true }),
    serverEnv: { DATABASE_URL: url.toString() },
    handOver: async () => {},
    takeBack: async () => {},
    notes: [`PostgreSQL: the server's pool and the bare SQL's pool have ${pool} connections each (2 x CPUs + 1)`],
    async dispose() {
      await db.close().catch(() => {});
      await fresh.drop();
    },
  };
}

export interface Picks {
  learnerId: string;
  lessonId: string;
  courseSlugs: string[];
  counts: Record<string, number>;
}

/** Popular published courses, and the learner with the most progress in one, with an open lesson. */
export async function pick(db: HostDatabase): Promise<Picks> {
  return db.asOwner(async (sql) => {
    const courses = await sql.query<{ slug: string }>(
      "select slug from public.courses where status = 'published' order by enrollment_count desc, slug limit 5",
    );
    const [learner] = await sql.query<{ user_id: string; course_id: string }>(
      `select e.user_id::text, e.course_id::text from public.enrollments e
       join public.courses c on c.id = e.course_id and c.status = 'published'
       where e.status <> 'cancelled'
       order by e.completed_lessons desc, e.user_id, e.course_id limit 1`,
    );
    if (!learner || courses.length === 0) throw new Error('nothing to benchmark: seed the database first');
    const [lesson] = await sql.query<{ id: string }>(
      `select l.id::text from public.lessons l join public.sections s on s.id = l.section_id
       where l.course_id = $1 and l.status = 'published' and l.drip_available_at is null
         and coalesce(l.drip_days_after_enrollment, 0) = 0
       order by s.position, l.position limit 1`,
      [learner.course_id],
    );
    if (!lesson) throw new Error('the learner has no open lesson to benchmark');
    const [counts] = await sql.query<Record<string, number>>(
      `select (select count(*)::int from public.courses) as courses, (select count(*)::int from public.lessons) as lessons,
              (select count(*)::int from public.profiles) as users, (select count(*)::int from public.lesson_progress) as progress`,
    );
    return {
      learnerId: learner.user_id,
      lessonId: lesson.id,
      courseSlugs: courses.map((c) => c.slug),
      counts: counts!,
    };
  });
}

export interface RouteTarget {
  route: RouteName;
  http: HttpTarget;
  /** Anonymous catalog reads: measured with the in-process cache and without. */
  cacheable: boolean;
  /** One bare-SQL call (a new call each time: search terms and courses rotate). */
  bare?: (sql: Sql) => Promise<unknown>;
  /** The caller's claims, set (not the role) before the bare SQL, for queries that read auth.uid(). */
  claims?: Record<string, unknown>;
}

export async function routeTargets(p: Picks): Promise<RouteTarget[]> {
  const claims = { sub: p.learnerId, role: 'authenticated', aud: 'authenticated', email: `${p.learnerId}@bench.local` };
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(BENCH_SECRET));
  const auth = { authorization: `Bearer ${token}` };
  const now = () => new Date();
  const rotate = <T>(items: T[]) => {
    let i = 0;
    return () => items[i++ % items.length]!;
  };
  const nextSlug = rotate(p.courseSlugs);
  const all = catalogQuery.parse({});
  const searches = SEARCH_TERMS.map((q) => catalogQuery.parse({ q }));
  const nextSearch = rotate(searches);
  return [
    { route: 'health', cacheable: false, http: { paths: ['/api/health'] } },
    {
      route: 'catalog',
      cacheable: true,
      http: { paths: ['/api/courses'] },
      bare: (sql) => listCourses(sql, all, now()),
    },
    {
      route: 'search',
      cacheable: true,
      http: { paths: SEARCH_TERMS.map((q) => `/api/courses?q=${encodeURIComponent(q)}`) },
      bare: (sql) => listCourses(sql, nextSearch(), now()),
    },
    {
      route: 'course',
      cacheable: true,
      http: { paths: p.courseSlugs.map((s) => `/api/courses/${s}`) },
      bare: (sql) => courseBySlug(sql, nextSlug(), null, now()),
    },
    {
      route: 'lesson',
      cacheable: false,
      http: { paths: [`/api/lessons/${p.lessonId}`], headers: auth },
      bare: (sql) => lessonContent(sql, p.lessonId, p.learnerId),
      claims,
    },
    {
      route: 'dashboard',
      cacheable: false,
      http: { paths: ['/api/me/dashboard'], headers: auth },
      bare: (sql) => dashboard(sql, p.learnerId),
      claims,
    },
  ];
}
