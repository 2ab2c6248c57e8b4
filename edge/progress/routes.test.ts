import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import type { CoursePlayer, Dashboard, EnrollmentSummary } from '../api-types.ts';

let h: EdgeHarness;
beforeAll(async () => {
  h = await makeEdgeHarness();
});
afterAll(() => h.close());

const json = (body: unknown) => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});
async function post(path: string, userId: string | null, body?: unknown) {
  const headers: Record<string, string> = userId ? await h.as(userId) : {};
  const init =
    body === undefined
      ? { method: 'POST', headers }
      : { ...json(body), headers: { ...headers, 'content-type': 'application/json' } };
  return h.app.request(path, init);
}
async function get(path: string, userId: string | null) {
  return h.app.request(path, { headers: userId ? await h.as(userId) : {} });
}

describe('a student learns a free course', () => {
  it('enrolls, opens the player, completes lessons and sees progress on the dashboard', async () => {
    const enroll = await post('/api/enrollments', ids.student, { courseId: ids.free });
    expect(enroll.status).toBe(201);
    const { enrollment } = (await enroll.json()) as { enrollment: EnrollmentSummary };
    expect(enrollment).toMatchObject({
      courseId: ids.free,
      status: 'active',
      completedLessons: 0,
      totalLessons: 4,
      progressPercentage: 0,
    });

    // Enrolling again is harmless and returns the same enrollment.
    const again = await post('/api/enrollments', ids.student, { courseId: ids.free });
    expect(((await again.json()) as { enrollment: EnrollmentSummary }).enrollment.id).toBe(enrollment.id);

    const player = (await (await get('/api/courses/intro-to-html/player', ids.student)).json()) as CoursePlayer;
    const lessons = player.sections.flatMap((s) => s.lessons);
    expect(lessons.map((l) => [l.title, l.completed, l.available])).toEqual([
      ['What is HTML', false, true],
      ['Elements', false, true],
      ['Forms', false, true],
      ['Coming soon', false, false],
    ]);
    expect(lessons[3]!.availableAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const lesson = await get(`/api/lessons/${ids.l2}`, ids.student);
    expect(await lesson.json()).toMatchObject({ title: 'Elements', textContent: 'Elements nest.', completed: false });

    const done = await post(`/api/lessons/${ids.l1}/complete`, ids.student);
    expect(done.status).toBe(200);
    expect(((await done.json()) as { enrollment: EnrollmentSummary }).enrollment).toMatchObject({
      completedLessons: 1,
      progressPercentage: 25,
    });

    const dash = (await (await get('/api/me/dashboard', ids.student)).json()) as Dashboard;
    expect(dash.profile).toMatchObject({ firstName: 'Stu', role: 'student' });
    expect(dash.stats).toEqual({ inProgress: 1, completed: 0, notStarted: 0, learningMinutes: 10 });
    expect(dash.courses[0]).toMatchObject({
      state: 'in-progress',
      nextLessonId: ids.l2,
      course: { slug: 'intro-to-html' },
    });
  });

  it('ignores whatever the client says about progress', async () => {
    const res = await post(`/api/lessons/${ids.l2}/complete`, ids.student, {
      progressPercentage: 100,
      completed: true,
    });
    const { enrollment } = (await res.json()) as { enrollment: EnrollmentSummary };
    expect(enrollment.progressPercentage).toBe(50);
  });

  it('keeps drip-locked lessons closed', async () => {
    expect((await get(`/api/lessons/${ids.lDrip}`, ids.student)).status).toBe(403);
    const res = await post(`/api/lessons/${ids.lDrip}/complete`, ids.student);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden');
  });
});

describe('what others may not do', () => {
  it('anonymous callers cannot enroll, complete or open the dashboard', async () => {
    for (const res of [
      await post('/api/enrollments', null, { courseId: ids.free }),
      await post(`/api/lessons/${ids.l1}/complete`, null),
      await get('/api/me/dashboard', null),
      await get('/api/courses/intro-to-html/player', null),
    ]) {
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('unauthorized');
    }
  });

  it('paid courses need checkout: 402, and no enrollment is written', async () => {
    const res = await post('/api/enrollments', ids.other, { courseId: ids.paid });
    expect(res.status).toBe(402);
    expect((await res.json()).error.code).toBe('payment_required');
    expect((await get('/api/courses/pandas-in-practice/player', ids.other)).status).toBe(403);
  });

  it('drafts and unknown courses cannot be enrolled', async () => {
    expect((await post('/api/enrollments', ids.other, { courseId: ids.draft })).status).toBe(404);
    expect(
      (await post('/api/enrollments', ids.other, { courseId: '99999999-0000-4000-8000-000000000000' })).status,
    ).toBe(404);
  });

  it('a learner who is not enrolled cannot read or complete lessons, except previews', async () => {
    expect((await get(`/api/lessons/${ids.l2}`, ids.other)).status).toBe(403);
    expect((await get(`/api/lessons/${ids.lPaid}`, ids.other)).status).toBe(403);
    expect((await post(`/api/lessons/${ids.l2}/complete`, ids.other)).status).toBe(403);
    expect((await get(`/api/lessons/${ids.l2}`, null)).status).toBe(403);
    const preview = await get(`/api/lessons/${ids.l1}`, null);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ textContent: 'HTML is markup.', completed: false });
  });

  it("one student's progress never shows on another's dashboard", async () => {
    const dash = (await (await get('/api/me/dashboard', ids.other)).json()) as Dashboard;
    expect(dash.courses).toEqual([]);
  });
});

describe('bad input', () => {
  it('rejects malformed JSON, unknown fields, wrong types and non-JSON bodies with 4xx JSON', async () => {
    const headers = { ...(await h.as(ids.other)), 'content-type': 'application/json' };
    const cases: [RequestInit, number][] = [
      [{ method: 'POST', headers, body: '{"courseId":' }, 400],
      [{ method: 'POST', headers, body: JSON.stringify({ courseId: ids.free, price: 0 }) }, 400],
      [{ method: 'POST', headers, body: JSON.stringify({ courseId: 42 }) }, 400],
      [{ method: 'POST', headers, body: JSON.stringify({ courseId: 'not-a-uuid' }) }, 400],
      [{ method: 'POST', headers, body: '[]' }, 400],
      [{ method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: 'hi' }, 415],
      [{ method: 'POST', headers, body: JSON.stringify({ courseId: ids.free, pad: 'x'.repeat(70_000) }) }, 413],
    ];
    for (const [init, status] of cases) {
      const res = await h.app.request('/api/enrollments', init);
      expect(res.status, String(init.body).slice(0, 40)).toBe(status);
      expect((await res.json()).error.code).toMatch(/^[a-z_]+$/);
    }
    const dash = (await (await get('/api/me/dashboard', ids.other)).json()) as Dashboard;
    expect(dash.courses).toEqual([]); // nothing half-written
  });

  it('rejects a bad lesson id with a 400 and an unknown one with a 404', async () => {
    expect((await get('/api/lessons/not-a-uuid', ids.student)).status).toBe(400);
    expect((await post('/api/lessons/1;drop/complete', ids.student)).status).toBe(400);
    expect((await get('/api/lessons/99999999-0000-4000-8000-000000000000', ids.student)).status).toBe(404);
    expect((await post('/api/lessons/99999999-0000-4000-8000-000000000000/complete', ids.student)).status).toBe(404);
  });
});
