import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import { courseDecision, courseReviewList } from '../contract/admin-courses.ts';
import { caller } from '../teaching/test-support.ts';

let h: EdgeHarness;
let call: ReturnType<typeof caller>;
const older = '30000000-0000-4000-8000-0000000000b1';

beforeAll(async () => {
  h = await makeEdgeHarness();
  call = caller(h);
  await h.db.asOwner(async (sql) => {
    await sql.query(
      `insert into public.courses (id, slug, title, instructor_id, category_id, status, description, price_amount)
       values ($1, 'older-in-review', 'Older in review', $2, $3, 'pending_review', 'd', 1900)`,
      [older, ids.instructor, ids.web],
    );
  });
  // Submitted later (its own transaction, so a later now()).
  await h.db.asOwner((sql) =>
    sql.query(`update public.courses set status = 'pending_review' where id = $1`, [ids.draft]),
  );
});
afterAll(() => h.close());

describe('GET /api/admin/course-reviews', () => {
  it('lists courses in review, oldest first, with instructor and counts', async () => {
    const res = await call('GET', '/api/admin/course-reviews', ids.admin);
    expect(res.status).toBe(200);
    const { items } = courseReviewList.parse(res.json);
    expect(items.map((i) => i.id)).toEqual([older, ids.draft]);
    expect(items[0]).toMatchObject({
      instructor: { id: ids.instructor, displayName: 'Tea Cher' },
      category: 'Web Development',
      priceAmount: 1900,
      sectionCount: 0,
      lessonCount: 0,
    });
  });

  it('refuses instructors and learners (403) and visitors (401)', async () => {
    expect((await call('GET', '/api/admin/course-reviews', ids.teacher)).status).toBe(403);
    expect((await call('GET', '/api/admin/course-reviews', ids.student)).status).toBe(403);
    expect((await call('GET', '/api/admin/course-reviews', null)).status).toBe(401);
  });
});

describe('POST /api/admin/courses/:id/decision', () => {
  it('rejects with a reason (back to draft) and approves (published), notifying the instructor', async () => {
    const noReason = await call('POST', `/api/admin/courses/${older}/decision`, ids.admin, { approve: false });
    expect(noReason.status).toBe(400);
    const rejected = await call('POST', `/api/admin/courses/${older}/decision`, ids.admin, {
      approve: false,
      reason: 'Add a second section.',
    });
    expect(rejected.status).toBe(200);
    expect(courseDecision.parse(rejected.json)).toMatchObject({ status: 'draft', publishedAt: null });
    const approved = await call('POST', `/api/admin/courses/${ids.draft}/decision`, ids.admin, { approve: true });
    expect(approved.status).toBe(200);
    expect(approved.json.status).toBe('published');
    expect(typeof approved.json.publishedAt).toBe('string');
    const [n] = await h.db.asOwner((sql) =>
      sql.query<{ n: number }>('select count(*)::int as n from public.notifications where user_id = $1', [ids.teacher]),
    );
    expect(n!.n).toBeGreaterThanOrEqual(2);
    expect(courseReviewList.parse((await call('GET', '/api/admin/course-reviews', ids.admin)).json).items).toEqual([]);
  });

  it('answers 409 for a course not in review, 404 for no such course, 403 for an instructor, 400 for bad input', async () => {
    const again = await call('POST', `/api/admin/courses/${ids.draft}/decision`, ids.admin, { approve: true });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('not_pending_review');
    const missing = await call('POST', '/api/admin/courses/30000000-0000-4000-8000-0000000000ff/decision', ids.admin, {
      approve: true,
    });
    expect(missing.status).toBe(404);
    const teacher = await call('POST', `/api/admin/courses/${older}/decision`, ids.teacher, { approve: true });
    expect(teacher.status).toBe(403);
    expect((await call('POST', `/api/admin/courses/${older}/decision`, ids.admin, { approve: 'yes' })).status).toBe(
      400,
    );
    expect((await call('POST', '/api/admin/courses/x/decision', ids.admin, { approve: true })).status).toBe(400);
  });
});
