/**
 * Idempotent demo seeding. Every demo row has a stable id (a UUID v5-style hash of its
 * natural key) and is written with `on conflict`, so running the seed again changes nothing
 * and never duplicates. Updates carry `where ... is distinct from ...`, so an unchanged row
 * is not even touched (its updated_at stays put).
 *
 * What it restores and what it leaves alone:
 * - demo rows (courses, curriculum, categories, instructor cards, the company, demo profiles'
 *   names and roles) are put back to their seeded state;
 * - rows users created are never touched: a course or category whose slug a user already took
 *   is left as it is (and a demo course that cannot be written is skipped, with its curriculum);
 * - existing demo accounts keep their password; learners' enrolments and progress are only
 *   added, never reset (`on conflict do nothing`).
 *
 * Everything runs as the owner (db.asOwner), one transaction per step.
 */
import { createHash } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { Sql } from '../edge/db/port.ts';
import type { HostDatabase } from '../server/db/types.ts';
import {
  ACCOUNTS,
  CATEGORIES,
  COMPANY,
  COURSES,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  ENROLLMENTS,
  INSTRUCTORS,
} from './data/index.ts';
import type { AccountSeed, DemoAccount } from './data/index.ts';

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './data/index.ts';
export type { DemoAccount } from './data/index.ts';

export interface SeedOptions {
  /** Called as each step starts: `done` is that step's number (1-based) of `total`. */
  onProgress?: (step: string, done: number, total: number) => void;
  /** The clock for relative dates (published_at, enrolled_at). Defaults to now. */
  now?: Date;
}

export interface SeedSummary {
  /** Demo accounts present after seeding, and how many this run created. */
  accounts: number;
  accountsCreated: number;
  instructors: number;
  categories: number;
  publishedCourses: number;
  unpublishedCourses: number;
  /** Demo courses not written because a user's course already holds the slug. */
  skippedCourses: string[];
  sections: number;
  lessons: number;
  enrollments: number;
  completedLessons: number;
  demoAccounts: DemoAccount[];
  password: string;
  ms: number;
}

// ---------------------------------------------------------------------------
// Stable ids

const NAMESPACE = Buffer.from('5d1f6c0ea2b84e7f9c3a7b21e4d9f058', 'hex');

/** A UUID (version 5 layout: SHA-1 of a fixed namespace and `name`) for a demo row. */
export function seedId(name: string): string {
  const h = createHash('sha1').update(NAMESPACE).update(name).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const ids = {
  user: (email: string) => seedId(`user:${email.toLowerCase()}`),
  instructor: (email: string) => seedId(`instructor:${email.toLowerCase()}`),
  company: (slug: string) => seedId(`company:${slug}`),
  category: (slug: string) => seedId(`category:${slug}`),
  course: (slug: string) => seedId(`course:${slug}`),
  section: (course: string, s: number) => seedId(`section:${course}:${s}`),
  lesson: (course: string, s: number, l: number) => seedId(`lesson:${course}:${s}:${l}`),
  enrollment: (email: string, course: string) => seedId(`enrollment:${email.toLowerCase()}:${course}`),
  progress: (email: string, course: string, s: number, l: number) =>
    seedId(`progress:${email.toLowerCase()}:${course}:${s}:${l}`),
};

// ---------------------------------------------------------------------------

const ADMIN_EMAIL = 'admin@demo.test';
const DAY = 86_400_000;

/**
 * Cheap check for first-start seeding: the admin account exists. The admin is written in the
 * seed's last step, so a seed interrupted half-way is completed on the next start.
 */
export async function isSeeded(db: HostDatabase): Promise<boolean> {
  const rows = await db.asOwner((sql) =>
    sql.query('select 1 from auth.users where lower(email) = $1 limit 1', [ADMIN_EMAIL]),
  );
  return rows.length > 0;
}

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY).toISOString();

async function accountIds(sql: Sql, emails: string[]): Promise<Map<string, string>> {
  const rows = await sql.query<{ id: string; email: string }>(
    'select id, lower(email) as email from auth.users where lower(email) = any($1::text[])',
    [emails.map((e) => e.toLowerCase())],
  );
  return new Map(rows.map((r) => [r.email, r.id]));
}

