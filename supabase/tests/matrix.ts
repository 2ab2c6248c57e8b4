import type { Outcome, Role } from './fixtures.ts';
import {
  CARD,
  CATEGORY,
  COMPANY,
  COURSE,
  LESSON,
  LIVE_SESSION,
  NOTIFICATION,
  ROLES,
  SECTION,
  USER,
} from './fixtures.ts';

/**
 * The row-level security matrix: for every exposed table, every verb and every role, what
 * the policies and grants as written allow. It is the spec; rls-matrix.test.ts runs each
 * cell in its own rolled-back transaction, and rls-guard.test.ts fails when a table in an
 * exposed schema (or an API function in public) is missing here.
 *
 * A cell is the number of rows the caller sees (select) or affects (insert/update/delete,
 * counted with GET DIAGNOSTICS), the rows an API function returns, or the SQLSTATE raised.
 * D ('42501') is "denied with an error": no grant, a WITH CHECK violation, or a guard trigger.
 * 0 on update/delete is "denied silently": USING hides the row.
 *
 * Fixtures (supabase/tests/fixtures.ts): 7 users; the instructor owns a published free
 * course (4 lessons: preview, open, drip-locked, draft), a published paid course (preview,
 * open) and a draft course (1 lesson, no content); the other instructor owns a draft course.
 * Company acme: companyAdmin (admin) and employee; company globex: otherStudent.
 * Enrolled in the free course: student, otherStudent, employee; the employee also holds a
 * seat in the paid course. Progress: student and otherStudent completed the free preview,
 * the employee the free open lesson.
 */

/** Tables in exposed schemas, schema-qualified. rls-guard.test.ts demands this equal the database's. */
export const MATRIX_TABLES = [
  'public.profiles',
  'public.instructors',
  'public.companies',
  'public.company_members',
  'public.categories',
  'public.courses',
  'public.sections',
  'public.lessons',
  'public.lesson_contents',
  'public.enrollments',
  'public.lesson_progress',
  'public.live_sessions',
  'public.notifications',
  'storage.buckets',
  'storage.objects',
] as const;
export type MatrixTable = (typeof MATRIX_TABLES)[number];

/** API functions in schema public, by signature. rls-guard.test.ts demands this equal the database's. */
export const MATRIX_FUNCTIONS = ['public.complete_lesson(uuid)', 'public.enroll_in_free_course(uuid)'] as const;

/** Denied with an error: insufficient_privilege. */
export const D = '42501';
/** A foreign key with ON DELETE RESTRICT refused (23001 on PostgreSQL 17 / PGlite, 23503 on 15). */
export const FK = '23001|23503';
export const VERBS = ['select', 'insert', 'update', 'delete'] as const;
export type Verb = (typeof VERBS)[number];

type Outcomes = readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

export interface TableCase {
  table: MatrixTable;
  verb: Verb;
  /** what the statement tries, in words */
  what: string;
  /** select: a query returning one row with an integer `n`; writes: the statement itself */
  sql: string;
  expect: Record<Role, Outcome>;
  /**
   * A state to start from: statements the owner runs first, in the cell's own rolled-back
   * transaction (for what a single statement from the fixtures cannot reach, e.g. a course an
   * admin archived). The caller's role is set after them.
   */
  given?: string[];
}

export interface FunctionCase {
  fn: (typeof MATRIX_FUNCTIONS)[number];
  what: string;
  sql: string;
  expect: Record<Role, Outcome>;
}

const byRole = (outcomes: Outcomes) =>
  Object.fromEntries(ROLES.map((role, i) => [role, outcomes[i]!])) as Record<Role, Outcome>;

const lit = (value: string) => `'${value}'`;
const count = (from: string) => `select count(*)::int as n from ${from}`;
const me = '(select auth.uid())';

function t(table: MatrixTable, verb: Verb, what: string, sql: string, outcomes: Outcomes): TableCase {
  return { table, verb, what, sql, expect: byRole(outcomes) };
}

/** The same case, starting from a state the owner sets up first (see TableCase.given). */
const given = (statements: string[], c: TableCase): TableCase => ({ ...c, given: statements });
const studentAvatar = `insert into storage.objects (bucket_id, name) values ('avatars', '${USER.student}/a.png')`;
const setStatus = (course: string, status: string) =>
  `update public.courses set status = '${status}' where id = ${lit(course)}`;

