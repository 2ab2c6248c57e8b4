import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgesFor } from '../edge/catalog/badges.ts';
import { SUM_LAB } from '../sandbox/fixtures.ts';
import type { HostDatabase } from '../server/db/types.ts';
import { MATRIX_TABLES } from '../supabase/tests/matrix.ts';
import { freshPglite, type TestDatabase } from '../tests/support/db.ts';
import {
  ACCOUNTS,
  CATEGORIES,
  COMPANY,
  COURSES,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  ENROLLMENTS,
  INSTRUCTORS,
  PRICE_BANDS,
} from './data/index.ts';
import { SUM } from './data/labs.ts';
import { wordCount } from './data/md.ts';
import { ids, isSeeded, type SeedSummary, seed, seedId } from './seed.ts';
import { ASSESSED_COURSE, assessmentIds, CERTIFIED_COURSE, FINAL_QUIZ } from './steps/assessments.ts';
import { ACME_ASSIGNED, ACME_GROUPS, GLOBEX } from './steps/companies.ts';
import { labIds } from './steps/labs.ts';

// Every table the RLS matrix knows, so a new table joins the idempotency check by itself.
const TABLES = ['auth.users', ...MATRIX_TABLES];
/**
 * Tables the seed leaves empty: an object row is written with its bytes by the storage service
 * (server/storage), and the seed writes no files.
 */
const LEFT_EMPTY = new Set(['storage.objects']);

/** Row count and a fingerprint of every column (updated_at included) per table. */
async function snapshot(db: HostDatabase) {
  return db.asOwner(async (sql) => {
    const out: Record<string, { n: number; md5: string | null }> = {};
    for (const t of TABLES) {
      const [r] = await sql.query<{ n: number; md5: string | null }>(
        `select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as md5 from ${t} t`,
      );
      out[t] = { n: Number(r!.n), md5: r!.md5 };
    }
    return out;
  });
}

const q = <T = Record<string, unknown>>(db: HostDatabase, text: string, params?: unknown[]) =>
  db.asOwner((sql) => sql.query<T>(text, params));

const asUser = (id: string) => ({
  role: 'authenticated' as const,
  claims: { sub: id, role: 'authenticated' as const },
});

