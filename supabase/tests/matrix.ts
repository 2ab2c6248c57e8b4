import type { Outcome, Role } from './fixtures.ts';
import {
  BUNDLE,
  CARD,
  CATEGORY,
  COMPANY,
  COUPON,
  COURSE,
  LESSON,
  LIVE_SESSION,
  NOTIFICATION,
  ROLES,
  RULE,
  SECTION,
  TAX,
  USER,
} from './fixtures.ts';
import { AUDIT } from './fixtures-admin.ts';
import { COMPANY_GROUP, COMPANY_INVITATION, COMPANY_INVITATION_TOKEN } from './fixtures-company.ts';
import { CONTACT_MESSAGE, FAQ_ARTICLE, FAQ_BROWSER_KEY, FAQ_THEME } from './fixtures-faq.ts';
import { LAB, LAB_SUBMISSION } from './fixtures-labs.ts';
import {
  ASSIGNMENT,
  ATTEMPT,
  BANK,
  CERTIFICATE,
  CERTIFICATE_CODE,
  QUESTION,
  QUIZ,
  SUBMISSION,
} from './fixtures-learning.ts';
import { SESSION_QUESTION } from './fixtures-live.ts';
import { DECISION, FAQ, REVIEW } from './fixtures-reviews.ts';
import { LEGAL_SLUG } from './fixtures-site.ts';

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
 * the employee the free open lesson. Commerce (fixtures-commerce.ts): bundles, rules, coupons and
 * tax rates; the student's pending order, the company admin's paid and partly refunded corporate
 * order for acme, the other student's declined order; a demo request.
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
  'public.bundles',
  'public.bundle_courses',
  'public.pricing_rules',
  'public.coupons',
  'public.tax_rates',
  'public.orders',
  'public.order_items',
  'public.coupon_redemptions',
  'public.payments',
  'public.payment_events',
  'public.refunds',
  'public.invoices',
  'public.seat_purchases',
  'public.demo_requests',
  'public.quizzes',
  'public.quiz_questions',
  'public.quiz_answer_keys',
  'public.question_bank',
  'public.quiz_attempts',
  'public.assignments',
  'public.assignment_submissions',
  'public.certificates',
  'public.reviews',
  'public.course_faqs',
  'public.course_review_decisions',
  'public.labs',
  'public.lab_secrets',
  'public.lab_submissions',
  'public.lab_drafts',
  'public.company_groups',
  'public.company_invitations',
  'public.company_assignments',
  'public.session_questions',
  'public.session_votes',
  'public.session_bans',
  'public.cohort_note_locks',
  'public.faq_themes',
  'public.faq_articles',
  'public.faq_feedback',
  'public.contact_messages',
  'public.admin_audit_log',
  'public.site_home',
  'public.legal_pages',
  'storage.buckets',
  'storage.objects',
] as const;
export type MatrixTable = (typeof MATRIX_TABLES)[number];

/** API functions in schema public, by signature. rls-guard.test.ts demands this equal the database's. */
export const MATRIX_FUNCTIONS = [
  'public.complete_lesson(uuid)',
  'public.enroll_in_free_course(uuid)',
  'public.start_quiz_attempt(uuid)',
  'public.submit_quiz_attempt(uuid, jsonb)',
  'public.quiz_attempt_review(uuid)',
  'public.submit_assignment(uuid, text, jsonb)',
  'public.grade_submission(uuid, numeric, jsonb, text)',
  'public.record_video_progress(uuid, numeric, numeric)',
  'public.verify_certificate(text)',
  'public.revoke_certificate(uuid, text)',
  'public.decide_course_review(uuid, boolean, text)',
  'public.instructor_earnings()',
  'public.instructor_overview()',
  'public.learner_names(uuid[])',
  'public.create_company_group(uuid, text)',
  'public.rename_company_group(uuid, text)',
  'public.delete_company_group(uuid)',
  'public.move_company_members(uuid, uuid[], uuid)',
  'public.assign_company_learning(uuid, jsonb)',
  'public.unassign_company_learning(uuid, jsonb)',
  'public.remove_company_member(uuid, uuid)',
  'public.create_company_invitation(uuid, text, uuid, text)',
  'public.resend_company_invitation(uuid)',
  'public.revoke_company_invitation(uuid)',
  'public.accept_company_invitation(text)',
  'public.import_company_members(uuid, jsonb, jsonb)',
  'public.company_report(uuid)',
  'public.admin_add_company_seats(uuid, uuid, integer, text)',
  'public.admin_add_company_admin(uuid, text)',
  'public.ask_session_question(uuid, text)',
  'public.vote_session_question(uuid, boolean)',
  'public.moderate_session_question(uuid, text, text)',
  'public.ban_session_user(uuid, uuid, text)',
  'public.unban_session_user(uuid, uuid)',
  'public.set_cohort_note_lock(uuid, boolean)',
  'public.give_faq_feedback(uuid, boolean, text)',
  'public.admin_list_users(text, app_role, text, integer, integer)',
  'public.admin_set_user_role(uuid, app_role)',
  'public.admin_suspend_user(uuid, text)',
  'public.admin_restore_user(uuid)',
] as const;

/** Audit entries in the fixtures: fixtures-admin.ts's two and the admin's refund in fixtures-commerce.ts. */
const ADMIN_AUDIT_ROWS = 3;
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
  /** A state to start from, as for TableCase.given. */
  given?: string[];
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
const submittedPath = `${USER.student}/${COURSE.free}/${ASSIGNMENT.published}/essay.pdf`;
const studentSubmissionFile = `insert into storage.objects (bucket_id, name, owner_id, metadata)
  values ('submissions', '${submittedPath}', '${USER.student}', '{"size": 10, "mimetype": "application/pdf"}')`;
const studentSubmitsFile = `update public.assignment_submissions
  set files = '[{"path": "${submittedPath}", "name": "essay.pdf", "size": 10, "type": "application/pdf"}]'
  where id = '${SUBMISSION.student}'`;