/**
 * Inserts missing auth users (with the demo password) and sets the demo profiles' names and
 * roles. Returns how many users it created.
 */
async function upsertAccounts(sql: Sql, accounts: AccountSeed[], hash: () => Promise<string>, now: Date) {
  const existing = await accountIds(sql, accounts.map((a) => a.email));
  const missing = accounts.filter((a) => !existing.has(a.email.toLowerCase()));
  if (missing.length) {
    const encrypted = await hash();
    const at = now.toISOString();
    for (const a of missing) {
      // The profile comes from the on_auth_user_created trigger (always as a student).
      await sql.query(
        `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                                 raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
         values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2, $3, $4,
                 '{"provider":"email","providers":["email"]}'::jsonb, $5::jsonb, $4, $4)
         on conflict do nothing`,
        [ids.user(a.email), a.email, encrypted, at, JSON.stringify({ first_name: a.firstName, last_name: a.lastName })],
      );
    }
    await supabaseAuthCompat(sql, missing.map((a) => ids.user(a.email)), at);
  }
  const byEmail = await accountIds(sql, accounts.map((a) => a.email));
  for (const a of accounts) {
    const id = byEmail.get(a.email.toLowerCase());
    if (!id) throw new Error(`demo account ${a.email} could not be created`);
    await sql.query(
      `insert into public.profiles (id, email, first_name, last_name, role)
       values ($1, $2, $3, $4, $5::public.app_role)
       on conflict (id) do update
         set first_name = excluded.first_name, last_name = excluded.last_name, role = excluded.role
         where (profiles.first_name, profiles.last_name, profiles.role)
               is distinct from (excluded.first_name, excluded.last_name, excluded.role)`,
      [id, a.email, a.firstName, a.lastName, a.role],
    );
  }
  return { created: missing.length, byEmail };
}

/**
 * On a real Supabase database, GoTrue needs an email identity per user and '' rather than
 * NULL in its token columns. Those tables and columns do not exist in the embedded compat
 * schema, so each part runs only where they exist.
 */
