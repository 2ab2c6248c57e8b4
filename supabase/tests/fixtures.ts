import { type Caller, callerParams, SET_CALLER_SQL } from '../../edge/db/port.ts';
import type { HostDatabase } from '../../server/db/types.ts';
import { seedAdminFixtures } from './fixtures-admin.ts';
import { seedBlogFixtures } from './fixtures-blog.ts';
import { seedCommerceFixtures } from './fixtures-commerce.ts';
import { seedCompanyFixtures } from './fixtures-company.ts';
import { seedFaqFixtures } from './fixtures-faq.ts';
import { seedLabFixtures } from './fixtures-labs.ts';
import { seedLearningFixtures } from './fixtures-learning.ts';
import { seedLiveFixtures } from './fixtures-live.ts';
import { seedModerationFixtures } from './fixtures-moderation.ts';
import { seedNotificationPrefFixtures } from './fixtures-notification-prefs.ts';
import { seedPayoutFixtures } from './fixtures-payouts.ts';
import { seedReviewFixtures } from './fixtures-reviews.ts';
import { seedSiteFixtures } from './fixtures-site.ts';

/**
 * The cast of the RLS matrix and the rows they act on. Ids are fixed and readable
 * (group in the 4th block, number in the 5th) so the matrix can name rows in its SQL.
 */

const id = (group: number, n: number) =>
  `00000000-0000-4000-8${group.toString().padStart(3, '0')}-${n.toString().padStart(12, '0')}`;

/** Every role the matrix speaks for, in the column order of its expectations. */
export const ROLES = [
  'anon',
  'student',
  'otherStudent',
  'instructor',
  'otherInstructor',
  'admin',
  'companyAdmin',
  'employee',
] as const;
export type Role = (typeof ROLES)[number];
export type SignedInRole = Exclude<Role, 'anon'>;

export const USER: Record<SignedInRole, string> = {
  student: id(1, 1),
  otherStudent: id(1, 2),
  instructor: id(1, 3),
  otherInstructor: id(1, 4),
  admin: id(1, 5),
  companyAdmin: id(1, 6),
  employee: id(1, 7),
};

/** instructors.id (the card), not the user id. */
export const CARD = { instructor: id(2, 1), otherInstructor: id(2, 2) };

export const COMPANY = { acme: id(3, 1), globex: id(3, 2) };

export const CATEGORY = { active: id(4, 1), retired: id(4, 2) };

export const COURSE = {
  /** published, free, by the instructor; the student, other student and employee are enrolled */
  free: id(5, 1),
  /** published, paid, by the instructor; the employee holds a company seat */
  paid: id(5, 2),
  /** draft, by the instructor */
  draft: id(5, 3),
  /** draft, by the other instructor */
  otherDraft: id(5, 4),
};

export const SECTION = { free: id(6, 1), paid: id(6, 2), draft: id(6, 3), otherDraft: id(6, 4) };

export const LESSON = {
  freePreview: id(7, 1),
  freeOpen: id(7, 2),
  /** published, drip_available_at 30 days from now */
  freeDrip: id(7, 3),
  /** status 'draft' */
  freeDraft: id(7, 4),
  paidPreview: id(7, 5),
  paidOpen: id(7, 6),
  /** in the draft course; the only lesson without a lesson_contents row */
  draftCourse: id(7, 7),
  otherDraftCourse: id(7, 8),
};

/** A scheduled live session of the free course, created by its instructor. */
export const LIVE_SESSION = { free: id(8, 1) };

/** The student's announcement, already read (enrollments add unread welcome notifications). */
export const NOTIFICATION = { studentRead: id(20, 1) };

/**
 * Commerce (supabase/tests/fixtures-commerce.ts): a published bundle (the free and the paid
 * course) and a draft one (the paid course); rules: the published bundle's, an active cart rule,
 * an inactive seats rule and the draft bundle's; coupons WELCOME10 (10%), SAVE5 (5.00 USD off)
 * and OLD2020 (expired); tax rates DE (in effect) and FR (ended). Orders, made through the
 * definer functions as service_role: the student's pending order for the paid course with
 * WELCOME10 held; the company admin's corporate order of 5 seats for acme, paid, then refunded
 * in part (invoice and credit note); the other student's order, declined. One demo request.
 */
export const BUNDLE = { published: id(30, 1), draft: id(30, 2) };
export const RULE = { bundle: id(31, 1), cart: id(31, 2), inactive: id(31, 3), draftBundle: id(31, 4) };
export const COUPON = { welcome: id(32, 1), fixed: id(32, 2), expired: id(32, 3) };
export const TAX = { de: id(33, 1), frEnded: id(33, 2) };

export function callerOf(role: Role): Caller {
  if (role === 'anon') return { role: 'anon' };
  return {
    role: 'authenticated',
    claims: { sub: USER[role], role: 'authenticated', aud: 'authenticated', email: `${role}@example.test` },
  };
}