// biome-ignore format: a table, one row per case, one column per role
export const MATRIX: TableCase[] = [
  //                                                                                         anon stud othr inst oins admn cadm empl
  // profiles: own row; admins all; company admins their members. Only the trigger creates rows.
  t('public.profiles', 'select', 'every visible profile', count('public.profiles'),         [D,   1,   1,   1,   1,   7,   2,   1]),
  t('public.profiles', 'select', "the employee's profile",
    count(`public.profiles where id = ${lit(USER.employee)}`),                               [D,   0,   0,   0,   0,   1,   1,   1]),
  t('public.profiles', 'insert', 'a profile for oneself',
    `insert into public.profiles (id, email) values (${me}, 'me@example.test')`,              [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.profiles', 'update', 'own first name',
    `update public.profiles set first_name = 'Changed' where id = ${me}`,                    [D,   1,   1,   1,   1,   1,   1,   1]),
  t('public.profiles', 'update', "the student's first name (IDOR)",
    `update public.profiles set first_name = 'Changed' where id = ${lit(USER.student)}`,     [D,   1,   0,   0,   0,   1,   0,   0]),
  t('public.profiles', 'update', 'own role to admin (tampering)',
    `update public.profiles set role = 'admin' where id = ${me}`,                            [D,   D,   D,   D,   D,   1,   D,   D]),
  t('public.profiles', 'update', "the employee's role to instructor",
    `update public.profiles set role = 'instructor' where id = ${lit(USER.employee)}`,       [D,   0,   0,   0,   0,   1,   0,   D]),
  t('public.profiles', 'update', 'own email (no column grant)',
    `update public.profiles set email = 'new@example.test' where id = ${me}`,                [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.profiles', 'delete', "the student's profile",
    `delete from public.profiles where id = ${lit(USER.student)}`,                            [D,   0,   0,   0,   0,   1,   0,   0]),

  // instructors: own card; admins all; anyone the cards of instructors with a published course.
  t('public.instructors', 'select', 'every visible card', count('public.instructors'),      [1,   1,   1,   1,   2,   2,   1,   1]),
  t('public.instructors', 'insert', 'a card for the student',
    `insert into public.instructors (user_id, display_name) values (${lit(USER.student)}, 'Student')`,
                                                                                             [D,   D,   D,   D,   D,   1,   D,   D]),
  t('public.instructors', 'update', "own card's headline",
    `update public.instructors set headline = 'New' where user_id = ${me}`,                  [D,   0,   0,   1,   1,   0,   0,   0]),
  t('public.instructors', 'update', "the instructor's card (IDOR)",
    `update public.instructors set headline = 'New' where id = ${lit(CARD.instructor)}`,     [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.instructors', 'update', "own card's user_id (takeover, no column grant)",
    `update public.instructors set user_id = ${lit(USER.student)} where user_id = ${me}`,    [D,   D,   D,   D,   D,   D,   D,   D]),
  // admins pass RLS; the foreign key from courses (on delete restrict) keeps a teaching card
  t('public.instructors', 'delete', "the other instructor's card",
    `delete from public.instructors where id = ${lit(CARD.otherInstructor)}`,                [D,   0,   0,   0,   0,   FK,  0,   0]),

  // companies: members read theirs; company admins update theirs; admins everything.
  t('public.companies', 'select', 'every visible company', count('public.companies'),       [D,   0,   1,   0,   0,   2,   1,   1]),
  t('public.companies', 'insert', 'a company',
    `insert into public.companies (slug, name) values ('newco', 'NewCo')`,                   [D,   D,   D,   D,   D,   1,   D,   D]),
  t('public.companies', 'update', "acme's name",
    `update public.companies set name = 'Acme 2' where id = ${lit(COMPANY.acme)}`,          [D,   0,   0,   0,   0,   1,   1,   0]),
  t('public.companies', 'update', "globex's name (another company's)",
    `update public.companies set name = 'Globex 2' where id = ${lit(COMPANY.globex)}`,      [D,   0,   0,   0,   0,   1,   0,   0]),
  t('public.companies', 'delete', 'acme',
    `delete from public.companies where id = ${lit(COMPANY.acme)}`,                           [D,   0,   0,   0,   0,   1,   0,   0]),

  // company_members: own membership; company admins their company; only admins write.
  t('public.company_members', 'select', 'every visible membership', count('public.company_members'),
                                                                                             [D,   0,   1,   0,   0,   3,   2,   1]),
  t('public.company_members', 'insert', 'the student into acme',
    `insert into public.company_members (company_id, user_id) values (${lit(COMPANY.acme)}, ${lit(USER.student)})`,
                                                                                             [D,   D,   D,   D,   D,   1,   D,   D]),
  t('public.company_members', 'update', 'the employee promoted to company admin',
    `update public.company_members set role = 'admin' where user_id = ${lit(USER.employee)}`,
                                                                                             [D,   0,   0,   0,   0,   1,   0,   0]),
  t('public.company_members', 'delete', 'the employee removed from acme',
    `delete from public.company_members where user_id = ${lit(USER.employee)}`,              [D,   0,   0,   0,   0,   1,   0,   0]),

  // categories: anyone reads active ones; admins everything.
  t('public.categories', 'select', 'every visible category', count('public.categories'),    [1,   1,   1,   1,   1,   2,   1,   1]),
  t('public.categories', 'insert', 'a category',
    `insert into public.categories (slug, name) values ('design', 'Design')`,                [D,   D,   D,   D,   D,   1,   D,   D]),
  t('public.categories', 'update', 'the active category',
    `update public.categories set name = 'Code' where id = ${lit(CATEGORY.active)}`,        [D,   0,   0,   0,   0,   1,   0,   0]),
  t('public.categories', 'delete', 'the retired category',
    `delete from public.categories where id = ${lit(CATEGORY.retired)}`,                     [D,   0,   0,   0,   0,   1,   0,   0]),

  // courses: anyone reads published ones; instructors their own; only admins publish;
  // ratings and enrollment counts have no column grant at all.
  t('public.courses', 'select', 'every visible course', count('public.courses'),            [2,   2,   2,   3,   3,   4,   2,   2]),
  t('public.courses', 'select', 'draft courses', count(`public.courses where status = 'draft'`),
                                                                                             [0,   0,   0,   1,   1,   2,   0,   0]),
  t('public.courses', 'insert', "a draft for the instructor's card",
    `insert into public.courses (slug, title, instructor_id) values ('new-course', 'New', ${lit(CARD.instructor)})`,
                                                                                             [D,   D,   D,   1,   D,   1,   D,   D]),
  t('public.courses', 'insert', 'an already published course (tampering)',
    `insert into public.courses (slug, title, instructor_id, status) values ('new-course', 'New', ${lit(CARD.instructor)}, 'published')`,
                                                                                             [D,   D,   D,   D,   D,   1,   D,   D]),
  t('public.courses', 'update', "the free course's title",
    `update public.courses set title = 'Renamed' where id = ${lit(COURSE.free)}`,           [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.courses', 'update', 'publish the draft course (tampering)',
    `update public.courses set status = 'published' where id = ${lit(COURSE.draft)}`,       [D,   0,   0,   D,   0,   1,   0,   0]),
  t('public.courses', 'update', 'unpublish the free course back to draft',
    `update public.courses set status = 'draft' where id = ${lit(COURSE.free)}`,            [D,   0,   0,   D,   0,   1,   0,   0]),
  t('public.courses', 'update', 'archive the free course',
    `update public.courses set status = 'archived' where id = ${lit(COURSE.free)}`,         [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.courses', 'update', 'hand the draft course to the other instructor',
    `update public.courses set instructor_id = ${lit(CARD.otherInstructor)} where id = ${lit(COURSE.draft)}`,
                                                                                             [D,   0,   0,   D,   0,   1,   0,   0]),
  t('public.courses', 'update', 'rating_average (computed, tampering)',
    `update public.courses set rating_average = 5 where id = ${lit(COURSE.free)}`,          [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.courses', 'update', 'enrollment_count (computed, tampering)',
    `update public.courses set enrollment_count = 1000 where id = ${lit(COURSE.free)}`,     [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.courses', 'delete', 'the draft course',
    `delete from public.courses where id = ${lit(COURSE.draft)}`,                             [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.courses', 'delete', 'the published free course',
    `delete from public.courses where id = ${lit(COURSE.free)}`,                              [D,   0,   0,   0,   0,   1,   0,   0]),

  // The status machine as a whole (migration 20261123000300): an instructor submits a draft for
  // review, withdraws it, archives a published course, and brings an archived course back to
  // draft only when it never had a learner; every other transition is an admin's. A course
  // that ever had a learner is never deleted by its instructor (enrollments would cascade).
  t('public.courses', 'update', 'submit the draft course for review',
    setStatus(COURSE.draft, 'pending_review'),                                                [D,   0,   0,   1,   0,   1,   0,   0]),
  given([setStatus(COURSE.draft, 'pending_review')],
    t('public.courses', 'update', 'withdraw the course in review back to draft',
      setStatus(COURSE.draft, 'draft'),                                                       [D,   0,   0,   1,   0,   1,   0,   0])),
  given([setStatus(COURSE.draft, 'pending_review')],
    t('public.courses', 'update', 'publish the course in review (tampering)',
      setStatus(COURSE.draft, 'published'),                                                   [D,   0,   0,   D,   0,   1,   0,   0])),
  t('public.courses', 'update', 'archive the draft course (not a path)',
    setStatus(COURSE.draft, 'archived'),                                                      [D,   0,   0,   D,   0,   1,   0,   0]),
  t('public.courses', 'update', 'send the published free course back to review',
    setStatus(COURSE.free, 'pending_review'),                                                 [D,   0,   0,   D,   0,   1,   0,   0]),
  given([setStatus(COURSE.free, 'archived')],
    t('public.courses', 'update', 'the archived free course (it has learners) back to draft',
      setStatus(COURSE.free, 'draft'),                                                        [D,   0,   0,   D,   0,   1,   0,   0])),
  given([setStatus(COURSE.free, 'archived')],
    t('public.courses', 'update', 'the archived free course (it has learners) to review',
      setStatus(COURSE.free, 'pending_review'),                                               [D,   0,   0,   D,   0,   1,   0,   0])),
  given([setStatus(COURSE.free, 'archived')],
    t('public.courses', 'update', 'republish the archived free course',
      setStatus(COURSE.free, 'published'),                                                    [D,   0,   0,   D,   0,   1,   0,   0])),
  given([setStatus(COURSE.draft, 'archived')],
    t('public.courses', 'update', 'the archived draft course (never had a learner) back to draft',
      setStatus(COURSE.draft, 'draft'),                                                       [D,   0,   0,   1,   0,   1,   0,   0])),
  given([setStatus(COURSE.draft, 'archived')],
    t('public.courses', 'update', 'the archived draft course straight to review (only through draft)',
      setStatus(COURSE.draft, 'pending_review'),                                              [D,   0,   0,   D,   0,   1,   0,   0])),
  given([setStatus(COURSE.free, 'archived')],
    t('public.courses', 'delete', 'the archived free course',
      `delete from public.courses where id = ${lit(COURSE.free)}`,                            [D,   0,   0,   0,   0,   1,   0,   0])),
  given([setStatus(COURSE.free, 'draft')],
    t('public.courses', 'delete', 'the free course an admin moved back to draft (it has learners)',
      `delete from public.courses where id = ${lit(COURSE.free)}`,                            [D,   0,   0,   D,   0,   1,   0,   0])),
  given([
      `insert into public.enrollments (user_id, course_id, source) values (${lit(USER.student)}, ${lit(COURSE.draft)}, 'admin')`,
      `delete from public.enrollments where user_id = ${lit(USER.student)} and course_id = ${lit(COURSE.draft)}`,
    ],
    t('public.courses', 'delete', 'the draft course whose only enrollment an admin deleted (it had a learner)',
      `delete from public.courses where id = ${lit(COURSE.draft)}`,                           [D,   0,   0,   D,   0,   1,   0,   0])),

  // sections: anyone reads those of published courses; course managers (owner, admin) write.
  t('public.sections', 'select', 'every visible section', count('public.sections'),         [2,   2,   2,   3,   3,   4,   2,   2]),
  t('public.sections', 'insert', 'a section in the free course',
    `insert into public.sections (course_id, title) values (${lit(COURSE.free)}, 'More')`,  [D,   D,   D,   1,   D,   1,   D,   D]),
  t('public.sections', 'insert', "a section in the other instructor's course",
    `insert into public.sections (course_id, title) values (${lit(COURSE.otherDraft)}, 'More')`,
                                                                                             [D,   D,   D,   D,   1,   1,   D,   D]),
  t('public.sections', 'update', "the free course's section",
    `update public.sections set title = 'Renamed' where id = ${lit(SECTION.free)}`,         [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.sections', 'delete', "the free course's section",
    `delete from public.sections where id = ${lit(SECTION.free)}`,                            [D,   0,   0,   1,   0,   1,   0,   0]),

  // lessons: anyone reads published lessons of published courses (the syllabus); managers write.
  t('public.lessons', 'select', 'every visible lesson', count('public.lessons'),            [5,   5,   5,   7,   6,   8,   5,   5]),
  t('public.lessons', 'select', 'the draft lesson', count(`public.lessons where id = ${lit(LESSON.freeDraft)}`),
                                                                                             [0,   0,   0,   1,   0,   1,   0,   0]),
  t('public.lessons', 'insert', 'a lesson in the free course',
    `insert into public.lessons (course_id, section_id, title) values (${lit(COURSE.free)}, ${lit(SECTION.free)}, 'New')`,
                                                                                             [D,   D,   D,   1,   D,   1,   D,   D]),
  t('public.lessons', 'update', "the free open lesson's title",
    `update public.lessons set title = 'Renamed' where id = ${lit(LESSON.freeOpen)}`,       [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.lessons', 'update', "the free open lesson moved into the other instructor's course",
    `update public.lessons set course_id = ${lit(COURSE.otherDraft)}, section_id = ${lit(SECTION.otherDraft)} where id = ${lit(LESSON.freeOpen)}`,
                                                                                             [D,   0,   0,   D,   0,   1,   0,   0]),
  t('public.lessons', 'delete', 'the free open lesson',
    `delete from public.lessons where id = ${lit(LESSON.freeOpen)}`,                          [D,   0,   0,   1,   0,   1,   0,   0]),

  // lesson_contents: previews for anyone; open lessons for their learners; managers all.
  t('public.lesson_contents', 'select', 'every visible content', count('public.lesson_contents'),
                                                                                             [2,   3,   3,   6,   3,   7,   2,   4]),
  t('public.lesson_contents', 'select', 'the free preview lesson',
    count(`public.lesson_contents where lesson_id = ${lit(LESSON.freePreview)}`),           [1,   1,   1,   1,   1,   1,   1,   1]),
  t('public.lesson_contents', 'select', 'the free open lesson (enrolled learners only)',
    count(`public.lesson_contents where lesson_id = ${lit(LESSON.freeOpen)}`),              [0,   1,   1,   1,   0,   1,   0,   1]),
  t('public.lesson_contents', 'select', 'the drip-locked lesson',
    count(`public.lesson_contents where lesson_id = ${lit(LESSON.freeDrip)}`),              [0,   0,   0,   1,   0,   1,   0,   0]),
  t('public.lesson_contents', 'select', 'the draft lesson',
    count(`public.lesson_contents where lesson_id = ${lit(LESSON.freeDraft)}`),             [0,   0,   0,   1,   0,   1,   0,   0]),
  t('public.lesson_contents', 'select', 'the paid open lesson (not enrolled, except the employee)',
    count(`public.lesson_contents where lesson_id = ${lit(LESSON.paidOpen)}`),              [0,   0,   0,   1,   0,   1,   0,   1]),
  t('public.lesson_contents', 'insert', "content for the draft course's lesson",
    `insert into public.lesson_contents (lesson_id, text_content) values (${lit(LESSON.draftCourse)}, 'x')`,
                                                                                             [D,   D,   D,   1,   D,   1,   D,   D]),
  t('public.lesson_contents', 'update', "the free open lesson's content",
    `update public.lesson_contents set text_content = 'x' where lesson_id = ${lit(LESSON.freeOpen)}`,
                                                                                             [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.lesson_contents', 'delete', "the free open lesson's content",
    `delete from public.lesson_contents where lesson_id = ${lit(LESSON.freeOpen)}`,         [D,   0,   0,   1,   0,   1,   0,   0]),

  // enrollments: learners read theirs; managers their courses'; company admins their
  // employees'; only admins (and definer functions) write.
  t('public.enrollments', 'select', 'every visible enrollment', count('public.enrollments'), [D,   1,   1,   4,   0,   4,   2,   2]),
  t('public.enrollments', 'select', "the student's enrollments",
    count(`public.enrollments where user_id = ${lit(USER.student)}`),                        [D,   1,   0,   1,   0,   1,   0,   0]),
  t('public.enrollments', 'select', "the employee's enrollments",
    count(`public.enrollments where user_id = ${lit(USER.employee)}`),                       [D,   0,   0,   2,   0,   2,   2,   2]),
  t('public.enrollments', 'insert', 'oneself into the paid course (skipping payment)',
    `insert into public.enrollments (user_id, course_id) values (${me}, ${lit(COURSE.paid)})`,
                                                                                             [D,   D,   D,   D,   D,   1,   D,   D]),
  t('public.enrollments', 'insert', 'the student into the paid course (IDOR)',
    `insert into public.enrollments (user_id, course_id) values (${lit(USER.student)}, ${lit(COURSE.paid)})`,
                                                                                             [D,   D,   D,   D,   D,   1,   D,   D]),
  t('public.enrollments', 'update', 'own status and progress to completed (tampering)',
    `update public.enrollments set status = 'completed', progress_percentage = 100 where user_id = ${me}`,
                                                                                             [D,   0,   0,   0,   0,   0,   0,   0]),
  t('public.enrollments', 'update', "the student's enrollment (IDOR)",
    `update public.enrollments set status = 'cancelled' where user_id = ${lit(USER.student)}`,
                                                                                             [D,   0,   0,   0,   0,   1,   0,   0]),
  t('public.enrollments', 'delete', "the student's enrollment",
    `delete from public.enrollments where user_id = ${lit(USER.student)}`,                   [D,   0,   0,   0,   0,   1,   0,   0]),

  // lesson_progress: same readers as enrollments; written only by complete_lesson (or admins).
  t('public.lesson_progress', 'select', 'every visible progress row', count('public.lesson_progress'),
                                                                                             [D,   1,   1,   3,   0,   3,   1,   1]),
  t('public.lesson_progress', 'select', "the student's progress",
    count(`public.lesson_progress where user_id = ${lit(USER.student)}`),                    [D,   1,   0,   1,   0,   1,   0,   0]),
  t('public.lesson_progress', 'select', "the employee's progress",
    count(`public.lesson_progress where user_id = ${lit(USER.employee)}`),                   [D,   0,   0,   1,   0,   1,   1,   1]),
  t('public.lesson_progress', 'insert', 'own completion of the free open lesson (tampering)',
    `insert into public.lesson_progress (user_id, lesson_id, course_id, status, is_completed)
     values (${me}, ${lit(LESSON.freeOpen)}, ${lit(COURSE.free)}, 'completed', true)`,       [D,   D,   D,   D,   D,   1,   D,   D]),
  t('public.lesson_progress', 'insert', "the student's completion of the free open lesson (IDOR)",
    `insert into public.lesson_progress (user_id, lesson_id, course_id, status, is_completed)
     values (${lit(USER.student)}, ${lit(LESSON.freeOpen)}, ${lit(COURSE.free)}, 'completed', true)`,
                                                                                             [D,   D,   D,   D,   D,   1,   D,   D]),
  t('public.lesson_progress', 'update', 'own rows to not completed (tampering)',
    `update public.lesson_progress set is_completed = false, status = 'in_progress' where user_id = ${me}`,
                                                                                             [D,   0,   0,   0,   0,   0,   0,   0]),
  t('public.lesson_progress', 'update', "the student's progress (IDOR)",
    `update public.lesson_progress set is_completed = false where user_id = ${lit(USER.student)}`,
                                                                                             [D,   0,   0,   0,   0,   1,   0,   0]),
  t('public.lesson_progress', 'delete', "the student's progress",
    `delete from public.lesson_progress where user_id = ${lit(USER.student)}`,               [D,   0,   0,   0,   0,   1,   0,   0]),

  // live_sessions: the course's participants (enrolled learners, its instructor) read; its
  // instructor and admins write; who scheduled it has no column grant.
  t('public.live_sessions', 'select', 'every visible live session', count('public.live_sessions'),
                                                                                             [D,   1,   1,   1,   0,   1,   0,   1]),
  t('public.live_sessions', 'insert', 'a live session in the free course',
    `insert into public.live_sessions (course_id, title, starts_at) values (${lit(COURSE.free)}, 'Q&A', now())`,
                                                                                             [D,   D,   D,   1,   D,   1,   D,   D]),
  t('public.live_sessions', 'insert', 'a live session credited to the instructor (impersonation)',
    `insert into public.live_sessions (course_id, title, starts_at, created_by) values (${lit(COURSE.free)}, 'Q&A', now(), ${lit(USER.instructor)})`,
                                                                                             [D,   D,   D,   1,   D,   D,   D,   D]),
  t('public.live_sessions', 'update', "the free course's session goes live",
    `update public.live_sessions set status = 'live' where id = ${lit(LIVE_SESSION.free)}`, [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.live_sessions', 'update', "the free course's session moved into the other instructor's course",
    `update public.live_sessions set course_id = ${lit(COURSE.otherDraft)} where id = ${lit(LIVE_SESSION.free)}`,
                                                                                             [D,   0,   0,   D,   0,   1,   0,   0]),
  t('public.live_sessions', 'update', 'who scheduled the session (no column grant)',
    `update public.live_sessions set created_by = ${me} where id = ${lit(LIVE_SESSION.free)}`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.live_sessions', 'delete', "the free course's session",
    `delete from public.live_sessions where id = ${lit(LIVE_SESSION.free)}`,                 [D,   0,   0,   1,   0,   1,   0,   0]),

  // notifications: each user reads, marks read (read_at only) and deletes their own; admins no
  // more than anyone; nobody inserts (triggers and definer code do). Enrollments wrote a welcome
  // each (student 1, other student 1, employee 2: free course and company seat); the student
  // also has a read announcement (NOTIFICATION.studentRead).
  t('public.notifications', 'select', 'every visible notification', count('public.notifications'),
                                                                                             [D,   2,   1,   0,   0,   0,   0,   2]),
  t('public.notifications', 'select', "the student's notifications",
    count(`public.notifications where user_id = ${lit(USER.student)}`),                      [D,   2,   0,   0,   0,   0,   0,   0]),
  t('public.notifications', 'insert', 'a notification for oneself (forging)',
    `insert into public.notifications (user_id, kind, title) values (${me}, 'system', 'Hi')`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.notifications', 'update', 'own notifications read',
    `update public.notifications set read_at = now() where user_id = ${me}`,                 [D,   2,   1,   0,   0,   0,   0,   2]),
  t('public.notifications', 'update', "the student's notifications read (IDOR)",
    `update public.notifications set read_at = now() where user_id = ${lit(USER.student)}`,  [D,   2,   0,   0,   0,   0,   0,   0]),
  t('public.notifications', 'update', 'own notification text (no column grant)',
    `update public.notifications set title = 'Changed' where user_id = ${me}`,               [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.notifications', 'update', 'own notification to another user (no column grant)',
    `update public.notifications set user_id = ${lit(USER.student)} where user_id = ${me}`,  [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.notifications', 'delete', 'own notifications',
    `delete from public.notifications where user_id = ${me}`,                                [D,   2,   1,   0,   0,   0,   0,   2]),
  t('public.notifications', 'delete', "the student's read announcement (IDOR)",
    `delete from public.notifications where id = ${lit(NOTIFICATION.studentRead)}`,          [D,   1,   0,   0,   0,   0,   0,   0]),

  // storage: the buckets are the migration's; anyone sees the public one (avatars). Objects: a
  // sample per verb on the student's avatar (given); every bucket, verb and role is in
  // supabase/tests/storage-policies.test.ts.
  t('storage.buckets', 'select', 'every visible bucket', count('storage.buckets'),          [1,   1,   1,   1,   1,   1,   1,   1]),
  t('storage.buckets', 'insert', 'a bucket',
    `insert into storage.buckets (id, name, public) values ('mine', 'mine', true)`,           [D,   D,   D,   D,   D,   D,   D,   D]),
  t('storage.buckets', 'update', 'the avatars bucket made private',
    `update storage.buckets set public = false where id = 'avatars'`,                         [0,   0,   0,   0,   0,   0,   0,   0]),
  t('storage.buckets', 'delete', 'the avatars bucket', `delete from storage.buckets where id = 'avatars'`,
                                                                                             [0,   0,   0,   0,   0,   0,   0,   0]),
  given([studentAvatar], t('storage.objects', 'select', "the student's avatar",
    count(`storage.objects where bucket_id = 'avatars'`),                                     [1,   1,   1,   1,   1,   1,   1,   1])),
  t('storage.objects', 'insert', 'an avatar in own folder',
    `insert into storage.objects (bucket_id, name) values ('avatars', ${me}::text || '/a.png')`,
                                                                                             [D,   1,   1,   1,   1,   1,   1,   1]),
  given([studentAvatar], t('storage.objects', 'update', "the student's avatar (IDOR)",
    `update storage.objects set metadata = '{}' where bucket_id = 'avatars'`,                 [0,   1,   0,   0,   0,   0,   0,   0])),
  given([studentAvatar], t('storage.objects', 'delete', "the student's avatar",
    `delete from storage.objects where bucket_id = 'avatars'`,                                [0,   1,   0,   0,   0,   0,   0,   0])),
];

function f(fn: FunctionCase['fn'], what: string, sql: string, outcomes: Outcomes): FunctionCase {
  return { fn, what, sql, expect: byRole(outcomes) };
}

const enroll = (course: string) => count(`public.enroll_in_free_course(${lit(course)})`);
const complete = (lesson: string) => count(`public.complete_lesson(${lit(lesson)})`);

// The API functions: anon may call none; what each signed-in role gets back.
// biome-ignore format: a table, one row per case, one column per role
export const FUNCTION_MATRIX: FunctionCase[] = [
  //                                                                                         anon stud othr inst oins admn cadm empl
  f('public.enroll_in_free_course(uuid)', 'the free course (idempotent)', enroll(COURSE.free),
                                                                                             [D,   1,   1,   1,   1,   1,   1,   1]),
  f('public.enroll_in_free_course(uuid)', 'the paid course (hint payment_required)', enroll(COURSE.paid),
                                                                                             [D, 'P0001', 'P0001', 'P0001', 'P0001', 'P0001', 'P0001', 'P0001']),
  f('public.enroll_in_free_course(uuid)', 'the draft course (not found)', enroll(COURSE.draft),
                                                                                             [D, 'P0002', 'P0002', 'P0002', 'P0002', 'P0002', 'P0002', 'P0002']),
  f('public.complete_lesson(uuid)', 'the free open lesson', complete(LESSON.freeOpen),       [D,   1,   1,   D,   D,   D,   D,   1]),
  f('public.complete_lesson(uuid)', 'the free preview lesson', complete(LESSON.freePreview), [D,   1,   1,   D,   D,   D,   D,   1]),
  f('public.complete_lesson(uuid)', 'the drip-locked lesson', complete(LESSON.freeDrip),     [D,   D,   D,   D,   D,   D,   D,   D]),
  f('public.complete_lesson(uuid)', 'the draft lesson', complete(LESSON.freeDraft),          [D,   D,   D,   D,   D,   D,   D,   D]),
  f('public.complete_lesson(uuid)', 'the paid open lesson (not enrolled, except the employee)', complete(LESSON.paidOpen),
                                                                                             [D,   D,   D,   D,   D,   D,   D,   1]),
  f('public.complete_lesson(uuid)', 'the paid preview lesson (a preview is not an enrollment)', complete(LESSON.paidPreview),
                                                                                             [D,   D,   D,   D,   D,   D,   D,   1]),
];