async function supabaseAuthCompat(sql: Sql, userIds: string[], at: string) {
  const cols = await sql.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns
     where table_schema = 'auth' and table_name in ('users', 'identities')`,
  );
  const has = (table: string, column: string) => cols.some((c) => c.table_name === table && c.column_name === column);
  const tokenColumns = [
    'confirmation_token', 'recovery_token', 'email_change', 'email_change_token_new',
    'email_change_token_current', 'phone_change', 'phone_change_token', 'reauthentication_token',
  ].filter((c) => has('users', c));
  if (tokenColumns.length) {
    const sets = tokenColumns.map((c) => `${c} = coalesce(${c}, '')`).join(', ');
    await sql.query(`update auth.users set ${sets} where id = any($1::uuid[])`, [userIds]);
  }
  if (['provider_id', 'user_id', 'identity_data', 'provider'].every((c) => has('identities', c))) {
    await sql.query(
      `insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
       select u.id::text, u.id,
              jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true),
              'email', $2::timestamptz, $2::timestamptz, $2::timestamptz
       from auth.users u where u.id = any($1::uuid[])
       on conflict do nothing`,
      [userIds, at],
    );
  }
}

/** Ids of the demo courses this seed may write: those absent, or present with the demo id. */
async function ownedCourseIds(sql: Sql): Promise<Map<string, string>> {
  const rows = await sql.query<{ slug: string; id: string }>(
    'select slug, id from public.courses where slug = any($1::text[])',
    [COURSES.map((c) => c.slug)],
  );
  const owned = new Map<string, string>();
  for (const r of rows) if (r.id === ids.course(r.slug)) owned.set(r.slug, r.id);
  return owned;
}

// ---------------------------------------------------------------------------

export async function seed(db: HostDatabase, opts: SeedOptions = {}): Promise<SeedSummary> {
  const started = Date.now();
  const now = opts.now ?? new Date();
  let hashed: Promise<string> | undefined;
  // bcrypt is slow: hash at most once per run, and only if an account is missing.
  const hash = () => (hashed ??= bcrypt.hash(DEMO_PASSWORD, 10));

  const admin = ACCOUNTS.filter((a) => a.email === ADMIN_EMAIL);
  const others = ACCOUNTS.filter((a) => a.email !== ADMIN_EMAIL);
  const userIds = new Map<string, string>();
  const instructorIds = new Map<string, string>();
  let accountsCreated = 0;
  let skippedCourses: string[] = [];

  const steps: [string, (sql: Sql) => Promise<void>][] = [
    [
      'accounts',
      async (sql) => {
        const { created, byEmail } = await upsertAccounts(sql, others, hash, now);
        accountsCreated += created;
        for (const [k, v] of byEmail) userIds.set(k, v);
      },
    ],
    [
      'instructors',
      async (sql) => {
        for (const i of INSTRUCTORS) {
          const userId = userIds.get(i.email)!;
          await sql.query(
            `insert into public.instructors (id, user_id, display_name, headline, bio, expertise)
             values ($1, $2, $3, $4, $5, $6::text[])
             on conflict (user_id) do update
               set display_name = excluded.display_name, headline = excluded.headline,
                   bio = excluded.bio, expertise = excluded.expertise
               where (instructors.display_name, instructors.headline, instructors.bio, instructors.expertise)
                     is distinct from (excluded.display_name, excluded.headline, excluded.bio, excluded.expertise)`,
            [ids.instructor(i.email), userId, i.displayName, i.headline, i.bio, i.expertise],
          );
          const [row] = await sql.query<{ id: string }>('select id from public.instructors where user_id = $1', [userId]);
          instructorIds.set(i.email, row!.id);
        }
      },
    ],
    [
      'company',
      async (sql) => {
        await sql.query(
          `insert into public.companies (id, slug, name) values ($1, $2, $3)
           on conflict (slug) do update set name = excluded.name
             where companies.id = excluded.id and companies.name is distinct from excluded.name`,
          [ids.company(COMPANY.slug), COMPANY.slug, COMPANY.name],
        );
        const [company] = await sql.query<{ id: string }>('select id from public.companies where slug = $1', [COMPANY.slug]);
        for (const m of COMPANY.members) {
          await sql.query(
            `insert into public.company_members (company_id, user_id, role) values ($1, $2, $3::public.company_role)
             on conflict (company_id, user_id) do update set role = excluded.role
               where company_members.role is distinct from excluded.role`,
            [company!.id, userIds.get(m.email), m.role],
          );
        }
      },
    ],
    [
      'categories',
      async (sql) => {
        const rows = CATEGORIES.map((c, i) => ({ id: ids.category(c.slug), slug: c.slug, name: c.name, description: c.description, position: i + 1 }));
        // A category a user already created under a demo slug is reused as it is.
        await sql.query(
          `insert into public.categories (id, slug, name, description, position)
           select id, slug, name, description, position
           from jsonb_to_recordset($1::jsonb) as x(id uuid, slug text, name text, description text, position int)
           on conflict (slug) do update
             set name = excluded.name, description = excluded.description, position = excluded.position
             where categories.id = excluded.id
               and (categories.name, categories.description, categories.position)
                   is distinct from (excluded.name, excluded.description, excluded.position)`,
          [JSON.stringify(rows)],
        );
      },
    ],
    [
      'courses',
      async (sql) => {
        const cats = await sql.query<{ slug: string; id: string }>(
          'select slug, id from public.categories where slug = any($1::text[])',
          [CATEGORIES.map((c) => c.slug)],
        );
        const catId = new Map(cats.map((c) => [c.slug, c.id]));
        const rows = COURSES.map((c) => ({
          id: ids.course(c.slug),
          slug: c.slug,
          title: c.title,
          subtitle: c.subtitle,
          description: c.description,
          outcomes: c.outcomes,
          prerequisites: c.prerequisites,
          tags: c.tags,
          instructor_id: instructorIds.get(c.instructor)!,
          category_id: catId.get(c.category) ?? null,
          difficulty: c.difficulty,
          status: c.status,
          published_at: c.status === 'published' ? daysBefore(now, c.publishedDaysAgo ?? 0) : null,
          price_amount: c.price,
          rating_average: c.rating.average,
          rating_count: c.rating.count,
          enrollment_count: c.enrollmentCount,
        }));
        // Conflicts on the slug update only our own rows (same id): a user's course under a
        // demo slug is never overwritten. published_at is kept once set, so "New" badges age
        // from the first seed. enrollment_count is set once, on insert; enrolments then add to it.
        await sql.query(
          `insert into public.courses (id, slug, title, subtitle, description, outcomes, prerequisites, tags,
                                       instructor_id, category_id, difficulty, language, status, published_at,
                                       price_amount, price_currency, rating_average, rating_count, enrollment_count)
           select id, slug, title, subtitle, description, outcomes, prerequisites, tags,
                  instructor_id, category_id, difficulty::public.course_difficulty, 'en', status::public.course_status,
                  published_at, price_amount, 'USD', rating_average, rating_count, enrollment_count
           from jsonb_to_recordset($1::jsonb) as x(
             id uuid, slug text, title text, subtitle text, description text, outcomes text[], prerequisites text[],
             tags text[], instructor_id uuid, category_id uuid, difficulty text, status text, published_at timestamptz,
             price_amount int, rating_average numeric, rating_count int, enrollment_count int)
           on conflict (slug) do update set
             title = excluded.title, subtitle = excluded.subtitle, description = excluded.description,
             outcomes = excluded.outcomes, prerequisites = excluded.prerequisites, tags = excluded.tags,
             instructor_id = excluded.instructor_id, category_id = excluded.category_id,
             difficulty = excluded.difficulty, language = excluded.language, status = excluded.status,
             published_at = coalesce(courses.published_at, excluded.published_at),
             price_amount = excluded.price_amount, price_currency = excluded.price_currency,
             rating_average = excluded.rating_average, rating_count = excluded.rating_count
           where courses.id = excluded.id and (
             (courses.title, courses.subtitle, courses.description, courses.outcomes, courses.prerequisites,
              courses.tags, courses.instructor_id, courses.category_id, courses.difficulty, courses.language,
              courses.status, courses.price_amount, courses.price_currency, courses.rating_average, courses.rating_count)
             is distinct from
             (excluded.title, excluded.subtitle, excluded.description, excluded.outcomes, excluded.prerequisites,
              excluded.tags, excluded.instructor_id, excluded.category_id, excluded.difficulty, excluded.language,
              excluded.status, excluded.price_amount, excluded.price_currency, excluded.rating_average,
              excluded.rating_count)
             or (courses.published_at is null and excluded.published_at is not null))`,
          [JSON.stringify(rows)],
        );
        const owned = await ownedCourseIds(sql);
        skippedCourses = COURSES.filter((c) => !owned.has(c.slug)).map((c) => c.slug);
      },
    ],
    [
      'curriculum',
      async (sql) => {
        const owned = await ownedCourseIds(sql);
        const sections: Record<string, unknown>[] = [];
        const lessons: Record<string, unknown>[] = [];
        const contents: Record<string, unknown>[] = [];
        for (const c of COURSES) {
          const courseId = owned.get(c.slug);
          if (!courseId) continue;
          let position = 0;
          c.sections.forEach((s, si) => {
            const sectionId = ids.section(c.slug, si);
            sections.push({ id: sectionId, course_id: courseId, title: s.title, position: si + 1 });
            s.lessons.forEach((l, li) => {
              const lessonId = ids.lesson(c.slug, si, li);
              position += 1;
              lessons.push({
                id: lessonId,
                course_id: courseId,
                section_id: sectionId,
                title: l.title,
                position, // course-wide order, so it sorts right within a section and across the course
                duration_minutes: l.minutes,
                is_preview: si === 0 && li === 0,
                drip_days: l.dripDays ?? null,
              });
              contents.push({ lesson_id: lessonId, text_content: l.text });
            });
          });
        }
        await sql.query(
          `insert into public.sections (id, course_id, title, position)
           select id, course_id, title, position
           from jsonb_to_recordset($1::jsonb) as x(id uuid, course_id uuid, title text, position int)
           on conflict (id) do update set title = excluded.title, position = excluded.position
             where (sections.title, sections.position) is distinct from (excluded.title, excluded.position)`,
          [JSON.stringify(sections)],
        );
        await sql.query(
          `insert into public.lessons (id, course_id, section_id, title, content_type, position, duration_minutes,
                                       is_preview, status, drip_days_after_enrollment)
           select id, course_id, section_id, title, 'text', position, duration_minutes, is_preview, 'published', drip_days
           from jsonb_to_recordset($1::jsonb) as x(id uuid, course_id uuid, section_id uuid, title text, position int,
                                                   duration_minutes int, is_preview boolean, drip_days int)
           on conflict (id) do update set
             section_id = excluded.section_id, title = excluded.title, content_type = excluded.content_type,
             position = excluded.position, duration_minutes = excluded.duration_minutes,
             is_preview = excluded.is_preview, status = excluded.status,
             drip_days_after_enrollment = excluded.drip_days_after_enrollment
           where (lessons.section_id, lessons.title, lessons.content_type, lessons.position, lessons.duration_minutes,
                  lessons.is_preview, lessons.status, lessons.drip_days_after_enrollment)
                 is distinct from
                 (excluded.section_id, excluded.title, excluded.content_type, excluded.position,
                  excluded.duration_minutes, excluded.is_preview, excluded.status, excluded.drip_days_after_enrollment)`,
          [JSON.stringify(lessons)],
        );
        await sql.query(
          `insert into public.lesson_contents (lesson_id, text_content, content_url)
           select lesson_id, text_content, '[]'::jsonb
           from jsonb_to_recordset($1::jsonb) as x(lesson_id uuid, text_content text)
           on conflict (lesson_id) do update set text_content = excluded.text_content, content_url = excluded.content_url
             where (lesson_contents.text_content, lesson_contents.content_url)
                   is distinct from (excluded.text_content, excluded.content_url)`,
          [JSON.stringify(contents)],
        );
      },
    ],
    [
      'enrolments',
      async (sql) => {
        const owned = await ownedCourseIds(sql);
        for (const e of ENROLLMENTS) {
          const userId = userIds.get(e.email);
          const courseId = owned.get(e.course);
          const course = COURSES.find((c) => c.slug === e.course);
          if (!userId || !courseId || !course) continue;
          const enrolledAt = new Date(now.getTime() - e.enrolledDaysAgo * DAY);
          // Completions spread over the days since enrolment, the last one yesterday at most.
          const completedAt = (k: number) =>
            new Date(enrolledAt.getTime() + ((k + 1) * (e.enrolledDaysAgo - 1) * DAY) / e.completed.length + 3_600_000).toISOString();
          const last = e.completed.at(-1);
          // Inserted as the owner, like an admin enrolment; an existing enrolment is kept.
          await sql.query(
            `insert into public.enrollments (id, user_id, course_id, status, source, enrolled_at, last_lesson_id, last_activity_at)
             values ($1, $2, $3, 'active', 'free', $4, $5, $6)
             on conflict (user_id, course_id) do nothing`,
            [
              ids.enrollment(e.email, e.course),
              userId,
              courseId,
              enrolledAt.toISOString(),
              last ? ids.lesson(e.course, last[0], last[1]) : null,
              last ? completedAt(e.completed.length - 1) : null,
            ],
          );
          for (const [k, [s, l]] of e.completed.entries()) {
            const at = completedAt(k);
            await sql.query(
              `insert into public.lesson_progress (id, user_id, lesson_id, course_id, status, is_completed, started_at, completed_at)
               values ($1, $2, $3, $4, 'completed', true, $5::timestamptz - interval '20 minutes', $5::timestamptz)
               on conflict (user_id, lesson_id) do nothing`,
              [ids.progress(e.email, e.course, s, l), userId, ids.lesson(e.course, s, l), courseId, at],
            );
          }
          // The enrolment's counters come from lesson_progress; recompute only when they differ.
          await sql.query(
            `select private.recompute_enrollment(e.user_id, e.course_id)
             from public.enrollments e
             where e.user_id = $1 and e.course_id = $2 and e.status <> 'cancelled'
               and (e.total_lessons, e.completed_lessons) is distinct from (
                 (select count(*)::int from public.lessons l where l.course_id = e.course_id and l.status = 'published'),
                 (select count(*)::int from public.lesson_progress p
                    join public.lessons l on l.id = p.lesson_id and l.status = 'published'
                   where p.user_id = e.user_id and p.course_id = e.course_id and p.is_completed))`,
            [userId, courseId],
          );
        }
        // courses.enrollment_count keeps the seeded number (the demo's "history") plus these
        // enrolments: the enrolments trigger counts by deltas, it never recounts.
      },
    ],
    [
      // Last on purpose: isSeeded() looks for the admin, so it exists only once all else is done.
      'admin account',
      async (sql) => {
        const { created } = await upsertAccounts(sql, admin, hash, now);
        accountsCreated += created;
      },
    ],
  ];

  for (const [i, [name, run]] of steps.entries()) {
    opts.onProgress?.(name, i + 1, steps.length);
    await db.asOwner(run);
  }

  const summary = await db.asOwner((sql) => summarize(sql));
  return { ...summary, accountsCreated, skippedCourses, demoAccounts: DEMO_ACCOUNTS, password: DEMO_PASSWORD, ms: Date.now() - started };
}

async function summarize(sql: Sql) {
  const courseIds = COURSES.map((c) => ids.course(c.slug));
  const [row] = await sql.query<Record<string, number>>(
    `select
       (select count(*)::int from auth.users where lower(email) = any($1::text[])) as accounts,
       (select count(*)::int from public.instructors i join auth.users u on u.id = i.user_id
         where lower(u.email) = any($1::text[])) as instructors,
       (select count(*)::int from public.categories where slug = any($2::text[])) as categories,
       (select count(*)::int from public.courses where id = any($3::uuid[]) and status = 'published') as published,
       (select count(*)::int from public.courses where id = any($3::uuid[]) and status <> 'published') as unpublished,
       (select count(*)::int from public.sections where course_id = any($3::uuid[])) as sections,
       (select count(*)::int from public.lessons where course_id = any($3::uuid[])) as lessons,
       (select count(*)::int from public.enrollments where course_id = any($3::uuid[])
          and user_id in (select id from auth.users where lower(email) = any($1::text[]))) as enrollments,
       (select count(*)::int from public.lesson_progress where course_id = any($3::uuid[]) and is_completed
          and user_id in (select id from auth.users where lower(email) = any($1::text[]))) as completed`,
    [ACCOUNTS.map((a) => a.email.toLowerCase()), CATEGORIES.map((c) => c.slug), courseIds],
  );
  const r = row!;
  return {
    accounts: Number(r.accounts),
    instructors: Number(r.instructors),
    categories: Number(r.categories),
    publishedCourses: Number(r.published),
    unpublishedCourses: Number(r.unpublished),
    sections: Number(r.sections),
    lessons: Number(r.lessons),
    enrollments: Number(r.enrollments),
    completedLessons: Number(r.completed),
  };
}

/** Lines describing the demo accounts, for the CLI, the host's start banner and the README. */
export function formatDemoAccounts(accounts: DemoAccount[] = DEMO_ACCOUNTS): string[] {
  const width = Math.max(...accounts.map((a) => a.email.length));
  const roleWidth = Math.max(...accounts.map((a) => a.role.length));
  return [
    `Demo accounts (password for all: ${DEMO_PASSWORD})`,
    ...accounts.map((a) => `  ${a.email.padEnd(width)}  ${a.role.padEnd(roleWidth)}  ${a.tryThis}`),
  ];
}