const studentAvatar = `insert into storage.objects (bucket_id, name) values ('avatars', '${USER.student}/a.png')`;
/** The published lab tied to the free course's drip-locked lesson, made a lab lesson. */
const labOnDripLesson = [
  `update public.lessons set content_type = 'lab' where id = ${lit(LESSON.freeDrip)}`,
  `update public.labs set lesson_id = ${lit(LESSON.freeDrip)} where id = ${lit(LAB.published)}`,
];
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
  // an account with orders is kept (orders.user_id on delete restrict: invoices are records)
  t('public.profiles', 'delete', "the student's profile (they have an order)",
    `delete from public.profiles where id = ${lit(USER.student)}`,                            [D,   0,   0,   0,   0,   FK,  0,   0]),
  t('public.profiles', 'delete', "the employee's profile (no order)",
    `delete from public.profiles where id = ${lit(USER.employee)}`,                           [D,   0,   0,   0,   0,   1,   0,   0]),

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
  t('public.courses', 'update', 'rating_distribution (computed, tampering)',
    `update public.courses set rating_distribution = '{0,0,0,0,9}' where id = ${lit(COURSE.free)}`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.courses', 'update', "the free course's thumbnail and its widths",
    `update public.courses set thumbnail_url = '/t/free-{w}.webp', thumbnail_widths = '{320,640}' where id = ${lit(COURSE.free)}`,
                                                                                             [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.courses', 'update', "thumbnail widths without the url's {w} token",
    `update public.courses set thumbnail_widths = '{320}' where id = ${lit(COURSE.free)}`,  [D,   0,   0, '23514', 0, '23514', 0, 0]),
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

  // enrollments: learners read theirs; managers their courses'; company admins their employees'
  // in the courses the company assigned (acme: the employee's paid course, not the free one they
  // enrolled in themselves); only admins (and definer functions) write.
  t('public.enrollments', 'select', 'every visible enrollment', count('public.enrollments'), [D,   1,   1,   4,   0,   4,   1,   2]),
  t('public.enrollments', 'select', "the student's enrollments",
    count(`public.enrollments where user_id = ${lit(USER.student)}`),                        [D,   1,   0,   1,   0,   1,   0,   0]),
  t('public.enrollments', 'select', "the employee's enrollments",
    count(`public.enrollments where user_id = ${lit(USER.employee)}`),                       [D,   0,   0,   2,   0,   2,   1,   2]),
  t('public.enrollments', 'select', "the employee's enrollment in the free course (not assigned)",
    count(`public.enrollments where user_id = ${lit(USER.employee)} and course_id = ${lit(COURSE.free)}`),
                                                                                             [D,   0,   0,   1,   0,   1,   0,   1]),
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

  // lesson_progress: same readers as enrollments (the employee's progress is in the free course,
  // which acme did not assign); written only by complete_lesson (or admins).
  t('public.lesson_progress', 'select', 'every visible progress row', count('public.lesson_progress'),
                                                                                             [D,   1,   1,   3,   0,   3,   0,   1]),
  t('public.lesson_progress', 'select', "the student's progress",
    count(`public.lesson_progress where user_id = ${lit(USER.student)}`),                    [D,   1,   0,   1,   0,   1,   0,   0]),
  t('public.lesson_progress', 'select', "the employee's progress",
    count(`public.lesson_progress where user_id = ${lit(USER.employee)}`),                   [D,   0,   0,   1,   0,   1,   0,   1]),
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
  // also has a read announcement (NOTIFICATION.studentRead); the company admin was told of the
  // payment and the refund of the acme order (2).
  t('public.notifications', 'select', 'every visible notification', count('public.notifications'),
                                                                                             [D,   2,   1,   0,   0,   0,   2,   2]),
  t('public.notifications', 'select', "the student's notifications",
    count(`public.notifications where user_id = ${lit(USER.student)}`),                      [D,   2,   0,   0,   0,   0,   0,   0]),
  t('public.notifications', 'insert', 'a notification for oneself (forging)',
    `insert into public.notifications (user_id, kind, title) values (${me}, 'system', 'Hi')`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.notifications', 'update', 'own notifications read',
    `update public.notifications set read_at = now() where user_id = ${me}`,                 [D,   2,   1,   0,   0,   0,   2,   2]),
  t('public.notifications', 'update', "the student's notifications read (IDOR)",
    `update public.notifications set read_at = now() where user_id = ${lit(USER.student)}`,  [D,   2,   0,   0,   0,   0,   0,   0]),
  t('public.notifications', 'update', 'own notification text (no column grant)',
    `update public.notifications set title = 'Changed' where user_id = ${me}`,               [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.notifications', 'update', 'own notification to another user (no column grant)',
    `update public.notifications set user_id = ${lit(USER.student)} where user_id = ${me}`,  [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.notifications', 'delete', 'own notifications',
    `delete from public.notifications where user_id = ${me}`,                                [D,   2,   1,   0,   0,   0,   2,   2]),
  t('public.notifications', 'delete', "the student's read announcement (IDOR)",
    `delete from public.notifications where id = ${lit(NOTIFICATION.studentRead)}`,          [D,   1,   0,   0,   0,   0,   0,   0]),

  // bundles: anyone reads published ones; admins read and write all.
  t('public.bundles', 'select', 'every visible bundle', count('public.bundles'),            [1,   1,   1,   1,   1,   2,   1,   1]),
  t('public.bundles', 'insert', 'a bundle',
    `insert into public.bundles (slug, title) values ('new-bundle', 'New')`,                  [D,   D,   D,   D,   D,   1,   D,   D]),
  t('public.bundles', 'update', "the published bundle's title",
    `update public.bundles set title = 'Renamed' where id = ${lit(BUNDLE.published)}`,      [D,   0,   0,   0,   0,   1,   0,   0]),
  t('public.bundles', 'update', 'publish the draft bundle (tampering)',
    `update public.bundles set status = 'published' where id = ${lit(BUNDLE.draft)}`,       [D,   0,   0,   0,   0,   1,   0,   0]),
  t('public.bundles', 'update', "the published bundle's currency (its courses are USD)",
    `update public.bundles set currency = 'EUR' where id = ${lit(BUNDLE.published)}`,       [D,   0,   0,   0,   0, '23514', 0, 0]),
  t('public.bundles', 'update', 'open the draft bundle to instructors (admins only)',
    `update public.bundles set open_to_instructors = true where id = ${lit(BUNDLE.draft)}`, [D,   0,   0,   0,   0,   1,   0,   0]),
  t('public.bundles', 'delete', 'the draft bundle',
    `delete from public.bundles where id = ${lit(BUNDLE.draft)}`,                             [D,   0,   0,   0,   0,   1,   0,   0]),

  // bundle_courses: the courses of published bundles for anyone; admins all.
  t('public.bundle_courses', 'select', 'every visible bundle course', count('public.bundle_courses'),
                                                                                             [2,   2,   2,   2,   2,   3,   2,   2]),
  t('public.bundle_courses', 'insert', 'the draft course into the published bundle',
    `insert into public.bundle_courses (bundle_id, course_id) values (${lit(BUNDLE.published)}, ${lit(COURSE.draft)})`,
                                                                                             [D,   D,   D,   D,   D,   1,   D,   D]),
  t('public.bundle_courses', 'update', "the paid course's position in the published bundle",
    `update public.bundle_courses set position = 9 where bundle_id = ${lit(BUNDLE.published)} and course_id = ${lit(COURSE.paid)}`,
                                                                                             [D,   0,   0,   0,   0,   1,   0,   0]),
  // The published bundle is open to instructors: the owner of a published course adds and removes it.
  t('public.bundle_courses', 'delete', 'the free course out of the published bundle (open to instructors)',
    `delete from public.bundle_courses where bundle_id = ${lit(BUNDLE.published)} and course_id = ${lit(COURSE.free)}`,
                                                                                             [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.bundle_courses', 'delete', 'the paid course out of the draft bundle (closed to instructors)',
    `delete from public.bundle_courses where bundle_id = ${lit(BUNDLE.draft)} and course_id = ${lit(COURSE.paid)}`,
                                                                                             [D,   0,   0,   0,   0,   1,   0,   0]),
  given([`delete from public.bundle_courses where bundle_id = ${lit(BUNDLE.published)} and course_id = ${lit(COURSE.free)}`],
    t('public.bundle_courses', 'insert', 'the free course back into the open bundle (only its owner, or an admin)',
      `insert into public.bundle_courses (bundle_id, course_id) values (${lit(BUNDLE.published)}, ${lit(COURSE.free)})`,
                                                                                             [D,   D,   D,   1,   D,   1,   D,   D])),
  t('public.bundle_courses', 'insert', 'the free course into the draft bundle (closed to instructors)',
    `insert into public.bundle_courses (bundle_id, course_id) values (${lit(BUNDLE.draft)}, ${lit(COURSE.free)})`,
                                                                                             [D,   D,   D,   D,   D,   1,   D,   D]),
  t('public.bundle_courses', 'insert', "the other instructor's draft course into the open bundle (not published)",
    `insert into public.bundle_courses (bundle_id, course_id) values (${lit(BUNDLE.published)}, ${lit(COURSE.otherDraft)})`,
                                                                                             [D,   D,   D,   D,   D,   1,   D,   D]),

  // pricing_rules: active rules of the cart, seats and published bundles for anyone; admins all.
  t('public.pricing_rules', 'select', 'every visible rule', count('public.pricing_rules'),  [2,   2,   2,   2,   2,   4,   2,   2]),
  t('public.pricing_rules', 'insert', 'a seats tier',
    `insert into public.pricing_rules (scope, min_quantity, percent_bps) values ('seats', 50, 2000)`,
                                                                                             [D,   D,   D,   D,   D,   1,   D,   D]),
  t('public.pricing_rules', 'insert', 'a bundle rule without its bundle',
    `insert into public.pricing_rules (scope, min_quantity, percent_bps) values ('bundle', 2, 1000)`,
                                                                                             [D,   D,   D,   D,   D, '23514', D, D]),
  t('public.pricing_rules', 'update', 'the cart rule switched off',
    `update public.pricing_rules set active = false where id = ${lit(RULE.cart)}`,          [D,   0,   0,   0,   0,   1,   0,   0]),
  t('public.pricing_rules', 'delete', "the published bundle's rule",
    `delete from public.pricing_rules where id = ${lit(RULE.bundle)}`,                       [D,   0,   0,   0,   0,   1,   0,   0]),

  // coupons: admins only (anon has no grant).
  t('public.coupons', 'select', 'every visible coupon', count('public.coupons'),            [D,   0,   0,   0,   0,   3,   0,   0]),
  t('public.coupons', 'insert', 'a coupon',
    `insert into public.coupons (code, label, kind, percent_bps) values ('SPRING25', 'Spring', 'percent', 2500)`,
                                                                                             [D,   D,   D,   D,   D,   1,   D,   D]),
  t('public.coupons', 'insert', 'a coupon with a lower-case code',
    `insert into public.coupons (code, label, kind, percent_bps) values ('spring', 'Spring', 'percent', 2500)`,
                                                                                             [D,   D,   D,   D,   D, '23514', D, D]),
  t('public.coupons', 'update', 'WELCOME10 to 100% (tampering)',
    `update public.coupons set percent_bps = 10000 where id = ${lit(COUPON.welcome)}`,       [D,   0,   0,   0,   0,   1,   0,   0]),
  t('public.coupons', 'delete', 'the expired coupon (never used)',
    `delete from public.coupons where id = ${lit(COUPON.expired)}`,                          [D,   0,   0,   0,   0,   1,   0,   0]),
  t('public.coupons', 'delete', 'WELCOME10 (held by an order)',
    `delete from public.coupons where id = ${lit(COUPON.welcome)}`,                          [D,   0,   0,   0,   0,   FK,  0,   0]),

  // tax_rates: rates not yet ended for anyone; admins all.
  t('public.tax_rates', 'select', 'every visible tax rate', count('public.tax_rates'),      [1,   1,   1,   1,   1,   2,   1,   1]),
  t('public.tax_rates', 'insert', 'a tax rate',
    `insert into public.tax_rates (country, kind, label, rate_bps) values ('GB', 'vat', 'VAT 20%', 2000)`,
                                                                                             [D,   D,   D,   D,   D,   1,   D,   D]),
  t('public.tax_rates', 'update', 'the DE rate to 0% (tampering)',
    `update public.tax_rates set rate_bps = 0 where id = ${lit(TAX.de)}`,                   [D,   0,   0,   0,   0,   1,   0,   0]),
  t('public.tax_rates', 'delete', 'the ended FR rate',
    `delete from public.tax_rates where id = ${lit(TAX.frEnded)}`,                           [D,   0,   0,   0,   0,   1,   0,   0]),

  // orders and what hangs off them: the buyer, the company's admins and admins read; nobody
  // writes directly, admins included (the definer functions do).
  t('public.orders', 'select', 'every visible order', count('public.orders'),               [D,   1,   1,   0,   0,   3,   1,   0]),
  t('public.orders', 'select', "acme's orders", count(`public.orders where company_id = ${lit(COMPANY.acme)}`),
                                                                                             [D,   0,   0,   0,   0,   1,   1,   0]),
  t('public.orders', 'select', "the student's orders (IDOR)", count(`public.orders where user_id = ${lit(USER.student)}`),
                                                                                             [D,   1,   0,   0,   0,   1,   0,   0]),
  t('public.orders', 'insert', 'a paid order for oneself (skipping payment)',
    `insert into public.orders (user_id, kind, status, currency, subtotal, total, quote, idempotency_key, expires_at)
     values (${me}, 'single', 'paid', 'USD', 0, 0, '{}', 'forged-order', now())`,             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.orders', 'update', 'own orders to paid (tampering)',
    `update public.orders set status = 'paid' where user_id = ${me}`,                        [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.orders', 'update', 'own order total to 1 (tampering)',
    `update public.orders set total = 1, subtotal = 1 where user_id = ${me}`,                [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.orders', 'delete', "the student's order",
    `delete from public.orders where user_id = ${lit(USER.student)}`,                        [D,   D,   D,   D,   D,   D,   D,   D]),

  t('public.order_items', 'select', 'every visible order item', count('public.order_items'),
                                                                                             [D,   1,   1,   0,   0,   3,   1,   0]),
  t('public.order_items', 'insert', "a free item in the student's order",
    `insert into public.order_items (order_id, kind, course_id, title, seats, unit_amount, list_amount, total_amount)
     select id, 'course', ${lit(COURSE.draft)}, 'Extra', 1, 0, 0, 0 from public.orders where user_id = ${lit(USER.student)}`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.order_items', 'update', 'own order items to zero (tampering)',
    `update public.order_items set unit_amount = 0, list_amount = 0, total_amount = 0`,      [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.order_items', 'delete', 'every order item', `delete from public.order_items`,   [D,   D,   D,   D,   D,   D,   D,   D]),

  t('public.coupon_redemptions', 'select', 'every visible coupon use', count('public.coupon_redemptions'),
                                                                                             [D,   1,   0,   0,   0,   1,   0,   0]),
  t('public.coupon_redemptions', 'insert', 'a WELCOME10 use for the student (IDOR)',
    `insert into public.coupon_redemptions (coupon_id, order_id, user_id, held_until)
     select ${lit(COUPON.welcome)}, id, user_id, now() from public.orders where user_id = ${lit(USER.otherStudent)}`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.coupon_redemptions', 'update', 'own held coupon released (gaming the limit)',
    `update public.coupon_redemptions set status = 'released' where user_id = ${me}`,        [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.coupon_redemptions', 'delete', 'every coupon use', `delete from public.coupon_redemptions`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),

  t('public.payments', 'select', 'every visible payment', count('public.payments'),         [D,   1,   1,   0,   0,   3,   1,   0]),
  t('public.payments', 'insert', 'a succeeded payment',
    `insert into public.payments (order_id, provider, status, amount, currency, method)
     select id, 'local', 'succeeded', total, currency, 'card' from public.orders where user_id = ${me}`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.payments', 'update', 'own payments to succeeded (tampering)',
    `update public.payments set status = 'succeeded'`,                                        [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.payments', 'delete', 'every payment', `delete from public.payments`,             [D,   D,   D,   D,   D,   D,   D,   D]),

  t('public.payment_events', 'select', 'every visible payment event', count('public.payment_events'),
                                                                                             [D,   0,   0,   0,   0,   2,   0,   0]),
  t('public.payment_events', 'insert', 'a forged event id (blocking the real one)',
    `insert into public.payment_events (id, type, outcome) values ('evt_forged', 'paid', 'ignored')`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.payment_events', 'update', 'every event to fulfilled',
    `update public.payment_events set outcome = 'fulfilled'`,                                 [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.payment_events', 'delete', 'every event (so one is replayed)', `delete from public.payment_events`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),

  t('public.refunds', 'select', 'every visible refund', count('public.refunds'),            [D,   0,   0,   0,   0,   1,   1,   0]),
  t('public.refunds', 'insert', 'a refund of the acme order',
    `insert into public.refunds (order_id, payment_id, amount, currency, kind)
     select p.order_id, p.id, 1, p.currency, 'learner' from public.payments p`,              [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.refunds', 'update', 'every refund amount', `update public.refunds set amount = 1`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.refunds', 'delete', 'every refund', `delete from public.refunds`,               [D,   D,   D,   D,   D,   D,   D,   D]),

  t('public.invoices', 'select', 'every visible invoice and credit note', count('public.invoices'),
                                                                                             [D,   0,   0,   0,   0,   2,   2,   0]),
  t('public.invoices', 'insert', 'an invoice',
    `insert into public.invoices (number, kind, order_id, user_id, bill_to, currency, lines, subtotal, total)
     select 'INV-2026-0101-999', 'invoice', id, user_id, '{}', currency, '[]', 0, 0 from public.orders where user_id = ${me}`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.invoices', 'update', 'every invoice total to 0', `update public.invoices set total = 0, subtotal = 0, tax = 0, discount = 0`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.invoices', 'delete', 'every invoice', `delete from public.invoices`,             [D,   D,   D,   D,   D,   D,   D,   D]),

  // seat_purchases: the company's admins and admins read; fulfilment and refunds write.
  t('public.seat_purchases', 'select', 'every visible seat purchase', count('public.seat_purchases'),
                                                                                             [D,   0,   0,   0,   0,   1,   1,   0]),
  t('public.seat_purchases', 'insert', 'seats for acme',
    `insert into public.seat_purchases (company_id, order_id, course_id, seats)
     select company_id, id, ${lit(COURSE.draft)}, 100 from public.orders where company_id = ${lit(COMPANY.acme)}`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.seat_purchases', 'update', "acme's seats to 1000", `update public.seat_purchases set seats = 1000`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.seat_purchases', 'delete', 'every seat purchase', `delete from public.seat_purchases`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),

  // demo_requests: admins read; the definer function writes (the landing page's form).
  t('public.demo_requests', 'select', 'every visible demo request', count('public.demo_requests'),
                                                                                             [D,   0,   0,   0,   0,   1,   0,   0]),
  t('public.demo_requests', 'insert', 'a demo request',
    `insert into public.demo_requests (name, email, company, team_size) values ('A', 'a@example.test', 'B', 5)`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.demo_requests', 'update', 'every demo request', `update public.demo_requests set message = 'x'`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.demo_requests', 'delete', 'every demo request', `delete from public.demo_requests`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),

  // Learning (20261124000100). quizzes and assignments: learners read the published ones of the
  // courses they learn in (drip of a tied lesson applies); course managers write. Questions hold no
  // answers; answer keys are the managers' only. Attempts, submissions and certificates are read by
  // their learner, the course's managers and admins, and written by definer functions only.
  t('public.quizzes', 'select', 'every visible quiz', count('public.quizzes'),             [D,   1,   1,   2,   0,   2,   0,   1]),
  t('public.quizzes', 'select', 'the draft quiz', count(`public.quizzes where id = ${lit(QUIZ.draft)}`),
                                                                                             [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.quizzes', 'insert', 'a quiz in the free course',
    `insert into public.quizzes (course_id, title) values (${lit(COURSE.free)}, 'New')`,    [D,   D,   D,   1,   D,   1,   D,   D]),
  t('public.quizzes', 'update', "the published quiz's passing score",
    `update public.quizzes set passing_score = 0 where id = ${lit(QUIZ.published)}`,        [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.quizzes', 'update', "the draft quiz moved into the other instructor's course",
    `update public.quizzes set course_id = ${lit(COURSE.otherDraft)} where id = ${lit(QUIZ.draft)}`,
                                                                                             [D,   0,   0,   D,   0,   1,   0,   0]),
  t('public.quizzes', 'delete', 'the draft quiz', `delete from public.quizzes where id = ${lit(QUIZ.draft)}`,
                                                                                             [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.quiz_questions', 'select', 'every visible question', count('public.quiz_questions'),
                                                                                             [D,   5,   5,   6,   0,   6,   0,   5]),
  t('public.quiz_questions', 'select', "the draft quiz's question",
    count(`public.quiz_questions where id = ${lit(QUESTION.draft)}`),                        [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.quiz_questions', 'insert', 'a question in the published quiz',
    `insert into public.quiz_questions (quiz_id, type, prompt) values (${lit(QUIZ.published)}, 'true_false', 'New')`,
                                                                                             [D,   D,   D,   1,   D,   1,   D,   D]),
  t('public.quiz_questions', 'insert', "a question of the published quiz filed under the other instructor's course",
    `insert into public.quiz_questions (quiz_id, course_id, type, prompt) values (${lit(QUIZ.published)}, ${lit(COURSE.otherDraft)}, 'true_false', 'New')`,
                                                                                             [D, '23514', '23514', '23514', '23514', '23514', '23514', '23514']),
  t('public.quiz_questions', 'update', 'a published question',
    `update public.quiz_questions set prompt = 'Changed' where id = ${lit(QUESTION.single)}`, [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.quiz_questions', 'delete', "the draft quiz's question",
    `delete from public.quiz_questions where id = ${lit(QUESTION.draft)}`,                   [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.quiz_answer_keys', 'select', 'every visible answer key', count('public.quiz_answer_keys'),
                                                                                             [D,   0,   0,   6,   0,   6,   0,   0]),
  t('public.quiz_answer_keys', 'select', "the published quiz's answers before submitting",
    count(`public.quiz_answer_keys k join public.quiz_questions q on q.id = k.question_id where q.quiz_id = ${lit(QUIZ.published)}`),
                                                                                             [D,   0,   0,   5,   0,   5,   0,   0]),
  given([`insert into public.quiz_questions (id, quiz_id, type, prompt) values (${lit(QUESTION.spare)}, ${lit(QUIZ.published)}, 'true_false', 'Spare')`],
    t('public.quiz_answer_keys', 'insert', "the key of a new question",
      `insert into public.quiz_answer_keys (question_id, answer) values (${lit(QUESTION.spare)}, '{"correct": true}')`,
                                                                                             [D,   D,   D,   1,   D,   1,   D,   D])),
  t('public.quiz_answer_keys', 'update', 'a published key (tampering)',
    `update public.quiz_answer_keys set answer = '{"correct": "a"}' where question_id = ${lit(QUESTION.single)}`,
                                                                                             [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.quiz_answer_keys', 'delete', 'a published key',
    `delete from public.quiz_answer_keys where question_id = ${lit(QUESTION.single)}`,       [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.question_bank', 'select', 'every visible bank question', count('public.question_bank'),
                                                                                             [D,   0,   0,   2,   1,   3,   0,   0]),
  t('public.question_bank', 'insert', "a question in the instructor's bank",
    `insert into public.question_bank (instructor_id, type, prompt, answer) values (${lit(CARD.instructor)}, 'true_false', 'New', '{"correct": false}')`,
                                                                                             [D,   D,   D,   1,   D,   1,   D,   D]),
  t('public.question_bank', 'update', "the instructor's bank question",
    `update public.question_bank set prompt = 'Changed' where id = ${lit(BANK.instructorA)}`, [D,  0,   0,   1,   0,   1,   0,   0]),
  t('public.question_bank', 'delete', "the other instructor's bank question",
    `delete from public.question_bank where id = ${lit(BANK.otherInstructor)}`,             [D,   0,   0,   0,   1,   1,   0,   0]),
  t('public.quiz_attempts', 'select', 'every visible attempt', count('public.quiz_attempts'), [D,  1,   0,   1,   0,   1,   0,   0]),
  t('public.quiz_attempts', 'insert', 'a passed attempt for oneself (forging)',
    `insert into public.quiz_attempts (quiz_id, course_id, user_id, attempt_number, question_ids, passed, status)
     values (${lit(QUIZ.published)}, ${lit(COURSE.free)}, ${me}, 9, '{}', true, 'submitted')`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.quiz_attempts', 'update', 'own attempts marked passed (tampering)',
    `update public.quiz_attempts set passed = true, score_percent = 100 where user_id = ${me}`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.quiz_attempts', 'delete', "the student's attempt",
    `delete from public.quiz_attempts where id = ${lit(ATTEMPT.student)}`,                   [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.assignments', 'select', 'every visible assignment', count('public.assignments'),
                                                                                             [D,   1,   1,   2,   0,   2,   0,   1]),
  t('public.assignments', 'insert', 'an assignment in the free course',
    `insert into public.assignments (course_id, title) values (${lit(COURSE.free)}, 'New')`, [D,   D,   D,   1,   D,   1,   D,   D]),
  t('public.assignments', 'update', "the published assignment's due date",
    `update public.assignments set due_at = null where id = ${lit(ASSIGNMENT.published)}`,  [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.assignments', 'delete', 'the draft assignment',
    `delete from public.assignments where id = ${lit(ASSIGNMENT.draft)}`,                    [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.assignment_submissions', 'select', 'every visible submission', count('public.assignment_submissions'),
                                                                                             [D,   1,   0,   1,   0,   1,   0,   0]),
  t('public.assignment_submissions', 'select', "the student's submission (IDOR)",
    count(`public.assignment_submissions where id = ${lit(SUBMISSION.student)}`),           [D,   1,   0,   1,   0,   1,   0,   0]),
  t('public.assignment_submissions', 'insert', 'a graded submission for oneself (forging)',
    `insert into public.assignment_submissions (assignment_id, course_id, user_id, attempt_number, status, points, final_points)
     values (${lit(ASSIGNMENT.published)}, ${lit(COURSE.free)}, ${me}, 9, 'graded', 100, 100)`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.assignment_submissions', 'update', "the student's grade (tampering)",
    `update public.assignment_submissions set status = 'graded', points = 100, final_points = 100 where id = ${lit(SUBMISSION.student)}`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.assignment_submissions', 'delete', "the student's submission",
    `delete from public.assignment_submissions where id = ${lit(SUBMISSION.student)}`,       [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.certificates', 'select', 'every visible certificate', count('public.certificates'),
                                                                                             [D,   0,   1,   1,   0,   1,   0,   0]),
  t('public.certificates', 'insert', 'a certificate for oneself (forging)',
    `insert into public.certificates (user_id, course_id, code, code_sha256, learner_name, course_title, instructor_name)
     values (${me}, ${lit(COURSE.free)}, 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA', '\\x00', 'Me', 'Free course', 'Ada')`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.certificates', 'update', "the other student's certificate renamed",
    `update public.certificates set learner_name = 'Someone else' where id = ${lit(CERTIFICATE.otherStudent)}`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.certificates', 'delete', "the other student's certificate",
    `delete from public.certificates where id = ${lit(CERTIFICATE.otherStudent)}`,           [D,   D,   D,   D,   D,   D,   D,   D]),
  // progress columns of the same migration: no learner writes them.
  t('public.lesson_progress', 'update', 'own watched seconds (tampering)',
    `update public.lesson_progress set watched_seconds = 9999 where user_id = ${me}`,        [D,   0,   0,   0,   0,   0,   0,   0]),
  t('public.enrollments', 'update', 'own completed items (tampering)',
    `update public.enrollments set completed_items = 99 where user_id = ${me}`,              [D,   0,   0,   0,   0,   0,   0,   0]),
  t('public.lessons', 'update', "the free open lesson's video length",
    `update public.lessons set video_seconds = 600 where id = ${lit(LESSON.freeOpen)}`,     [D,   0,   0,   1,   0,   1,   0,   0]),

  // Code labs (20261125000100). labs: learners read the published ones of the courses they learn in
  // (a tied lesson must be open: drip applies); course managers write. lab_secrets (hidden tests,
  // reference solution) are the managers' only. lab_submissions are read by their learner, the
  // course's managers and admins, and written by private.record_lab_submission (service_role) only.
  // lab_drafts: the learner's own, written only for labs open to them.
  t('public.labs', 'select', 'every visible lab', count('public.labs'),                    [D,   1,   1,   2,   1,   3,   0,   1]),
  t('public.labs', 'select', 'the draft lab', count(`public.labs where id = ${lit(LAB.draft)}`),
                                                                                             [D,   0,   0,   1,   0,   1,   0,   0]),
  given(labOnDripLesson,
    t('public.labs', 'select', 'the published lab tied to the drip-locked lesson',
      count(`public.labs where id = ${lit(LAB.published)}`),                                [D,   0,   0,   1,   0,   1,   0,   0])),
  t('public.labs', 'insert', 'a lab in the free course',
    `insert into public.labs (course_id, slug, title) values (${lit(COURSE.free)}, 'new', 'New')`,
                                                                                             [D,   D,   D,   1,   D,   1,   D,   D]),
  t('public.labs', 'insert', 'a lab tied to a text lesson (guard trigger)',
    `insert into public.labs (course_id, lesson_id, slug, title) values (${lit(COURSE.free)}, ${lit(LESSON.freeOpen)}, 'new', 'New')`,
                                                                                             [D, '23514', '23514', '23514', '23514', '23514', '23514', '23514']),
  t('public.labs', 'update', "the published lab's points",
    `update public.labs set points = 1000 where id = ${lit(LAB.published)}`,                 [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.labs', 'update', "the draft lab moved into the other instructor's course",
    `update public.labs set course_id = ${lit(COURSE.otherDraft)} where id = ${lit(LAB.draft)}`,
                                                                                             [D,   0,   0,   D,   0,   1,   0,   0]),
  t('public.labs', 'delete', 'the draft lab', `delete from public.labs where id = ${lit(LAB.draft)}`,
                                                                                             [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.lab_secrets', 'select', 'every visible lab secret', count('public.lab_secrets'),
                                                                                             [D,   0,   0,   2,   1,   3,   0,   0]),
  t('public.lab_secrets', 'select', "the published lab's hidden tests",
    count(`public.lab_secrets where lab_id = ${lit(LAB.published)}`),                        [D,   0,   0,   1,   0,   1,   0,   0]),
  given([`insert into public.labs (id, course_id, slug, title) values (${lit(LAB.spare)}, ${lit(COURSE.free)}, 'spare', 'Spare')`],
    t('public.lab_secrets', 'insert', 'the secrets of a new lab',
      `insert into public.lab_secrets (lab_id, hidden_tests) values (${lit(LAB.spare)}, 'test()')`,
                                                                                             [D,   D,   D,   1,   D,   1,   D,   D])),
  t('public.lab_secrets', 'update', "the published lab's hidden tests emptied (tampering)",
    `update public.lab_secrets set hidden_tests = '' where lab_id = ${lit(LAB.published)}`,  [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.lab_secrets', 'delete', "the published lab's secrets",
    `delete from public.lab_secrets where lab_id = ${lit(LAB.published)}`,                   [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.lab_submissions', 'select', 'every visible lab submission', count('public.lab_submissions'),
                                                                                             [D,   1,   0,   1,   0,   1,   0,   0]),
  t('public.lab_submissions', 'insert', 'a passed lab submission for oneself (forging)',
    `insert into public.lab_submissions (lab_id, course_id, user_id, code, status, score, points)
     values (${lit(LAB.published)}, ${lit(COURSE.free)}, ${me}, 'x', 'passed', 100, 10)`,   [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.lab_submissions', 'update', 'own lab submissions marked passed (tampering)',
    `update public.lab_submissions set status = 'passed', score = 100 where user_id = ${me}`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.lab_submissions', 'delete', "the student's lab submission",
    `delete from public.lab_submissions where id = ${lit(LAB_SUBMISSION.student)}`,          [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.lab_drafts', 'select', 'every visible lab draft', count('public.lab_drafts'),  [D,   1,   0,   0,   0,   0,   0,   0]),
  t('public.lab_drafts', 'insert', 'own draft of the published lab (the student has one)',
    `insert into public.lab_drafts (user_id, lab_id, code) values (${me}, ${lit(LAB.published)}, 'x')`,
                                                                                             [D, '23505', 1,  D,   D,   D,   D,   1]),
  t('public.lab_drafts', 'insert', 'own draft of the draft lab',
    `insert into public.lab_drafts (user_id, lab_id, code) values (${me}, ${lit(LAB.draft)}, 'x')`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  given(labOnDripLesson,
    t('public.lab_drafts', 'insert', 'own draft of a lab tied to the drip-locked lesson',
      `insert into public.lab_drafts (user_id, lab_id, code) values (${me}, ${lit(LAB.published)}, 'x')`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D])),
  t('public.lab_drafts', 'insert', "a draft in the employee's name (IDOR)",
    `insert into public.lab_drafts (user_id, lab_id, code) values (${lit(USER.employee)}, ${lit(LAB.published)}, 'x')`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   1]),
  t('public.lab_drafts', 'update', "the student's draft (IDOR)",
    `update public.lab_drafts set code = 'x' where user_id = ${lit(USER.student)}`,          [D,   1,   0,   0,   0,   0,   0,   0]),
  t('public.lab_drafts', 'update', 'own draft moved to the draft lab',
    `update public.lab_drafts set lab_id = ${lit(LAB.draft)} where user_id = ${me}`,        [D,   D,   0,   0,   0,   0,   0,   0]),
  t('public.lab_drafts', 'delete', "the student's draft",
    `delete from public.lab_drafts where user_id = ${lit(USER.student)}`,                    [D,   1,   0,   0,   0,   0,   0,   0]),

  // Company learning (20261125000200): read-only for request roles (the definer functions write).
  // Groups: the company's active members; invitations: its admins; assignments: the assignee and
  // the company's admins; admins all. Fixtures: fixtures-company.ts.
  t('public.company_groups', 'select', 'every visible group', count('public.company_groups'),
                                                                                             [D,   0,   1,   0,   0,   2,   1,   1]),
  t('public.company_groups', 'select', "globex's groups", count(`public.company_groups where company_id = ${lit(COMPANY.globex)}`),
                                                                                             [D,   0,   1,   0,   0,   1,   0,   0]),
  given([`update public.company_members set status = 'removed', removed_at = now() where user_id = ${lit(USER.employee)}`],
    t('public.company_groups', 'select', 'every visible group once the employee is removed', count('public.company_groups'),
                                                                                             [D,   0,   1,   0,   0,   2,   1,   0])),
  t('public.company_groups', 'insert', 'a group in acme',
    `insert into public.company_groups (company_id, name) values (${lit(COMPANY.acme)}, 'Sales')`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.company_groups', 'update', "acme's group renamed", `update public.company_groups set name = 'X'`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.company_groups', 'delete', 'every group', `delete from public.company_groups`,  [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.company_invitations', 'select', 'every visible invitation', count('public.company_invitations'),
                                                                                             [D,   0,   0,   0,   0,   1,   1,   0]),
  t('public.company_invitations', 'insert', 'an invitation to acme',
    `insert into public.company_invitations (company_id, email, token_sha256)
     values (${lit(COMPANY.acme)}, 'x@example.test', sha256('x'))`,                          [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.company_invitations', 'update', 'every invitation made to last', `update public.company_invitations set expires_at = now() + interval '10 years'`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.company_invitations', 'delete', 'every invitation', `delete from public.company_invitations`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.company_assignments', 'select', 'every visible assignment', count('public.company_assignments'),
                                                                                             [D,   0,   0,   0,   0,   2,   2,   1]),
  t('public.company_assignments', 'insert', 'a seat of the paid course for oneself',
    `insert into public.company_assignments (company_id, course_id, user_id) values (${lit(COMPANY.acme)}, ${lit(COURSE.paid)}, ${me})`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.company_assignments', 'update', 'every due date removed', `update public.company_assignments set due_at = null`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.company_assignments', 'delete', 'every assignment', `delete from public.company_assignments`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),

  // cohort_note_locks (20261126000200): who can open the lesson, and its managers, read its
  // lock (here: the free open lesson's); nobody writes directly (set_cohort_note_lock does).
  given([`insert into public.cohort_note_locks (lesson_id, locked_by) values (${lit(LESSON.freeOpen)}, ${lit(USER.instructor)})`],
    t('public.cohort_note_locks', 'select', "the free open lesson's lock", count('public.cohort_note_locks'),
                                                                                             [D,   1,   1,   1,   0,   1,   0,   1])),
  t('public.cohort_note_locks', 'insert', 'a lock of the free open lesson',
    `insert into public.cohort_note_locks (lesson_id) values (${lit(LESSON.freeOpen)})`,     [D,   D,   D,   D,   D,   D,   D,   D]),
  given([`insert into public.cohort_note_locks (lesson_id, locked_by) values (${lit(LESSON.freeOpen)}, ${lit(USER.instructor)})`],
    t('public.cohort_note_locks', 'update', "the free open lesson's lock", `update public.cohort_note_locks set locked_at = now()`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D])),
  given([`insert into public.cohort_note_locks (lesson_id, locked_by) values (${lit(LESSON.freeOpen)}, ${lit(USER.instructor)})`],
    t('public.cohort_note_locks', 'delete', "the free open lesson's lock", `delete from public.cohort_note_locks`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D])),

  // Live Q&A (20261126000100): read-only for request roles (the definer functions write). On the
  // free course's session (fixtures-live.ts): moderators (its instructor, admins) read every
  // question, participants the visible ones, authors their own; votes their voter; bans the
  // moderators and the banned employee.
  t('public.session_questions', 'select', 'every visible question', count('public.session_questions'),
                                                                                             [D,   1,   2,   3,   0,   3,   0,   2]),
  t('public.session_questions', 'insert', "a question in the free course's session (bypassing the function)",
    `insert into public.session_questions (session_id, author_id, body) values (${lit(LIVE_SESSION.free)}, ${me}, 'Hi?')`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.session_questions', 'update', "the student's question pinned",
    `update public.session_questions set pinned = true where id = ${lit(SESSION_QUESTION.studentVisible)}`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.session_questions', 'delete', 'every question', `delete from public.session_questions`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.session_votes', 'select', 'every visible vote', count('public.session_votes'), [D,   0,   1,   0,   0,   0,   0,   0]),
  t('public.session_votes', 'insert', "a vote for the student's question",
    `insert into public.session_votes (question_id, user_id) values (${lit(SESSION_QUESTION.studentVisible)}, ${me})`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.session_votes', 'update', 'every vote moved to oneself', `update public.session_votes set user_id = ${me}`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.session_votes', 'delete', 'every vote', `delete from public.session_votes`,    [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.session_bans', 'select', 'every visible ban', count('public.session_bans'),    [D,   0,   0,   1,   0,   1,   0,   1]),
  t('public.session_bans', 'insert', 'a ban of the student',
    `insert into public.session_bans (session_id, user_id) values (${lit(LIVE_SESSION.free)}, ${lit(USER.student)})`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.session_bans', 'update', "the employee's ban reason", `update public.session_bans set reason = ''`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.session_bans', 'delete', "the employee's ban (lifting it without the function)", `delete from public.session_bans`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),

  // FAQ center (20261128000200, fixtures-faq.ts): everyone reads the published article and its
  // theme, admins the draft and the empty theme too and write both; feedback and contact messages are written by
  // definer functions only, read by admins (feedback: voters their own); admins mark messages handled.
  t('public.faq_themes', 'select', 'every visible FAQ theme', count('public.faq_themes'),   [1,   1,   1,   1,   1,   2,   1,   1]),
  t('public.faq_themes', 'insert', 'a new theme',
    `insert into public.faq_themes (slug, title) values ('new-theme', 'New')`,               [D,   D,   D,   D,   D,   1,   D,   D]),
  t('public.faq_themes', 'update', 'every theme renamed', `update public.faq_themes set title = 'X'`,
                                                                                             [D,   0,   0,   0,   0,   2,   0,   0]),
  t('public.faq_themes', 'delete', 'the courses theme (no articles)',
    `delete from public.faq_themes where id = ${lit(FAQ_THEME.courses)}`,                    [D,   0,   0,   0,   0,   1,   0,   0]),
  t('public.faq_articles', 'select', 'every visible FAQ article', count('public.faq_articles'),
                                                                                             [1,   1,   1,   1,   1,   2,   1,   1]),
  t('public.faq_articles', 'insert', 'a new article',
    `insert into public.faq_articles (theme_id, question, answer) values (${lit(FAQ_THEME.payments)}, 'Q?', 'A.')`,
                                                                                             [D,   D,   D,   D,   D,   1,   D,   D]),
  t('public.faq_articles', 'update', 'every article published', `update public.faq_articles set published = true`,
                                                                                             [D,   0,   0,   0,   0,   2,   0,   0]),
  t('public.faq_articles', 'delete', 'every article', `delete from public.faq_articles`,   [D,   0,   0,   0,   0,   2,   0,   0]),
  t('public.faq_feedback', 'select', 'every visible vote', count('public.faq_feedback'),   [D,   1,   0,   0,   0,   2,   0,   0]),
  t('public.faq_feedback', 'insert', 'a vote as oneself (bypassing the function)',
    `insert into public.faq_feedback (article_id, user_id, helpful) values (${lit(FAQ_ARTICLE.published)}, ${me}, true)`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.faq_feedback', 'update', 'every vote turned helpful', `update public.faq_feedback set helpful = true`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.faq_feedback', 'delete', 'every vote', `delete from public.faq_feedback`,      [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.contact_messages', 'select', 'every visible contact message', count('public.contact_messages'),
                                                                                             [D,   0,   0,   0,   0,   2,   0,   0]),
  t('public.contact_messages', 'insert', 'a message (bypassing the function)',
    `insert into public.contact_messages (name, email, topic, message, sender_key) values ('A', 'a@b.test', 'other', 'Hello there!', 'k')`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.contact_messages', 'update', "the visitor's message marked handled",
    `update public.contact_messages set handled_at = now() where id = ${lit(CONTACT_MESSAGE.visitor)}`,
                                                                                             [D,   0,   0,   0,   0,   1,   0,   0]),
  t('public.contact_messages', 'delete', 'every message', `delete from public.contact_messages`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),

  // admin_audit_log (20261128000100, fixtures-admin.ts): admins read it; nobody writes it but
  // private.audit inside the admin functions and triggers (no write grant, no write policy).
  t('public.admin_audit_log', 'select', 'every visible audit entry', count('public.admin_audit_log'),
                                                                                             [D,   0,   0,   0,   0,   ADMIN_AUDIT_ROWS, 0, 0]),
  t('public.admin_audit_log', 'insert', 'a forged entry',
    `insert into public.admin_audit_log (actor_id, action, target_type) values (${me}, 'user.suspend', 'user')`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.admin_audit_log', 'update', 'an entry rewritten',
    `update public.admin_audit_log set details = '{}' where id = ${lit(AUDIT.roleChange)}`, [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.admin_audit_log', 'delete', 'every entry', `delete from public.admin_audit_log`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),

  // Site content (20261128000400, fixtures-site.ts): everyone reads the homepage record and the
  // published legal pages, admins the drafts too; only admins update them or create a legal page;
  // nobody deletes either (no grant).
  t('public.site_home', 'select', 'the homepage record', count('public.site_home'),         [1,   1,   1,   1,   1,   1,   1,   1]),
  t('public.site_home', 'insert', 'a second homepage record',
    `insert into public.site_home (id, hero_title, hero_text, cta_label, cta_href) values (true, 'H', 'T', 'Go', '/')`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.site_home', 'update', 'the hero retitled', `update public.site_home set hero_title = 'X'`,
                                                                                             [D,   0,   0,   0,   0,   1,   0,   0]),
  t('public.site_home', 'delete', 'the homepage record', `delete from public.site_home`,    [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.legal_pages', 'select', 'every visible legal page', count('public.legal_pages'),
                                                                                             [1,   1,   1,   1,   1,   2,   1,   1]),
  t('public.legal_pages', 'insert', 'the missing privacy page',
    `insert into public.legal_pages (slug, title, body) values (${lit(LEGAL_SLUG.missing)}, 'Privacy', 'We keep little.')`,
                                                                                             [D,   D,   D,   D,   D,   1,   D,   D]),
  t('public.legal_pages', 'update', 'every legal page retitled', `update public.legal_pages set title = 'X'`,
                                                                                             [D,   0,   0,   0,   0,   2,   0,   0]),
  t('public.legal_pages', 'delete', 'every legal page', `delete from public.legal_pages`,  [D,   D,   D,   D,   D,   D,   D,   D]),

  // reviews: anyone reads visible reviews of published courses; authors their own, the course's
  // managers all of theirs. The enrolled learner writes one, as themselves. Columns by role: the
  // author rating and comment, the course's owner the reply, an admin is_hidden (guard trigger).
  t('public.reviews', 'select', 'every visible review', count('public.reviews'),            [1,   1,   2,   2,   1,   2,   1,   1]),
  t('public.reviews', 'select', 'hidden reviews', count('public.reviews where is_hidden'),  [0,   0,   1,   1,   0,   1,   0,   0]),
  t('public.reviews', 'insert', 'own 4-star review of the free course (once per learner)',
    `insert into public.reviews (course_id, rating) values (${lit(COURSE.free)}, 4)`,      [D, '23505', '23505', D, D, D, D,   1]),
  t('public.reviews', 'insert', 'a review of the paid course (only the employee holds a seat)',
    `insert into public.reviews (course_id, rating) values (${lit(COURSE.paid)}, 4)`,      [D,   D,   D,   D,   D,   D,   D,   1]),
  t('public.reviews', 'insert', "a review in the employee's name (IDOR)",
    `insert into public.reviews (course_id, user_id, rating) values (${lit(COURSE.paid)}, ${lit(USER.employee)}, 1)`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   1]),
  t('public.reviews', 'insert', 'a review with a reply already (tampering, no column grant)',
    `insert into public.reviews (course_id, rating, instructor_reply) values (${lit(COURSE.paid)}, 5, 'Great')`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.reviews', 'update', "own review's rating",
    `update public.reviews set rating = 3 where user_id = ${me}`,                            [D,   1,   1,   0,   0,   0,   0,   0]),
  t('public.reviews', 'update', "the student's comment (IDOR: only its author)",
    `update public.reviews set comment = 'Edited' where id = ${lit(REVIEW.student)}`,       [D,   1,   0,   D,   0,   D,   0,   0]),
  t('public.reviews', 'update', "a reply to the student's review (only the course's owner)",
    `update public.reviews set instructor_reply = 'Thanks' where id = ${lit(REVIEW.student)}`,
                                                                                             [D,   D,   0,   1,   0,   D,   0,   0]),
  t('public.reviews', 'update', 'own review hidden or shown (tampering)',
    `update public.reviews set is_hidden = not is_hidden where user_id = ${me}`,             [D,   D,   D,   0,   0,   0,   0,   0]),
  t('public.reviews', 'update', "hide the student's review (admins only)",
    `update public.reviews set is_hidden = true where id = ${lit(REVIEW.student)}`,         [D,   D,   0,   D,   0,   1,   0,   0]),
  t('public.reviews', 'update', 'own review moved to the paid course (no column grant)',
    `update public.reviews set course_id = ${lit(COURSE.paid)} where user_id = ${me}`,      [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.reviews', 'update', 'own author name (set by trigger, no column grant)',
    `update public.reviews set author_name = 'The Admin' where user_id = ${me}`,             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.reviews', 'delete', "the student's review",
    `delete from public.reviews where id = ${lit(REVIEW.student)}`,                           [D,   1,   0,   0,   0,   1,   0,   0]),
  t('public.reviews', 'delete', 'the hidden review (its author or an admin)',
    `delete from public.reviews where id = ${lit(REVIEW.otherHidden)}`,                       [D,   0,   1,   0,   0,   1,   0,   0]),

  // course_faqs: anyone reads the FAQ of published courses; course managers read and write theirs.
  t('public.course_faqs', 'select', 'every visible FAQ entry', count('public.course_faqs'), [2,   2,   2,   3,   2,   3,   2,   2]),
  t('public.course_faqs', 'insert', 'an entry in the free course',
    `insert into public.course_faqs (course_id, question, answer) values (${lit(COURSE.free)}, 'Q?', 'A.')`,
                                                                                             [D,   D,   D,   1,   D,   1,   D,   D]),
  t('public.course_faqs', 'insert', "an entry in the other instructor's course",
    `insert into public.course_faqs (course_id, question, answer) values (${lit(COURSE.otherDraft)}, 'Q?', 'A.')`,
                                                                                             [D,   D,   D,   D,   1,   1,   D,   D]),
  t('public.course_faqs', 'update', "the free course's first answer",
    `update public.course_faqs set answer = 'Changed' where id = ${lit(FAQ.freeFirst)}`,    [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.course_faqs', 'update', "an entry moved into the other instructor's course (no column grant)",
    `update public.course_faqs set course_id = ${lit(COURSE.otherDraft)} where id = ${lit(FAQ.freeFirst)}`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.course_faqs', 'delete', "the draft course's entry",
    `delete from public.course_faqs where id = ${lit(FAQ.draft)}`,                            [D,   0,   0,   1,   0,   1,   0,   0]),

  // course_review_decisions: the course's owner and admins read; only decide_course_review writes.
  t('public.course_review_decisions', 'select', 'every visible decision', count('public.course_review_decisions'),
                                                                                             [D,   0,   0,   1,   0,   1,   0,   0]),
  t('public.course_review_decisions', 'insert', 'an approval of the draft course (deciding without the function)',
    `insert into public.course_review_decisions (course_id, decision) values (${lit(COURSE.draft)}, 'approved')`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.course_review_decisions', 'update', 'the rejection turned into an approval',
    `update public.course_review_decisions set decision = 'approved' where id = ${lit(DECISION.draftRejected)}`,
                                                                                             [D,   D,   D,   D,   D,   D,   D,   D]),
  t('public.course_review_decisions', 'delete', 'the rejection',
    `delete from public.course_review_decisions where id = ${lit(DECISION.draftRejected)}`,  [D,   D,   D,   D,   D,   D,   D,   D]),

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
  // A file a submission names is frozen: not even its owner replaces or deletes it.
  given([studentSubmissionFile, studentSubmitsFile], t('storage.objects', 'update', "the student's submitted file (frozen)",
    `update storage.objects set metadata = '{}' where name = ${lit(submittedPath)}`,         [0,   0,   0,   0,   0,   0,   0,   0])),
  given([studentSubmissionFile, studentSubmitsFile], t('storage.objects', 'delete', "the student's submitted file (frozen)",
    `delete from storage.objects where name = ${lit(submittedPath)}`,                        [0,   0,   0,   0,   0,   0,   0,   0])),
  given([studentSubmissionFile], t('storage.objects', 'delete', "the student's file not yet submitted",
    `delete from storage.objects where name = ${lit(submittedPath)}`,                        [0,   1,   0,   0,   0,   0,   0,   0])),
];

function f(fn: FunctionCase['fn'], what: string, sql: string, outcomes: Outcomes): FunctionCase {
  return { fn, what, sql, expect: byRole(outcomes) };
}

const enroll = (course: string) => count(`public.enroll_in_free_course(${lit(course)})`);
const complete = (lesson: string) => count(`public.complete_lesson(${lit(lesson)})`);
/** A raise with a hint '<4xx>:<code>' (the edge maps it). */
const P = 'P0001';
/** The same function case, from a state the owner sets up first. */
const fg = (statements: string[], c: FunctionCase): FunctionCase => ({ ...c, given: statements });

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
  // Learning (20261124000100). 'P0001' carries the 4xx in its hint (see learning-functions.test.ts).
  f('public.start_quiz_attempt(uuid)', 'the published quiz', count(`public.start_quiz_attempt(${lit(QUIZ.published)})`),
                                                                                             [D,   1,   1,   P,   P,   P,   P,   1]),
  f('public.start_quiz_attempt(uuid)', 'the draft quiz (not found)', count(`public.start_quiz_attempt(${lit(QUIZ.draft)})`),
                                                                                             [D,   P,   P,   P,   P,   P,   P,   P]),
  fg([`update public.quizzes set max_attempts = 1 where id = ${lit(QUIZ.published)}`],
    f('public.start_quiz_attempt(uuid)', 'the published quiz beyond the attempt limit (the student used theirs)',
      count(`public.start_quiz_attempt(${lit(QUIZ.published)})`),                            [D,   P,   1,   P,   P,   P,   P,   1])),
  f('public.submit_quiz_attempt(uuid, jsonb)', "the student's submitted attempt again",
    count(`public.submit_quiz_attempt(${lit(ATTEMPT.student)}, '{}')`),                       [D,   P,   P,   P,   P,   P,   P,   P]),
  fg([`update public.quiz_attempts set status = 'in_progress', submitted_at = null, deadline_at = now() - interval '1 minute' where id = ${lit(ATTEMPT.student)}`],
    f('public.submit_quiz_attempt(uuid, jsonb)', "the student's attempt after its time limit (expired, not submitted)",
      count(`public.submit_quiz_attempt(${lit(ATTEMPT.student)}, '{}') where status = 'submitted'`),
                                                                                             [D,   0,   P,   P,   P,   P,   P,   P])),
  f('public.quiz_attempt_review(uuid)', "the student's attempt",
    count(`public.quiz_attempt_review(${lit(ATTEMPT.student)})`),                             [D,   1,   P,   1,   P,   1,   P,   P]),
  f('public.submit_assignment(uuid, text, jsonb)', 'a text to the published assignment',
    count(`public.submit_assignment(${lit(ASSIGNMENT.published)}, 'My work', '[]')`),        [D,   1,   1,   P,   P,   P,   P,   1]),
  f('public.submit_assignment(uuid, text, jsonb)', 'a text to the draft assignment (not found)',
    count(`public.submit_assignment(${lit(ASSIGNMENT.draft)}, 'My work', '[]')`),            [D,   P,   P,   P,   P,   P,   P,   P]),
  f('public.grade_submission(uuid, numeric, jsonb, text)', "the student's submission",
    count(`public.grade_submission(${lit(SUBMISSION.student)}, null, '{"clarity": 30, "accuracy": 50}', 'Good')`),
                                                                                             [D,   P,   P,   1,   P,   1,   P,   P]),
  fg([`insert into public.assignment_submissions (assignment_id, course_id, user_id, attempt_number, text_content)
       values (${lit(ASSIGNMENT.published)}, ${lit(COURSE.free)}, ${lit(USER.admin)}, 1, 'mine')`],
    f('public.grade_submission(uuid, numeric, jsonb, text)', "the admin's own submission",
      count(`public.grade_submission((select id from public.assignment_submissions where user_id = ${lit(USER.admin)}), null, '{"clarity": 40, "accuracy": 60}', '')`),
                                                                                             [D,   P,   P,   1,   P,   P,   P,   P])),
  f('public.record_video_progress(uuid, numeric, numeric)', 'the free open lesson (text, not a video)',
    count(`public.record_video_progress(${lit(LESSON.freeOpen)}, 10, 100)`),                 [D,   P,   P,   D,   D,   D,   D,   P]),
  fg([`update public.lessons set content_type = 'video', video_seconds = 100 where id = ${lit(LESSON.freeOpen)}`],
    f('public.record_video_progress(uuid, numeric, numeric)', 'the free open lesson as a video',
      count(`public.record_video_progress(${lit(LESSON.freeOpen)}, 10, 100)`),               [D,   1,   1,   D,   D,   D,   D,   1])),
  fg([`update public.lessons set content_type = 'video', video_seconds = 100 where id = ${lit(LESSON.freeOpen)}`],
    f('public.complete_lesson(uuid)', 'the free open lesson as an unwatched video (watch more; the employee completed it)',
      complete(LESSON.freeOpen),                                                             [D,   P,   P,   D,   D,   D,   D,   1])),
  f('public.verify_certificate(text)', "the other student's certificate code",
    count(`public.verify_certificate(${lit(CERTIFICATE_CODE)})`),                            [1,   1,   1,   1,   1,   1,   1,   1]),
  f('public.verify_certificate(text)', 'a guessed code',
    count(`public.verify_certificate('0000-0000-0000-0000-0000-0000')`),                     [0,   0,   0,   0,   0,   0,   0,   0]),
  f('public.learner_names(uuid[])', 'names of the two students, the employee and the instructor',
    count(`public.learner_names(array[${lit(USER.student)}, ${lit(USER.otherStudent)}, ${lit(USER.employee)}, ${lit(USER.instructor)}]::uuid[])`),
                                                                                             [D,   0,   0,   3,   0,   4,   0,   0]),
  f('public.revoke_certificate(uuid, text)', "the other student's certificate",
    count(`public.revoke_certificate(${lit(CERTIFICATE.otherStudent)}, 'Plagiarism')`),     [D,   P,   P,   P,   P,   1,   P,   P]),
  // decide_course_review: admins only (403:not_admin), a course in review only (409:not_pending_review);
  // hints and the other outcomes in reviews-functions.test.ts.
  fg([setStatus(COURSE.draft, 'pending_review')],
    f('public.decide_course_review(uuid, boolean, text)', 'approve the draft course once in review',
      count(`public.decide_course_review(${lit(COURSE.draft)}, true, '')`),                 [D,   P,   P,   P,   P,   1,   P,   P])),
  f('public.decide_course_review(uuid, boolean, text)', 'approve the draft course (not in review)',
    count(`public.decide_course_review(${lit(COURSE.draft)}, true, '')`),                   [D,   P,   P,   P,   P,   P,   P,   P]),
  f('public.instructor_overview()', 'the number of courses it covers (own; admins all)',
    `select (public.instructor_overview() ->> 'courses')::int as n`,                          [D,   0,   0,   3,   1,   4,   0,   0]),
  f('public.instructor_earnings()', 'courses with sales (the paid course: acme seats)', count('public.instructor_earnings()'),
                                                                                             [D,   0,   0,   1,   0,   1,   0,   0]),
  // Company learning: acme's admins and admins (else 404:company_not_found, no oracle); accepting is
  // the invitee's; platform tools are admins' (403:forbidden). Outcomes in company-functions.test.ts.
  f('public.create_company_group(uuid, text)', 'a group in acme',
    count(`public.create_company_group(${lit(COMPANY.acme)}, 'Design')`),                    [D,   P,   P,   P,   P,   1,   1,   P]),
  f('public.create_company_group(uuid, text)', 'a group in globex',
    count(`public.create_company_group(${lit(COMPANY.globex)}, 'Design')`),                  [D,   P,   P,   P,   P,   1,   P,   P]),
  f('public.rename_company_group(uuid, text)', "acme's Engineering",
    count(`public.rename_company_group(${lit(COMPANY_GROUP.acmeEngineering)}, 'Platform')`), [D,   P,   P,   P,   P,   1,   1,   P]),
  f('public.rename_company_group(uuid, text)', "globex's Sales",
    count(`public.rename_company_group(${lit(COMPANY_GROUP.globexSales)}, 'Platform')`),     [D,   P,   P,   P,   P,   1,   P,   P]),
  f('public.delete_company_group(uuid)', "acme's Engineering",
    count(`public.delete_company_group(${lit(COMPANY_GROUP.acmeEngineering)})`),            [D,   P,   P,   P,   P,   1,   1,   P]),
  f('public.move_company_members(uuid, uuid[], uuid)', 'the employee out of their group',
    count(`public.move_company_members(${lit(COMPANY.acme)}, array[${lit(USER.employee)}]::uuid[], null)`),
                                                                                             [D,   P,   P,   P,   P,   1,   1,   P]),
  f('public.assign_company_learning(uuid, jsonb)', 'the paid course to the employee (already assigned)',
    count(`public.assign_company_learning(${lit(COMPANY.acme)}, '{"userIds": ["${USER.employee}"], "courseId": "${COURSE.paid}"}')`),
                                                                                             [D,   P,   P,   P,   P,   1,   1,   P]),
  f('public.unassign_company_learning(uuid, jsonb)', 'the paid course from the employee',
    count(`public.unassign_company_learning(${lit(COMPANY.acme)}, '{"userIds": ["${USER.employee}"], "courseId": "${COURSE.paid}"}')`),
                                                                                             [D,   P,   P,   P,   P,   1,   1,   P]),
  f('public.remove_company_member(uuid, uuid)', 'the employee from acme',
    count(`public.remove_company_member(${lit(COMPANY.acme)}, ${lit(USER.employee)})`),     [D,   P,   P,   P,   P,   1,   1,   P]),
  f('public.remove_company_member(uuid, uuid)', 'the other student from globex',
    count(`public.remove_company_member(${lit(COMPANY.globex)}, ${lit(USER.otherStudent)})`),
                                                                                             [D,   P,   P,   P,   P,   1,   P,   P]),
  f('public.create_company_invitation(uuid, text, uuid, text)', 'an invitation to acme',
    count(`public.create_company_invitation(${lit(COMPANY.acme)}, 'x@example.test', null, 'X')`),
                                                                                             [D,   P,   P,   P,   P,   1,   1,   P]),
  f('public.resend_company_invitation(uuid)', "acme's open invitation",
    count(`public.resend_company_invitation(${lit(COMPANY_INVITATION.acmeNewHire)})`),       [D,   P,   P,   P,   P,   1,   1,   P]),
  f('public.revoke_company_invitation(uuid)', "acme's open invitation",
    count(`public.revoke_company_invitation(${lit(COMPANY_INVITATION.acmeNewHire)})`),       [D,   P,   P,   P,   P,   1,   1,   P]),
  f('public.accept_company_invitation(text)', "acme's invitation (for another email: 403:invitation_wrong_email)",
    count(`public.accept_company_invitation(${lit(COMPANY_INVITATION_TOKEN)})`),             [D,   P,   P,   P,   P,   P,   P,   P]),
  fg([`update public.company_invitations set email = 'student@example.test' where id = ${lit(COMPANY_INVITATION.acmeNewHire)}`],
    f('public.accept_company_invitation(text)', "acme's invitation made out to the student",
      count(`public.accept_company_invitation(${lit(COMPANY_INVITATION_TOKEN)})`),           [D,   1,   P,   P,   P,   P,   P,   P])),
  f('public.import_company_members(uuid, jsonb, jsonb)', 'one row into acme',
    count(`public.import_company_members(${lit(COMPANY.acme)}, '[{"name": "A", "email": "a@example.test", "group": "Ops"}]', null)`),
                                                                                             [D,   P,   P,   P,   P,   1,   1,   P]),
  f('public.company_report(uuid)', "acme's report",
    count(`public.company_report(${lit(COMPANY.acme)})`),                                    [D,   P,   P,   P,   P,   1,   1,   P]),
  f('public.company_report(uuid)', "globex's report",
    count(`public.company_report(${lit(COMPANY.globex)})`),                                  [D,   P,   P,   P,   P,   1,   P,   P]),
  f('public.admin_add_company_seats(uuid, uuid, integer, text)', '5 seats of the paid course for acme',
    count(`public.admin_add_company_seats(${lit(COMPANY.acme)}, ${lit(COURSE.paid)}, 5, 'goodwill')`),
                                                                                             [D,   P,   P,   P,   P,   1,   P,   P]),
  f('public.admin_add_company_admin(uuid, text)', 'the student as an acme admin',
    count(`public.admin_add_company_admin(${lit(COMPANY.acme)}, 'student@example.test')`),  [D,   P,   P,   P,   P,   1,   P,   P]),
  // Shared notes: the course's instructor and admins lock a lesson's cohort note (learners 403,
  // strangers 404: collab-notes.test.ts).
  f('public.set_cohort_note_lock(uuid, boolean)', "the free open lesson's cohort note locked",
    count(`public.set_cohort_note_lock(${lit(LESSON.freeOpen)}, true)`),                     [D,   P,   P,   1,   P,   1,   P,   P]),
  // Live Q&A: participants of the free course's session ask and vote (the employee is banned:
  // 403); its moderators moderate and ban; strangers get 404. Hints in live-qa.test.ts.
  f('public.ask_session_question(uuid, text)', "a question in the free course's session",
    count(`public.ask_session_question(${lit(LIVE_SESSION.free)}, 'How?')`),                 [D,   1,   1,   1,   P,   1,   P,   P]),
  f('public.vote_session_question(uuid, boolean)', "an upvote of the student's question",
    count(`public.vote_session_question(${lit(SESSION_QUESTION.studentVisible)}, true)`),   [D,   1,   1,   1,   P,   1,   P,   P]),
  f('public.moderate_session_question(uuid, text, text)', "the student's question pinned",
    count(`public.moderate_session_question(${lit(SESSION_QUESTION.studentVisible)}, 'pin')`),
                                                                                             [D,   P,   P,   1,   P,   1,   P,   P]),
  f('public.ban_session_user(uuid, uuid, text)', 'the other student banned from the session',
    count(`public.ban_session_user(${lit(LIVE_SESSION.free)}, ${lit(USER.otherStudent)}, 'rude')`),
                                                                                             [D,   P,   P,   1,   P,   1,   P,   P]),
  f('public.unban_session_user(uuid, uuid)', "the employee's ban lifted",
    count(`public.unban_session_user(${lit(LIVE_SESSION.free)}, ${lit(USER.employee)})`),  [D,   P,   P,   1,   P,   1,   P,   P]),
  // FAQ center: anyone votes on a published article (anon with a browser key; signed-in users as
  // themselves, the key ignored). The draft is a 404 and contact messages go through the data API
  // (private.submit_contact_message): faq-center.test.ts.
  f('public.give_faq_feedback(uuid, boolean, text)', 'a helpful vote on the published article',
    count(`public.give_faq_feedback(${lit(FAQ_ARTICLE.published)}, true, ${lit(FAQ_BROWSER_KEY)})`),
                                                                                             [1,   1,   1,   1,   1,   1,   1,   1]),
  // People (20261128000100): admins only (403:not_admin), each change audited in its transaction.
  f('public.admin_list_users(text, app_role, text, integer, integer)', 'every account, first page',
    count(`public.admin_list_users('', null, null, 25, 0)`),                                 [D,   P,   P,   P,   P,   7,   P,   P]),
  f('public.admin_set_user_role(uuid, app_role)', 'the employee made an instructor',
    count(`public.admin_set_user_role(${lit(USER.employee)}, 'instructor')`),                [D,   P,   P,   P,   P,   1,   P,   P]),
  f('public.admin_suspend_user(uuid, text)', 'the other student suspended',
    count(`public.admin_suspend_user(${lit(USER.otherStudent)}, 'spam')`),                   [D,   P,   P,   P,   P,   1,   P,   P]),
  // The other student, suspended, is refused before the function runs (private.assert_active_caller).
  fg([`update public.profiles set suspended_at = now(), suspended_reason = 'spam' where id = ${lit(USER.otherStudent)}`],
    f('public.admin_restore_user(uuid)', 'the suspended other student restored',
      count(`public.admin_restore_user(${lit(USER.otherStudent)})`),                         [D,   P,   P,   P,   P,   1,   P,   P])),
];
