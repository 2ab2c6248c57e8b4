import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ids as seedIds } from '../../seed/ids.ts';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { type EdgeHarness, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import {
  apiErrorBody,
  appRole,
  catalogQuery,
  categoryList,
  courseDetail,
  courseList,
  coursePlayer,
  dashboard,
  difficulty,
  enrollmentResponse,
  enrollmentStatus,
  health,
  lessonContent,
  lessonType,
  publicConfig,
} from './index.ts';

/**
 * Producer and contract cannot drift: real answers of the data API, over the demo seed
 * (every course, lesson type, enrollment state the product ships), must parse against the
 * response schemas, which are strict (a field the producer adds or renames fails here too).
 */

const student = seedIds.user('student@demo.test');

/** The parsed value, or a failure that names every path the answer got wrong. */
function parses<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`${what} does not match the contract:\n${issues}`);
  }
  return result.data;
}

for (const engine of engines()) {
  describe(`the data API's answers on ${engine} match the contract`, () => {
    let database: TestDatabase;
    let h: EdgeHarness;
    let auth: Record<string, string>;

    beforeAll(async () => {
      database = await fresh(engine);
      h = await makeEdgeHarness({ db: database.db, data: 'demo' });
      auth = await h.as(student);
    }, 180_000); // migrating and seeding the demo data is the slow part, more so on a loaded machine
    afterAll(async () => {
      await h?.close();
      await database?.drop();
    });

    async function get(path: string, status = 200, headers: Record<string, string> = {}): Promise<unknown> {
      const res = await h.app.request(path, { headers });
      expect(res.status).toBe(status);
      return res.json();
    }

    it('serves health and config', async () => {
      parses(health, await get('/api/health'), 'GET /api/health');
      parses(publicConfig, await get('/api/config'), 'GET /api/config');
    });

    it('lists courses under every filter and sort, with facets', async () => {
      const all = parses(courseList, await get('/api/courses?pageSize=50'), 'GET /api/courses');
      expect(all.items.length).toBeGreaterThanOrEqual(12);
      for (const qs of [
        '?q=data&sort=relevance',
        '?difficulty=advanced&sort=newest',
        '?price=free&sort=rating',
        '?price=100-plus&sort=price-desc',
        `?category=${all.categories[0]!.slug}&category=${all.categories[1]!.slug}&sort=price-asc`,
        '?page=2&pageSize=5',
        '?page=999',
      ]) {
        parses(courseList, await get(`/api/courses${qs}`), `GET /api/courses${qs}`);
      }
      parses(categoryList, await get('/api/categories'), 'GET /api/categories');
    });

    it('describes every published course, signed out and enrolled', async () => {
      const all = parses(courseList, await get('/api/courses?pageSize=50'), 'GET /api/courses');
      let enrolled = 0;
      for (const course of all.items) {
        parses(courseDetail, await get(`/api/courses/${course.slug}`), `GET /api/courses/${course.slug}`);
        const mine = parses(
          courseDetail,
          await get(`/api/courses/${course.slug}`, 200, auth),
          `GET /api/courses/${course.slug} (student)`,
        );
        if (mine.enrollment) enrolled++;
      }
      expect(enrolled).toBeGreaterThanOrEqual(2);
    });

    it("opens the player and a lesson for each of the learner's courses, and the dashboard", async () => {
      const board = parses(dashboard, await get('/api/me/dashboard', 200, auth), 'GET /api/me/dashboard');
      expect(board.courses.length).toBeGreaterThanOrEqual(2);
      for (const { course } of board.courses) {
        const player = parses(
          coursePlayer,
          await get(`/api/courses/${course.slug}/player`, 200, auth),
          `player of ${course.slug}`,
        );
        const open = player.sections.flatMap((s) => s.lessons).find((l) => l.available);
        expect(open).toBeDefined();
        parses(lessonContent, await get(`/api/lessons/${open!.id}`, 200, auth), `GET /api/lessons/${open!.id}`);
      }
    });

    it('answers enrollment and completion with an enrollment', async () => {
      const board = parses(dashboard, await get('/api/me/dashboard', 200, auth), 'dashboard');
      const mine = new Set(board.courses.map((c) => c.course.id));
      const free = parses(courseList, await get('/api/courses?price=free&pageSize=50'), 'free courses');
      const course = free.items.find((c) => !mine.has(c.id));
      expect(course).toBeDefined();
      const res = await h.app.request('/api/enrollments', {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ courseId: course!.id }),
      });
      expect(res.status).toBe(201);
      parses(enrollmentResponse, await res.json(), 'POST /api/enrollments');

      const player = parses(coursePlayer, await get(`/api/courses/${course!.slug}/player`, 200, auth), 'player');
      const lesson = player.sections.flatMap((s) => s.lessons).find((l) => l.available)!;
      const done = await h.app.request(`/api/lessons/${lesson.id}/complete`, { method: 'POST', headers: auth });
      expect(done.status).toBe(200);
      const { enrollment } = parses(enrollmentResponse, await done.json(), 'POST /api/lessons/:id/complete');
      expect(enrollment.completedLessons).toBe(1);
    });

    it("shows an employee's company assignment with its due date on the dashboard", async () => {
      const employee = await h.as(seedIds.user('employee@demo.test'));
      const board = parses(dashboard, await get('/api/me/dashboard', 200, employee), 'employee dashboard');
      const assigned = board.courses.find((c) => c.course.slug === 'git-and-github-workflow');
      expect(assigned?.assignment).toMatchObject({ dueAt: expect.any(String), overdue: false });
      expect(assigned!.assignment!.companyName.length).toBeGreaterThan(0);
    });

    it('answers every refusal with the one error shape', async () => {
      parses(apiErrorBody, await get('/api/nope', 404), 'unknown route');
      parses(apiErrorBody, await get('/api/courses?sort=random', 400), 'bad sort');
      parses(apiErrorBody, await get('/api/courses?unknown=1', 400), 'unknown query key');
      parses(apiErrorBody, await get('/api/courses/no-such-course', 404), 'unknown course');
      parses(apiErrorBody, await get('/api/me/dashboard', 401), 'dashboard signed out');
      parses(apiErrorBody, await get('/api/lessons/not-a-uuid', 400), 'bad lesson id');
      const res = await h.app.request('/api/enrollments', {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ courseId: student, extra: true }),
      });
      expect(res.status).toBe(400);
      parses(apiErrorBody, await res.json(), 'enrollment with an unknown field');
    });

    it('names the same vocabularies as the database enums', async () => {
      const labels = async (type: string) => {
        const rows = await h.db.asOwner((sql) =>
          sql.query<{ label: string }>(
            `select e.enumlabel as label from pg_enum e join pg_type t on t.oid = e.enumtypid
             join pg_namespace n on n.oid = t.typnamespace where n.nspname = 'public' and t.typname = $1
             order by e.enumsortorder`,
            [type],
          ),
        );
        return rows.map((r) => r.label);
      };
      expect(await labels('course_difficulty')).toEqual(difficulty.options);
      expect(await labels('lesson_type')).toEqual(lessonType.options);
      expect(await labels('enrollment_status')).toEqual(enrollmentStatus.options);
      expect(await labels('app_role')).toEqual(appRole.options);
    });
  });
}

describe('the contract', () => {
  it('applies the catalog query defaults and bounds', () => {
    expect(catalogQuery.parse({})).toEqual({ page: 1, pageSize: 12 });
    expect(catalogQuery.parse({ category: 'web-development', page: '2' })).toEqual({
      category: ['web-development'],
      page: 2,
      pageSize: 12,
    });
    expect(catalogQuery.safeParse({ q: 'x'.repeat(201) }).success).toBe(false);
    expect(catalogQuery.safeParse({ pageSize: '51' }).success).toBe(false);
    expect(catalogQuery.safeParse({ category: Array(21).fill('a') }).success).toBe(false);
  });

  it('ships types only from edge/api-types.ts, so web/ never bundles a schema through it', async () => {
    expect(Object.keys(await import('../api-types.ts'))).toEqual([]);
  });
});
