import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../edge/db/port.ts';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { CATEGORY, COURSE, callerOf, type Role, seedFixtures, USER } from './fixtures.ts';
import { SESSION_QUESTION } from './fixtures-live.ts';
import { REPORT } from './fixtures-moderation.ts';
import { REVIEW } from './fixtures-reviews.ts';

/**
 * Course moderation (supabase/migrations/20261129000400, docs/admin.md) on PGlite and PostgreSQL:
 * reported content (one open report per reporter and target, rate limited, reporters see only
 * their own, only admins resolve), featuring courses within the homepage's limit, unpublishing
 * with a reason the instructor is told, categories that are in use, tags renamed and merged;
 * each admin change audited in its own transaction.
 */

type Row = Record<string, unknown>;
type Failure = { code?: string; hint?: string; message: string };

describe.each(engines())('course moderation on %s', (engine) => {
  let t: TestDatabase;

  const owner = <T = Row>(text: string, params: unknown[] = []) => t.db.asOwner((sql) => sql.query<T>(text, params));
  const as = <T = Row>(role: Role, text: string, params: unknown[] = []) =>
    t.db.asCaller(callerOf(role), (sql: Sql) => sql.query<T>(text, params));
  const hint = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      const f = error as Failure;
      return f.hint || f.code || f.message;
    }
    throw new Error('expected a failure');
  };
  const audits = async (action: string) =>
    (
      await owner<{ n: number }>('select count(*)::int as n from public.admin_audit_log where action = $1', [action])
    )[0]!.n;
  const report = (role: Role, type: string, target: string, reason = 'spam', note = '') =>
    as(
      role,
      'insert into public.content_reports (target_type, target_id, reason, note) values ($1, $2, $3, $4) returning *',
      [type, target, reason, note],
    );

  beforeAll(async () => {
    t = await fresh(engine);
    await seedFixtures(t.db);
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  describe('reports', () => {
    it('a report is the caller own and open, whatever they send', async () => {
      const [row] = await report('employee', 'review', REVIEW.student, 'other', '  Off the subject  ');
      expect(row).toMatchObject({
        reporter_id: USER.employee,
        status: 'open',
        resolved_by: null,
        note: 'Off the subject',
      });
    });

    it('refuses a second open report of the same target (409) and "other" without a note', async () => {
      expect(await hint(() => report('otherStudent', 'review', REVIEW.student))).toBe('409:already_reported');
      expect(await hint(() => report('instructor', 'review', REVIEW.student, 'other', ' '))).toBe('23514');
    });

    it('refuses reports of own, hidden or unseen content', async () => {
      expect(await hint(() => report('student', 'review', REVIEW.student))).toBe('42501');
      expect(await hint(() => report('companyAdmin', 'review', REVIEW.otherHidden))).toBe('42501');
      expect(await hint(() => report('companyAdmin', 'session_question', SESSION_QUESTION.studentVisible))).toBe(
        '42501',
      );
    });

    it('rate limits a reporter to 10 reports an hour (429)', async () => {
      await owner(
        `insert into public.content_reports (reporter_id, target_type, target_id, reason, created_at)
         select $1, 'review', gen_random_uuid(), 'spam', now() - interval '10 minutes' from generate_series(1, 10)`,
        [USER.otherInstructor],
      );
      expect(await hint(() => report('otherInstructor', 'review', REVIEW.student))).toBe('429:rate_limited');
    });

    it('reporters read only their own reports; admins all', async () => {
      const mine = await as<{ id: string }>('student', 'select id from public.content_reports');
      expect(mine.map((r) => r.id)).toEqual([REPORT.studentDismissed]);
      const all = await as<{ n: number }>('admin', 'select count(*)::int as n from public.content_reports');
      expect(all[0]!.n).toBeGreaterThanOrEqual(3);
    });

    it('only an admin resolves: hide marks every open report of the target actioned, in one audited step', async () => {
      for (const role of ['student', 'instructor', 'companyAdmin'] as const) {
        expect(
          await hint(() => as(role, `select public.admin_resolve_reports('review', $1, 'hide')`, [REVIEW.student])),
        ).toBe('403:not_admin');
      }
      expect(
        await hint(() =>
          as('student', `update public.content_reports set status = 'dismissed' where id = $1`, [
            REPORT.otherStudentOpen,
          ]),
        ),
      ).toBe('42501');
      const before = await audits('report.action');
      const [r] = await as<{ n: number }>('admin', `select public.admin_resolve_reports('review', $1, 'hide') as n`, [
        REVIEW.student,
      ]);
      expect(r!.n).toBe(2);
      const [review] = await owner<{ is_hidden: boolean }>('select is_hidden from public.reviews where id = $1', [
        REVIEW.student,
      ]);
      expect(review!.is_hidden).toBe(true);
      expect(await audits('report.action')).toBe(before + 1);
      expect(await audits('review.hide')).toBeGreaterThanOrEqual(1);
      expect(
        await hint(() => as('admin', `select public.admin_resolve_reports('review', $1, 'dismiss')`, [REVIEW.student])),
      ).toBe('409:no_open_reports');
      expect(
        await hint(() => as('admin', `select public.admin_resolve_reports('course', $1, 'hide')`, [REVIEW.student])),
      ).toBe('400:invalid_target');
    });

    it('hiding a reported question hides it for participants', async () => {
      await report('otherStudent', 'session_question', SESSION_QUESTION.studentVisible, 'off_topic');
      await as('admin', `select public.admin_resolve_reports('session_question', $1, 'hide')`, [
        SESSION_QUESTION.studentVisible,
      ]);
      const [q] = await owner<{ status: string }>('select status from public.session_questions where id = $1', [
        SESSION_QUESTION.studentVisible,
      ]);
      expect(q!.status).toBe('hidden');
    });
  });

  describe('courses', () => {
    it('features published courses within the limit of 12, audited; unfeatures them', async () => {
      expect(
        await hint(() => as('admin', 'select public.admin_feature_courses($1::uuid[], true)', [[COURSE.draft]])),
      ).toBe('422:course_not_published');
      const before = await audits('course.feature');
      const [r] = await as<{ ids: string[] }>(
        'admin',
        'select public.admin_feature_courses($1::uuid[], true)::text[] as ids',
        [[COURSE.paid, COURSE.free]],
      );
      expect(r!.ids).toEqual([COURSE.free, COURSE.paid]);
      expect(await audits('course.feature')).toBe(before + 1);
      await owner(
        `update public.site_home set featured_course_ids = featured_course_ids || array(select gen_random_uuid() from generate_series(1, 10))`,
      );
      await owner(`update public.courses set status = 'published' where id = $1`, [COURSE.draft]);
      expect(
        await hint(() => as('admin', 'select public.admin_feature_courses($1::uuid[], true)', [[COURSE.draft]])),
      ).toBe('422:featured_limit');
      const [u] = await as<{ ids: string[] }>(
        'admin',
        'select public.admin_feature_courses($1::uuid[], false)::text[] as ids',
        [[COURSE.paid]],
      );
      expect(u!.ids).not.toContain(COURSE.paid);
      expect(u!.ids[0]).toBe(COURSE.free);
      await owner(`update public.site_home set featured_course_ids = array[$1]::uuid[]`, [COURSE.free]);
      await owner(`update public.courses set status = 'draft' where id = $1`, [COURSE.draft]);
    });

    it('unpublishes with a reason: draft, off the homepage, the instructor told with a link to the course', async () => {
      expect(
        await hint(() =>
          as('admin', `select * from public.admin_set_course_status($1::uuid[], 'unpublish', '')`, [[COURSE.free]]),
        ),
      ).toBe('422:invalid_reason');
      expect(
        await hint(() =>
          as('admin', `select * from public.admin_set_course_status($1::uuid[], 'unpublish', 'x')`, [[COURSE.draft]]),
        ),
      ).toBe('409:invalid_transition');
      expect(
        await hint(() =>
          as('instructor', `select * from public.admin_set_course_status($1::uuid[], 'archive', 'x')`, [[COURSE.free]]),
        ),
      ).toBe('403:not_admin');
      const rows = await as<{ id: string; status: string }>(
        'admin',
        `select * from public.admin_set_course_status($1::uuid[], 'unpublish', 'Outdated screenshots')`,
        [[COURSE.free]],
      );
      expect(rows).toEqual([expect.objectContaining({ id: COURSE.free, status: 'draft' })]);
      const [home] = await owner<{ ids: string[] }>('select featured_course_ids::text[] as ids from public.site_home');
      expect(home!.ids).toEqual([]);
      const [n] = await owner<{ body: string; link: string }>(
        `select body, link from public.notifications where user_id = $1 and title like 'Unpublished:%'`,
        [USER.instructor],
      );
      expect(n!.body).toContain('Outdated screenshots');
      expect(n!.link).toBe(`/teach/courses/${COURSE.free}/edit`);
      expect(await audits('course.unpublish')).toBe(1);
      // Archive, then restore: back to published (it was published before).
      await as('admin', `select * from public.admin_set_course_status($1::uuid[], 'archive', '')`, [[COURSE.free]]);
      const [back] = await as<{ status: string }>(
        'admin',
        `select status::text from public.admin_set_course_status($1::uuid[], 'restore', '')`,
        [[COURSE.free]],
      );
      expect(back!.status).toBe('published');
    });
  });

  describe('categories and tags', () => {
    it('refuses to delete a category in use (409), moves its courses when asked, audited', async () => {
      expect(await hint(() => as('admin', 'delete from public.categories where id = $1', [CATEGORY.active]))).toBe(
        '409:category_in_use',
      );
      const [moved] = await as<{ n: number }>('admin', 'select public.admin_delete_category($1, $2) as n', [
        CATEGORY.active,
        CATEGORY.retired,
      ]);
      expect(moved!.n).toBe(2);
      const [c] = await owner<{ category_id: string }>('select category_id from public.courses where id = $1', [
        COURSE.paid,
      ]);
      expect(c!.category_id).toBe(CATEGORY.retired);
      expect(await audits('category.move_courses')).toBe(1);
      expect(await audits('category.delete')).toBe(1);
    });

    it('renames and merges tags across courses, dropping duplicates, audited', async () => {
      await owner(`update public.courses set tags = '{js,web}' where id = $1`, [COURSE.free]);
      await owner(`update public.courses set tags = '{javascript,js}' where id = $1`, [COURSE.paid]);
      const [r] = await as<{ n: number }>('admin', `select public.admin_rename_tag('js', ' JavaScript ') as n`);
      expect(r!.n).toBe(2);
      const rows = await owner<{ tags: string[] }>(
        'select tags from public.courses where id = any($1::uuid[]) order by slug',
        [[COURSE.free, COURSE.paid]],
      );
      expect(rows.map((x) => x.tags)).toEqual([['javascript', 'web'], ['javascript']]);
      expect(await audits('tag.merge')).toBe(1);
      expect(await hint(() => as('admin', `select public.admin_rename_tag('nope', 'x')`))).toBe('404:tag_not_found');
      expect(await hint(() => as('admin', `select public.admin_rename_tag('web', '!!')`))).toBe('422:invalid_tag');
      expect(await hint(() => as('student', `select public.admin_rename_tag('web', 'www')`))).toBe('403:not_admin');
    });
  });
});
