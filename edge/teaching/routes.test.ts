import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import { teachingCourse, teachingCourseList } from '../contract/teaching.ts';

let h: EdgeHarness;
beforeAll(async () => {
  h = await makeEdgeHarness();
});
afterAll(() => h.close());

async function get(userId: string | null) {
  return h.app.request('/api/teach/courses', { headers: userId ? await h.as(userId) : {} });
}

describe('GET /api/teach/courses', () => {
  it("lists the instructor's own courses, drafts included, newest change first", async () => {
    const res = await get(ids.teacher);
    expect(res.status).toBe(200);
    const { items } = teachingCourseList.parse(await res.json());
    expect(items.map((c) => c.id).sort()).toEqual([ids.free, ids.paid, ids.draft, ids.pricey].sort());
    expect(items.find((c) => c.id === ids.draft)?.status).toBe('draft');
    const times = items.map((c) => Date.parse(c.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('lists every course to an admin', async () => {
    const res = await get(ids.admin);
    expect(res.status).toBe(200);
    const { items } = teachingCourseList.parse(await res.json());
    const [count] = await h.db.asOwner((sql) =>
      sql.query<{ n: number }>('select count(*)::int as n from public.courses'),
    );
    expect(items).toHaveLength(count!.n);
  });

  it('refuses learners (403) and visitors (401) with a JSON error', async () => {
    const learner = await get(ids.student);
    expect(learner.status).toBe(403);
    expect(await learner.json()).toEqual({
      error: { code: 'forbidden', message: 'only instructors and admins teach courses' },
    });
    const visitor = await get(null);
    expect(visitor.status).toBe(401);
    expect(typeof (await visitor.json()).error.code).toBe('string');
  });

  it('answers one managed course, 404 for a course of another instructor, 400 for a malformed id', async () => {
    const mine = await h.app.request(`/api/teach/courses/${ids.draft}`, { headers: await h.as(ids.teacher) });
    expect(mine.status).toBe(200);
    expect(teachingCourse.parse(await mine.json())).toMatchObject({ id: ids.draft, status: 'draft' });
    // Another instructor's course (the fixture's courses are all one instructor's).
    const foreign = '30000000-0000-4000-8000-0000000000ff';
    await h.db.asOwner(async (sql) => {
      await sql.query(
        `insert into public.instructors (id, user_id, display_name) values ('10000000-0000-4000-8000-0000000000ff', $1, 'Other')`,
        [ids.other],
      );
      await sql.query(
        `insert into public.courses (id, slug, title, instructor_id) values ($1, 'someone-elses', 'Not yours', '10000000-0000-4000-8000-0000000000ff')`,
        [foreign],
      );
    });
    const theirs = await h.app.request(`/api/teach/courses/${foreign}`, { headers: await h.as(ids.teacher) });
    expect(theirs.status).toBe(404);
    const asAdmin = await h.app.request(`/api/teach/courses/${foreign}`, { headers: await h.as(ids.admin) });
    expect(asAdmin.status).toBe(200);
    const bad = await h.app.request('/api/teach/courses/not-a-uuid', { headers: await h.as(ids.teacher) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('bad_request');
  });
});