describe('demo data (pure)', () => {
  const published = COURSES.filter((c) => c.status === 'published');

  it('has unique slugs, enough published courses and one draft and one in review', () => {
    expect(new Set(COURSES.map((c) => c.slug)).size).toBe(COURSES.length);
    expect(published.length).toBeGreaterThanOrEqual(14);
    expect(COURSES.filter((c) => c.status === 'draft')).toHaveLength(1);
    expect(COURSES.filter((c) => c.status === 'pending_review')).toHaveLength(1);
  });

  it('covers every category, difficulty and price band with published courses', () => {
    expect(CATEGORIES.length).toBeGreaterThanOrEqual(5);
    for (const cat of CATEGORIES) expect(published.some((c) => c.category === cat.slug)).toBe(true);
    for (const d of ['beginner', 'intermediate', 'advanced'])
      expect(published.some((c) => c.difficulty === d)).toBe(true);
    for (const [band, [min, max]] of Object.entries(PRICE_BANDS)) {
      expect(
        published.some((c) => c.price >= min && c.price <= max),
        band,
      ).toBe(true);
    }
    for (const c of COURSES) expect(Number.isInteger(c.price)).toBe(true);
  });

  it('gives every course a real description, outcomes and a 2-4 x 2-4 curriculum of short real lessons', () => {
    for (const c of COURSES) {
      expect(c.description.length, c.slug).toBeGreaterThan(250);
      expect(c.outcomes.length, c.slug).toBeGreaterThanOrEqual(4);
      expect(c.outcomes.length, c.slug).toBeLessThanOrEqual(6);
      expect(c.prerequisites.length, c.slug).toBeGreaterThan(0);
      expect(c.tags.length, c.slug).toBeGreaterThan(0);
      expect(c.sections.length, c.slug).toBeGreaterThanOrEqual(2);
      expect(c.sections.length, c.slug).toBeLessThanOrEqual(4);
      expect(CATEGORIES.some((cat) => cat.slug === c.category)).toBe(true);
      expect(INSTRUCTORS.some((i) => i.email === c.instructor)).toBe(true);
      for (const s of c.sections) {
        expect(s.lessons.length, `${c.slug}/${s.title}`).toBeGreaterThanOrEqual(1);
        expect(s.lessons.length, `${c.slug}/${s.title}`).toBeLessThanOrEqual(4);
        for (const l of s.lessons) {
          const words = wordCount(l.text);
          expect(words, `${c.slug}/${l.title}`).toBeGreaterThanOrEqual(80);
          expect(words, `${c.slug}/${l.title}`).toBeLessThanOrEqual(250);
          expect(l.text, `${c.slug}/${l.title}`).toMatch(/^## /);
          // fences are balanced and the '~~~' source fences were converted
          expect((l.text.match(/^```/gm) ?? []).length % 2, `${c.slug}/${l.title}`).toBe(0);
          expect(l.text).not.toMatch(/^~~~/m);
        }
      }
    }
    expect(COURSES.some((c) => c.sections.some((s) => s.lessons.some((l) => l.dripDays === 7)))).toBe(true);
  });

  it('seeds demo enrollments only in free published courses, on lessons that exist', () => {
    for (const e of ENROLLMENTS) {
      const c = COURSES.find((x) => x.slug === e.course)!;
      expect(c.status).toBe('published');
      expect(c.price).toBe(0);
      for (const [s, l] of e.completed) expect(c.sections[s]?.lessons[l], `${e.course} ${s}.${l}`).toBeDefined();
    }
    expect(ENROLLMENTS.filter((e) => e.email === 'student@demo.test')).toHaveLength(2);
  });

  it('derives stable v5-shaped ids', () => {
    expect(seedId('course:x')).toBe(seedId('course:x'));
    expect(seedId('course:x')).not.toBe(seedId('course:y'));
    expect(seedId('course:x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('seed() on a fresh database', () => {
  let t: TestDatabase;
  let db: HostDatabase;
  let first: SeedSummary;
  let second: SeedSummary;
  let afterFirst: Awaited<ReturnType<typeof snapshot>>;
  let afterSecond: Awaited<ReturnType<typeof snapshot>>;
  let seededBefore: boolean;
  const now = new Date();
  const steps: string[] = [];

  beforeAll(async () => {
    t = await freshPglite();
    db = t.db;
    seededBefore = await isSeeded(db);
    first = await seed(db, { now, onProgress: (step, done, total) => steps.push(`${done}/${total} ${step}`) });
    afterFirst = await snapshot(db);
    second = await seed(db, { now: new Date(now.getTime() + 3_600_000) });
    afterSecond = await snapshot(db);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('reports progress and a summary', () => {
    expect(steps[0]).toBe('1/24 accounts');
    expect(steps.at(-1)).toBe('24/24 audit log');
    expect(first.accountsCreated).toBe(ACCOUNTS.length);
    expect(second.accountsCreated).toBe(0);
    expect(first.skippedCourses).toEqual([]);
    expect(first.publishedCourses).toBeGreaterThanOrEqual(14);
    expect(first.unpublishedCourses).toBe(2);
    expect(first.demoAccounts).toBe(DEMO_ACCOUNTS);
  });

  it('isSeeded() is false before and true after', async () => {
    expect(seededBefore).toBe(false);
    expect(await isSeeded(db)).toBe(true);
  });

  it('is idempotent: the second run changes no row at all', () => {
    for (const table of TABLES.filter((t) => !LEFT_EMPTY.has(t))) {
      expect(afterFirst[table]!.n, table).toBeGreaterThan(0);
    }
    expect(afterSecond).toEqual(afterFirst);
    const { ms: _a, accountsCreated: _b, ...rest1 } = first;
    const { ms: _c, accountsCreated: _d, ...rest2 } = second;
    expect(rest2).toEqual(rest1);
  });

  it('publishes enough courses across categories, difficulties and price bands', async () => {
    const rows = await q<{ slug: string; category: string; difficulty: string; price_amount: number }>(
      db,
      `select c.slug, cat.slug as category, c.difficulty::text, c.price_amount
       from public.courses c join public.categories cat on cat.id = c.category_id
       where c.status = 'published'`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(new Set(rows.map((r) => r.category)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(rows.map((r) => r.difficulty))).toEqual(new Set(['beginner', 'intermediate', 'advanced']));
    for (const [band, [min, max]] of Object.entries(PRICE_BANDS)) {
      expect(rows.filter((r) => r.price_amount >= min && r.price_amount <= max).length, band).toBeGreaterThan(0);
    }
  });

  it('gives every published course sections and lessons with content, the first one a preview', async () => {
    const rows = await q<{
      slug: string;
      sections: number;
      lessons: number;
      with_text: number;
      previews: number;
      first_preview: boolean;
    }>(
      db,
      `select c.slug,
              (select count(*)::int from public.sections s where s.course_id = c.id) as sections,
              (select count(*)::int from public.lessons l where l.course_id = c.id and l.status = 'published') as lessons,
              (select count(*)::int from public.lessons l join public.lesson_contents lc on lc.lesson_id = l.id
                where l.course_id = c.id and length(lc.text_content) > 400) as with_text,
              (select count(*)::int from public.lessons l where l.course_id = c.id and l.is_preview) as previews,
              (select l.is_preview from public.lessons l join public.sections s on s.id = l.section_id
                where l.course_id = c.id order by s.position, l.position limit 1) as first_preview
       from public.courses c where c.status = 'published'`,
    );
    for (const r of rows) {
      expect(r.sections, r.slug).toBeGreaterThanOrEqual(2);
      expect(r.lessons, r.slug).toBeGreaterThanOrEqual(4);
      expect(r.with_text, r.slug).toBe(r.lessons);
      expect(r.previews, r.slug).toBe(1);
      expect(r.first_preview, r.slug).toBe(true);
    }
    const [drip] = await q<{ n: number }>(
      db,
      'select count(*)::int as n from public.lessons where drip_days_after_enrollment = 7',
    );
    expect(drip!.n).toBeGreaterThan(0);
  });

  it('shows Popular and New badges on some courses, not all', async () => {
    const rows = await q<{ enrollment_count: number; published_at: string | Date; price_amount: number }>(
      db,
      `select enrollment_count, published_at, price_amount from public.courses where status = 'published'`,
    );
    const badges = rows.map((r) =>
      badgesFor(
        {
          enrollmentCount: r.enrollment_count,
          publishedAt: new Date(r.published_at).toISOString(),
          priceAmount: r.price_amount,
        },
        now,
      ),
    );
    const popular = badges.filter((b) => b.includes('popular')).length;
    const fresh = badges.filter((b) => b.includes('new')).length;
    expect(popular).toBeGreaterThanOrEqual(3);
    expect(popular).toBeLessThan(rows.length);
    expect(fresh).toBeGreaterThanOrEqual(2);
    expect(fresh).toBeLessThan(rows.length);
    const rated = await q<{ n: number }>(
      db,
      `select count(distinct rating_average)::int as n from public.courses where status = 'published'`,
    );
    expect(rated[0]!.n).toBeGreaterThan(3);
  });

  it('creates the demo accounts with their roles and the demo password', async () => {
    const rows = await q<{
      email: string;
      role: string;
      encrypted_password: string;
      confirmed: boolean;
      provider: string;
      first_name: string;
    }>(
      db,
      `select u.email, p.role::text, u.encrypted_password, u.email_confirmed_at is not null as confirmed,
              u.raw_app_meta_data ->> 'provider' as provider, p.first_name
       from auth.users u join public.profiles p on p.id = u.id`,
    );
    const byEmail = new Map(rows.map((r) => [r.email, r]));
    const expected: Record<string, string> = {
      'admin@demo.test': 'admin',
      'instructor@demo.test': 'instructor',
      'maya@demo.test': 'instructor',
      'sam@demo.test': 'instructor',
      'student@demo.test': 'student',
      'companyadmin@demo.test': 'student',
      'employee@demo.test': 'student',
    };
    for (const [email, role] of Object.entries(expected)) {
      const r = byEmail.get(email);
      expect(r, email).toBeDefined();
      expect(r!.role, email).toBe(role);
      expect(r!.confirmed, email).toBe(true);
      expect(r!.provider, email).toBe('email');
      expect(r!.first_name, email).not.toBe('');
    }
    // One hash per run: every demo account shares it, so verifying one verifies all.
    expect(new Set(rows.map((r) => r.encrypted_password)).size).toBe(1);
    expect(await bcrypt.compare(DEMO_PASSWORD, byEmail.get('student@demo.test')!.encrypted_password)).toBe(true);
    expect(await bcrypt.compare('wrong-password', byEmail.get('student@demo.test')!.encrypted_password)).toBe(false);
    for (const a of DEMO_ACCOUNTS) expect(byEmail.has(a.email), a.email).toBe(true);
  });

  it('gives the instructors cards and courses', async () => {
    const rows = await q<{ email: string; display_name: string; expertise: string[]; courses: number }>(
      db,
      `select u.email, i.display_name, i.expertise,
              (select count(*)::int from public.courses c where c.instructor_id = i.id) as courses
       from public.instructors i join auth.users u on u.id = i.user_id`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const r of rows) {
      expect(r.display_name).not.toBe('');
      expect(r.expertise.length).toBeGreaterThan(0);
      expect(r.courses).toBeGreaterThan(0);
    }
    expect(rows.find((r) => r.email === 'instructor@demo.test')!.courses).toBeGreaterThanOrEqual(3);
  });

  it('makes companyadmin the admin and employee a member of Acme Corp', async () => {
    const rows = await q<{ slug: string; name: string; email: string; role: string }>(
      db,
      `select c.slug, c.name, u.email, m.role::text
       from public.company_members m join public.companies c on c.id = m.company_id join auth.users u on u.id = m.user_id
       where c.slug = 'acme'`,
    );
    expect(rows).toHaveLength(COMPANY.members.length);
    expect(rows.find((r) => r.email === 'companyadmin@demo.test')).toMatchObject({
      slug: 'acme',
      name: 'Acme Corp',
      role: 'admin',
    });
    expect(rows.find((r) => r.email === 'employee@demo.test')).toMatchObject({
      slug: 'acme',
      name: 'Acme Corp',
      role: 'employee',
    });
  });

  it('gives Acme groups and a due-dated assignment, and Globex its admin, employees, seats and assignments', async () => {
    const [acme] = await q<{ groups: number; grp: string; due: string | null; source: string }>(
      db,
      `select (select count(*)::int from public.company_groups g join public.companies c on c.id = g.company_id
               where c.slug = 'acme') as groups,
              (select g.name from public.company_members m join public.company_groups g on g.id = m.group_id
               where m.user_id = $1) as grp,
              (select a.due_at::text from public.company_assignments a
               where a.user_id = $1 and a.course_id = $2 and a.unassigned_at is null) as due,
              (select e.source::text from public.enrollments e where e.user_id = $1 and e.course_id = $2) as source`,
      [ids.user('employee@demo.test'), ids.course('git-and-github-workflow')],
    );
    expect(acme).toMatchObject({ groups: ACME_GROUPS.length, grp: 'Engineering', source: 'company' });
    expect(acme!.due).not.toBeNull();
    const [globex] = await q<{ admins: number; employees: number; assigned: number; enrolled: number }>(
      db,
      `select count(*) filter (where m.role = 'admin')::int as admins,
              count(*) filter (where m.role = 'employee')::int as employees,
              (select count(*)::int from public.company_assignments a
               where a.company_id = c.id and a.unassigned_at is null) as assigned,
              (select count(*)::int from public.enrollments e join public.company_members x on x.user_id = e.user_id
               where x.company_id = c.id and e.source = 'company' and e.status = 'active') as enrolled
       from public.companies c join public.company_members m on m.company_id = c.id
       where c.slug = 'globex' group by c.id`,
    );
    const n = GLOBEX.employees.length * GLOBEX.courses.length;
    expect(globex).toEqual({ admins: 1, employees: GLOBEX.employees.length, assigned: n, enrolled: n });
    expect(DEMO_ACCOUNTS.find((a) => a.email === GLOBEX.admin)?.tryThis).toBeTruthy();
  });

  it("keeps the demo learners' enrollment counters consistent with lesson_progress", async () => {
    const rows = await q<{
      email: string;
      slug: string;
      price_amount: number;
      source: string;
      status: string;
      completed_lessons: number;
      total_lessons: number;
      progress_percentage: string;
      done: number;
      total: number;
      total_items: number;
      completed_items: number;
      items: number;
      last_lesson_id: string | null;
    }>(
      db,
      `select u.email, c.slug, c.price_amount, e.source::text, e.status::text, e.completed_lessons, e.total_lessons,
              e.progress_percentage::text, e.last_lesson_id,
              (select count(*)::int from public.lesson_progress p where p.user_id = e.user_id and p.course_id = e.course_id and p.is_completed) as done,
              (select count(*)::int from public.lessons l where l.course_id = e.course_id and l.status = 'published'
                 and l.content_type in ('text', 'video', 'pdf', 'slides')) as total,
              e.total_items, e.completed_items,
              (select count(*)::int from public.quizzes x where x.course_id = e.course_id and x.status = 'published' and x.is_required)
              + (select count(*)::int from public.assignments x where x.course_id = e.course_id and x.status = 'published' and x.is_required)
              + (select count(*)::int from public.labs x where x.course_id = e.course_id and x.status = 'published' and x.is_required)
                as items
       from public.enrollments e join auth.users u on u.id = e.user_id join public.courses c on c.id = e.course_id
       where e.id <> $1 and (e.source = 'free' or (e.source = 'company' and u.email = $2 and c.slug = $3))`,
      [assessmentIds.certificateEnrollment(), ACME_ASSIGNED.email, ACME_ASSIGNED.course],
    );
    expect(rows).toHaveLength(ENROLLMENTS.length);
    const student = rows.filter((r) => r.email === 'student@demo.test');
    expect(student).toHaveLength(2);
    for (const r of rows) {
      expect(r.price_amount).toBe(0);
      // The Acme employee's course is a company seat (seed/steps/companies.ts), the others their own.
      expect(r.source).toBe(r.email === ACME_ASSIGNED.email && r.slug === ACME_ASSIGNED.course ? 'company' : 'free');
      expect(r.status).toBe('active');
      expect(r.completed_lessons, r.slug).toBe(r.done);
      expect(r.total_lessons, r.slug).toBe(r.total);
      expect(r.done).toBeGreaterThan(0);
      expect(r.done).toBeLessThan(r.total);
      // Progress counts required items: lessons (quiz and lab lessons through their item), quizzes, assignments, labs.
      expect(r.total_items, r.slug).toBe(r.total + r.items);
      expect(r.completed_items, r.slug).toBe(r.done);
      expect(Number(r.progress_percentage)).toBeCloseTo((r.done * 100) / r.total_items, 2);
      expect(r.last_lesson_id).not.toBeNull();
    }
    // The student sees their own enrollments through RLS.
    const studentId = ids.user('student@demo.test');
    const mine = await db.asCaller(asUser(studentId), (sql) =>
      sql.query(`select id from public.enrollments where source = 'free'`),
    );
    // The two in progress and the completed one behind the earned certificate (seed/steps/assessments.ts).
    expect(mine).toHaveLength(3);
  });

  it('gives a free course of the student a quiz of every type, an assignment and a final lesson', async () => {
    const course = ids.course(ASSESSED_COURSE);
    const [quiz] = await q<{ id: string; status: string; lesson_type: string; types: string[]; keys: number }>(
      db,
      `select q.id, q.status::text, l.content_type::text as lesson_type,
              array(select x.type::text from public.quiz_questions x where x.quiz_id = q.id order by x.position) as types,
              (select count(*)::int from public.quiz_answer_keys k join public.quiz_questions x on x.id = k.question_id
                where x.quiz_id = q.id) as keys
       from public.quizzes q join public.lessons l on l.id = q.lesson_id
       where q.course_id = $1`,
      [course],
    );
    expect(quiz).toEqual({
      id: assessmentIds.quiz(ASSESSED_COURSE),
      status: 'published',
      lesson_type: 'quiz',
      types: ['single_choice', 'multiple_choice', 'true_false', 'fill_blank', 'matching'],
      keys: FINAL_QUIZ.length,
    });
    const [final] = await q<{ id: string }>(
      db,
      `select l.id from public.lessons l join public.sections s on s.id = l.section_id
       where l.course_id = $1 order by s.position desc, l.position desc limit 1`,
      [course],
    );
    expect(final!.id).toBe(assessmentIds.finalLesson(ASSESSED_COURSE));
    const [work] = await q<{ status: string; criteria: number; due_days: number }>(
      db,
      `select status::text, jsonb_array_length(rubric) as criteria,
              round(extract(epoch from due_at - now()) / 86400)::int as due_days
       from public.assignments where course_id = $1`,
      [course],
    );
    expect(work).toEqual({ status: 'published', criteria: 3, due_days: 14 });
    // The student learns in it; the bank has six questions of instructor@demo.test.
    const [bank] = await q<{ n: number }>(
      db,
      'select count(*)::int as n from public.question_bank where instructor_id = $1',
      [ids.instructor('instructor@demo.test')],
    );
    expect(bank).toEqual({ n: 6 });
  });

  it('gives the demo student one earned certificate, for a free course completed item by item', async () => {
    const studentId = ids.user('student@demo.test');
    const mine = await db.asCaller(asUser(studentId), (sql) =>
      sql.query<{ code: string; course_id: string; learner_name: string; revoked_at: unknown }>(
        'select code, course_id, learner_name, revoked_at from public.certificates',
      ),
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      course_id: ids.course(CERTIFIED_COURSE),
      learner_name: 'Riley Park',
      revoked_at: null,
    });
    expect(mine[0]!.code).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){5}$/);
    const [enrollment] = await q<{ status: string; p: string; price: number; done: number; total: number }>(
      db,
      `select e.status::text, e.progress_percentage::text as p, c.price_amount as price,
              e.completed_items as done, e.total_items as total
       from public.enrollments e join public.courses c on c.id = e.course_id where e.id = $1`,
      [assessmentIds.certificateEnrollment()],
    );
    expect(enrollment).toMatchObject({ status: 'completed', p: '100.00', price: 0 });
    expect(enrollment!.done).toBe(enrollment!.total);
    const [check] = await db.asCaller({ role: 'anon' }, (sql) =>
      sql.query('select valid, learner, course from public.verify_certificate($1)', [mine[0]!.code]),
    );
    expect(check).toMatchObject({ valid: true, learner: 'Riley Park' });
  });

  it('gives the free course a required `sum` lab lesson before its final check, which the student has not tried', async () => {
    const course = ids.course(ASSESSED_COURSE);
    const lessons = await q<{ id: string; title: string; content_type: string; section: number }>(
      db,
      `select l.id, l.title, l.content_type::text, s.position as section from public.lessons l
       join public.sections s on s.id = l.section_id
       where l.course_id = $1 order by s.position desc, l.position desc limit 2`,
      [course],
    );
    expect(lessons.map((l) => [l.title, l.content_type])).toEqual([
      ['Final check', 'quiz'],
      [SUM.lessonTitle, 'lab'],
    ]);
    expect(lessons[0]!.section).toBe(lessons[1]!.section);
    const labs = await q<Record<string, unknown>>(
      db,
      `select b.id, b.slug, b.lesson_id, b.language::text, b.status, b.is_required, b.starter_code, b.visible_tests,
              s.hidden_tests, s.reference_solution
       from public.labs b join public.lab_secrets s on s.lab_id = b.id where b.course_id = $1`,
      [course],
    );
    expect(labs).toEqual([
      {
        id: labIds.lab(ASSESSED_COURSE, 'sum'),
        slug: 'sum',
        lesson_id: lessons[1]!.id,
        language: 'javascript',
        status: 'published',
        is_required: true,
        starter_code: SUM_LAB.starterCode,
        visible_tests: SUM_LAB.visibleTests,
        hidden_tests: SUM_LAB.hiddenTests,
        reference_solution: SUM_LAB.referenceSolution,
      },
    ]);
    expect(SUM_LAB.hiddenTests).toContain('toBeCloseTo');
    // The student sees the lab (enrolled, lesson open), has neither a submission nor a draft, and no secrets.
    const student = asUser(ids.user('student@demo.test'));
    const seen = await db.asCaller(student, (sql) =>
      sql.query(
        `select (select count(*)::int from public.labs where slug = 'sum') as labs,
                (select count(*)::int from public.lab_submissions) as submissions,
                (select count(*)::int from public.lab_drafts) as drafts,
                (select count(*)::int from public.lab_secrets) as secrets`,
      ),
    );
    expect(seen).toEqual([{ labs: 1, submissions: 0, drafts: 0, secrets: 0 }]);
    // The TypeScript course: a published lab with its lesson, and a draft for the editor.
    const ts = await q<{ slug: string; language: string; status: string; lesson: string | null }>(
      db,
      `select b.slug, b.language::text, b.status, l.content_type::text as lesson
       from public.labs b left join public.lessons l on l.id = b.lesson_id
       where b.course_id = $1 order by b.position`,
      [ids.course('typescript-for-javascript-developers')],
    );
    expect(ts).toEqual([
      { slug: 'word-count', language: 'typescript', status: 'published', lesson: 'lab' },
      { slug: 'chunk', language: 'typescript', status: 'draft', lesson: null },
    ]);
    // A community learner passed word-count: the lab counts in their progress.
    const [passed] = await q<{ completed_items: number; passed: number }>(
      db,
      `select e.completed_items,
              (select count(*)::int from public.lab_submissions s where s.user_id = e.user_id and s.status = 'passed') as passed
       from public.enrollments e
       where e.course_id = $1 and exists (select 1 from public.lab_submissions s where s.user_id = e.user_id)`,
      [ids.course('typescript-for-javascript-developers')],
    );
    expect(passed).toEqual({ completed_items: 1, passed: 1 });
  });

  it('counts the demo learners on top of the seeded enrollment counts, once', async () => {
    for (const slug of ['html-css-foundations', 'git-and-github-workflow']) {
      const [row] = await q<{ enrollment_count: number }>(
        db,
        `select enrollment_count from public.courses where slug = '${slug}'`,
      );
      const joined =
        ENROLLMENTS.filter((e) => e.course === slug).length +
        (GLOBEX.courses.includes(slug) ? GLOBEX.employees.length : 0);
      expect(row!.enrollment_count, slug).toBe(COURSES.find((c) => c.slug === slug)!.enrollmentCount + joined);
    }
  });

  it('hides the draft and the course in review from anon, with their curriculum', async () => {
    const hidden = COURSES.filter((c) => c.status !== 'published').map((c) => c.slug);
    const anon = { role: 'anon' as const };
    const visible = await db.asCaller(anon, (sql) =>
      sql.query<{ slug: string; status: string }>('select slug, status::text from public.courses'),
    );
    expect(visible.length).toBe(first.publishedCourses);
    for (const r of visible) expect(r.status).toBe('published');
    for (const slug of hidden) expect(visible.some((r) => r.slug === slug)).toBe(false);
    const hiddenIds = hidden.map((s) => ids.course(s));
    const lessons = await db.asCaller(anon, (sql) =>
      sql.query('select id from public.lessons where course_id = any($1::uuid[])', [hiddenIds]),
    );
    expect(lessons).toHaveLength(0);
  });

  it('lets anon read preview content only, and the student open lessons but not drip-locked ones', async () => {
    const anon = { role: 'anon' as const };
    const preview = ids.lesson('html-css-foundations', 0, 0);
    const locked = ids.lesson('html-css-foundations', 0, 1);
    const read = (caller: Parameters<HostDatabase['asCaller']>[0], lesson: string) =>
      db.asCaller(caller, (sql) =>
        sql.query('select lesson_id from public.lesson_contents where lesson_id = $1', [lesson]),
      );
    expect(await read(anon, preview)).toHaveLength(1);
    expect(await read(anon, locked)).toHaveLength(0);
    const student = asUser(ids.user('student@demo.test'));
    expect(await read(student, locked)).toHaveLength(1);
    // Python for Data Analysis: enrolled 3 days ago, the last section opens after 7.
    expect(await read(student, ids.lesson('python-for-data-analysis', 1, 0))).toHaveLength(1);
    expect(await read(student, ids.lesson('python-for-data-analysis', 2, 0))).toHaveLength(0);
  });
});

describe('seed() next to data users created', () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await freshPglite();
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("never overwrites a user's course under a demo slug, nor other user rows", async () => {
    const db = t.db;
    await seed(db);
    // Someone's own course, and a course under a demo slug that is not the demo row.
    const ownId = '11111111-1111-4111-8111-111111111111';
    const [instructor] = await q<{ id: string }>(db, `select id from public.instructors limit 1`);
    await q(db, `delete from public.courses where slug = 'sql-for-analysts'`);
    await q(
      db,
      `insert into public.courses (id, slug, title, instructor_id, status) values
         ($1, 'sql-for-analysts', 'My own SQL notes', $2, 'draft'),
         ('22222222-2222-4222-8222-222222222222', 'my-course', 'Mine', $2, 'draft')`,
      [ownId, instructor!.id],
    );
    await q(db, `update public.courses set title = 'Edited demo title' where slug = 'docker-for-developers'`);
    const again = await seed(db);
    expect(again.skippedCourses).toEqual(['sql-for-analysts']);
    const rows = await q<{ slug: string; id: string; title: string }>(
      db,
      `select slug, id, title from public.courses where slug in ('sql-for-analysts', 'my-course', 'docker-for-developers')`,
    );
    const bySlug = new Map(rows.map((r) => [r.slug, r]));
    expect(bySlug.get('sql-for-analysts')).toMatchObject({ id: ownId, title: 'My own SQL notes' });
    expect(bySlug.get('my-course')!.title).toBe('Mine');
    // Demo rows are restored to their seeded state.
    expect(bySlug.get('docker-for-developers')!.title).toBe('Docker for Developers');
    const [sections] = await q<{ n: number }>(
      db,
      'select count(*)::int as n from public.sections where course_id = $1',
      [ownId],
    );
    expect(sections!.n).toBe(0);
  });
});