/**
 * A SQLSTATE: '42501' insufficient_privilege, 'P0001' raise, 'P0002' no data found.
 * Alternatives are written 'a|b' where engines differ (PostgreSQL 17 reports ON DELETE
 * RESTRICT as 23001, 15 as 23503).
 */
export type SqlState = string;
/** What one caller gets from one statement: rows seen or affected, or the error it raised. */
export type Outcome = number | SqlState;

/** Whether an actual outcome is the expected one (a number, a SQLSTATE or 'a|b' alternatives). */
export function matches(actual: Outcome, expected: Outcome): boolean {
  if (typeof expected === 'number' || typeof actual === 'number') return actual === expected;
  return expected.split('|').includes(actual);
}

class Rollback extends Error {
  readonly value: number;
  constructor(value: number) {
    super('sentinel: roll the cell back');
    this.value = value;
  }
}

function sqlState(error: unknown): SqlState | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * Runs `text` as `role` in its own transaction and always rolls it back, so every cell
 * starts from the same fixtures. `text` must return one row with an integer column `n`.
 */
export async function attempt(db: HostDatabase, role: Role, text: string, params?: unknown[]): Promise<Outcome> {
  try {
    await db.asCaller(callerOf(role), async (sql) => {
      const rows = await sql.query<{ n: number | string }>(text, params);
      if (rows.length !== 1) throw new Error(`a matrix statement returns one row, got ${rows.length}: ${text}`);
      throw new Rollback(Number(rows[0]!.n));
    });
  } catch (error) {
    if (error instanceof Rollback) return error.value;
    const state = sqlState(error);
    if (state) return state;
    throw error;
  }
  throw new Error('unreachable: the cell neither rolled back nor failed');
}

/**
 * `attempt` from a given state: the owner runs `given` first (what a single statement from the
 * fixtures cannot reach), then the caller's role and claims are set for the rest of the same
 * transaction, as a request would set them. Always rolled back.
 */
export async function attemptFrom(
  db: HostDatabase,
  role: Role,
  given: readonly string[],
  text: string,
  params?: unknown[],
): Promise<Outcome> {
  try {
    await db.asOwner(async (sql) => {
      for (const statement of given) await sql.query(statement);
      await sql.query(SET_CALLER_SQL, callerParams(callerOf(role)));
      const rows = await sql.query<{ n: number | string }>(text, params);
      if (rows.length !== 1) throw new Error(`a matrix statement returns one row, got ${rows.length}: ${text}`);
      throw new Rollback(Number(rows[0]!.n));
    });
  } catch (error) {
    if (error instanceof Rollback) return error.value;
    const state = sqlState(error);
    if (state) return state;
    throw error;
  }
  throw new Error('unreachable: the cell neither rolled back nor failed');
}

/**
 * Runs a write as the caller and reports the rows it affected (GET DIAGNOSTICS), without
 * RETURNING (which would add SELECT checks of its own). Security invoker: the caller's
 * grants and policies apply. Test databases only.
 */
export const AFFECTED_HELPER_SQL = `
create schema if not exists tests;
grant usage on schema tests to anon, authenticated;
create or replace function tests.affected(statement text) returns integer
language plpgsql security invoker set search_path = ''
as $$
declare
  n integer;
begin
  execute statement;
  get diagnostics n = row_count;
  return n;
end
$$;
revoke execute on function tests.affected(text) from public;
grant execute on function tests.affected(text) to anon, authenticated;
`;

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Creates the fixtures as the owner, then enrolls and records progress through the API
 * functions as the learners themselves (the paid seat is the owner's, as fulfilment would be).
 */
export async function seedFixtures(db: HostDatabase): Promise<void> {
  const users = Object.entries(USER)
    .map(([role, uid]) => `(${q(uid)}, ${q(`${role}@example.test`)}, '{"first_name": ${JSON.stringify(role)}}')`)
    .join(',\n    ');
  await db.runScript(`
    ${AFFECTED_HELPER_SQL}

    insert into auth.users (id, email, raw_user_meta_data) values
    ${users};

    update public.profiles set role = 'instructor' where id in (${q(USER.instructor)}, ${q(USER.otherInstructor)});
    update public.profiles set role = 'admin' where id = ${q(USER.admin)};

    insert into public.instructors (id, user_id, display_name) values
      (${q(CARD.instructor)}, ${q(USER.instructor)}, 'Ada Instructor'),
      (${q(CARD.otherInstructor)}, ${q(USER.otherInstructor)}, 'Other Instructor');

    insert into public.companies (id, slug, name) values
      (${q(COMPANY.acme)}, 'acme', 'Acme'),
      (${q(COMPANY.globex)}, 'globex', 'Globex');
    insert into public.company_members (company_id, user_id, role) values
      (${q(COMPANY.acme)}, ${q(USER.companyAdmin)}, 'admin'),
      (${q(COMPANY.acme)}, ${q(USER.employee)}, 'employee'),
      (${q(COMPANY.globex)}, ${q(USER.otherStudent)}, 'employee');

    insert into public.categories (id, slug, name, is_active) values
      (${q(CATEGORY.active)}, 'programming', 'Programming', true),
      (${q(CATEGORY.retired)}, 'retired', 'Retired', false);

    insert into public.courses (id, slug, title, instructor_id, category_id, status, price_amount) values
      (${q(COURSE.free)}, 'free-course', 'Free course', ${q(CARD.instructor)}, ${q(CATEGORY.active)}, 'published', 0),
      (${q(COURSE.paid)}, 'paid-course', 'Paid course', ${q(CARD.instructor)}, ${q(CATEGORY.active)}, 'published', 4900),
      (${q(COURSE.draft)}, 'draft-course', 'Draft course', ${q(CARD.instructor)}, null, 'draft', 0),
      (${q(COURSE.otherDraft)}, 'other-draft', 'Other draft', ${q(CARD.otherInstructor)}, null, 'draft', 0);

    insert into public.sections (id, course_id, title, position) values
      (${q(SECTION.free)}, ${q(COURSE.free)}, 'Basics', 1),
      (${q(SECTION.paid)}, ${q(COURSE.paid)}, 'Basics', 1),
      (${q(SECTION.draft)}, ${q(COURSE.draft)}, 'Basics', 1),
      (${q(SECTION.otherDraft)}, ${q(COURSE.otherDraft)}, 'Basics', 1);

    insert into public.lessons (id, course_id, section_id, title, position, is_preview, status, drip_available_at) values
      (${q(LESSON.freePreview)}, ${q(COURSE.free)}, ${q(SECTION.free)}, 'Preview', 1, true, 'published', null),
      (${q(LESSON.freeOpen)}, ${q(COURSE.free)}, ${q(SECTION.free)}, 'Open', 2, false, 'published', null),
      (${q(LESSON.freeDrip)}, ${q(COURSE.free)}, ${q(SECTION.free)}, 'Drip', 3, false, 'published', now() + interval '30 days'),
      (${q(LESSON.freeDraft)}, ${q(COURSE.free)}, ${q(SECTION.free)}, 'Draft', 4, false, 'draft', null),
      (${q(LESSON.paidPreview)}, ${q(COURSE.paid)}, ${q(SECTION.paid)}, 'Preview', 1, true, 'published', null),
      (${q(LESSON.paidOpen)}, ${q(COURSE.paid)}, ${q(SECTION.paid)}, 'Open', 2, false, 'published', null),
      (${q(LESSON.draftCourse)}, ${q(COURSE.draft)}, ${q(SECTION.draft)}, 'Draft course lesson', 1, false, 'published', null),
      (${q(LESSON.otherDraftCourse)}, ${q(COURSE.otherDraft)}, ${q(SECTION.otherDraft)}, 'Other draft lesson', 1, false, 'published', null);

    insert into public.lesson_contents (lesson_id, text_content)
      select l.id, 'content of ' || l.title from public.lessons l where l.id <> ${q(LESSON.draftCourse)};

    insert into public.live_sessions (id, course_id, title, starts_at, created_by) values
      (${q(LIVE_SESSION.free)}, ${q(COURSE.free)}, 'Office hours', now() + interval '1 day', ${q(USER.instructor)});

    insert into public.notifications (id, user_id, kind, title, link, read_at) values
      (${q(NOTIFICATION.studentRead)}, ${q(USER.student)}, 'announcement', 'Welcome aboard', '/courses', now());
  `);

  const call = (role: Role, text: string, params: unknown[]) =>
    db.asCaller(callerOf(role), (sql) => sql.query(text, params));
  for (const learner of ['student', 'otherStudent', 'employee'] as const) {
    await call(learner, 'select public.enroll_in_free_course($1)', [COURSE.free]);
  }
  // A company seat in the paid course, as seat assignment (an owner-side definer) would write it.
  await db.asOwner(async (sql) => {
    await sql.query(`insert into public.enrollments (user_id, course_id, source) values ($1, $2, 'company')`, [
      USER.employee,
      COURSE.paid,
    ]);
    await sql.query('select private.recompute_enrollment($1, $2)', [USER.employee, COURSE.paid]);
  });
  await call('student', 'select public.complete_lesson($1)', [LESSON.freePreview]);
  await call('otherStudent', 'select public.complete_lesson($1)', [LESSON.freePreview]);
  await call('employee', 'select public.complete_lesson($1)', [LESSON.freeOpen]);
  await seedCommerceFixtures(db);
  await seedLearningFixtures(db);
  await seedReviewFixtures(db);
  await seedLabFixtures(db);
  await seedCompanyFixtures(db);
  await seedLiveFixtures(db);
  await seedFaqFixtures(db);
  await seedAdminFixtures(db);
  await seedSiteFixtures(db);
  await seedModerationFixtures(db);
  await seedBlogFixtures(db);
  await seedNotificationPrefFixtures(db);
  await seedPayoutFixtures(db);
}
