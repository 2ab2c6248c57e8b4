import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import { courseEarningsList, courseStudentList, teachingBundleList, teachingOverview } from '../contract/teaching.ts';
import { addOtherInstructor, caller, OTHER } from './test-support.ts';

let h: EdgeHarness;
let call: ReturnType<typeof caller>;
const openBundle = '60000000-0000-4000-8000-000000000001';
const closedBundle = '60000000-0000-4000-8000-000000000002';
const euroBundle = '60000000-0000-4000-8000-000000000003';

beforeAll(async () => {
  h = await makeEdgeHarness();
  call = caller(h);
  await addOtherInstructor(h, ids.other);
  await h.db.asOwner(async (sql) => {
    await sql.query(
      `insert into public.enrollments (user_id, course_id, status, enrolled_at, last_activity_at)
       values ($1, $2, 'active', now() - interval '5 days', now() - interval '1 day'),
              ($3, $2, 'active', now() - interval '2 days', null)`,
      [ids.student, ids.free, ids.admin],
    );
    await sql.query(
      `insert into public.orders (id, user_id, kind, status, currency, subtotal, total, quote, idempotency_key, expires_at, paid_at)
       values ('70000000-0000-4000-8000-000000000001', $1, 'single', 'paid', 'USD', 4900, 4900, '{}', 'earnings-test-1',
               now() + interval '1 hour', now())`,
      [ids.student],
    );
    await sql.query(
      `insert into public.order_items (order_id, kind, course_id, course_ids, title, seats, unit_amount, list_amount, total_amount)
       values ('70000000-0000-4000-8000-000000000001', 'course', $1, array[$1::uuid], 'Pandas in Practice', 1, 4900, 4900, 4900)`,
      [ids.paid],
    );
    await sql.query(
      `insert into public.bundles (id, slug, title, status, currency, open_to_instructors) values
         ($1, 'open-bundle', 'Open bundle', 'published', 'USD', true),
         ($2, 'closed-bundle', 'Closed bundle', 'published', 'USD', false),
         ($3, 'euro-bundle', 'Euro bundle', 'published', 'EUR', true)`,
      [openBundle, closedBundle, euroBundle],
    );
  });
});
afterAll(() => h.close());

describe('GET /api/teach/overview and /api/teach/earnings', () => {
  it("sums the instructor's courses", async () => {
    const res = await call('GET', '/api/teach/overview', ids.teacher);
    expect(res.status).toBe(200);
    const o = teachingOverview.parse(res.json);
    expect(o.students).toBe(2);
    expect(o.courses).toBe(4);
    expect(o.earnings).toEqual([{ currency: 'USD', grossMinor: 4900, refundedMinor: 0, netMinor: 4900 }]);
    const earnings = courseEarningsList.parse((await call('GET', '/api/teach/earnings', ids.teacher)).json);
    expect(earnings.items).toEqual([
      {
        courseId: ids.paid,
        courseTitle: 'Pandas in Practice',
        currency: 'USD',
        orders: 1,
        grossMinor: 4900,
        refundedMinor: 0,
        netMinor: 4900,
      },
    ]);
  });

  it('shows another instructor nothing of it, refuses learners (403) and visitors (401)', async () => {
    const other = teachingOverview.parse((await call('GET', '/api/teach/overview', ids.other)).json);
    expect(other).toMatchObject({ students: 0, courses: 1, earnings: [] });
    expect((await call('GET', '/api/teach/earnings', ids.other)).json.items).toEqual([]);
    expect((await call('GET', '/api/teach/overview', ids.student)).status).toBe(403);
    expect((await call('GET', '/api/teach/earnings', ids.student)).status).toBe(403);
    expect((await call('GET', '/api/teach/overview', null)).status).toBe(401);
  });
});

describe('GET /api/teach/courses/:id/students', () => {
  it('lists learners with progress, latest activity first, paged', async () => {
    const res = await call('GET', `/api/teach/courses/${ids.free}/students?pageSize=1`, ids.teacher);
    expect(res.status).toBe(200);
    const list = courseStudentList.parse(res.json);
    expect(list.total).toBe(2);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]!.status).toBe('active');
    expect(list.items[0]!.progressPercent).toBe(0);
    const page2 = courseStudentList.parse(
      (await call('GET', `/api/teach/courses/${ids.free}/students?pageSize=1&page=2`, ids.teacher)).json,
    );
    expect(page2.items).toHaveLength(1);
    expect(page2.items[0]!.enrollmentId).not.toBe(list.items[0]!.enrollmentId);
    const far = courseStudentList.parse(
      (await call('GET', `/api/teach/courses/${ids.free}/students?page=9`, ids.teacher)).json,
    );
    expect(far).toMatchObject({ items: [], total: 2 });
    // The course's instructor and admins see the learners' names (public.learner_names), never emails.
    const asTeacher = courseStudentList.parse(
      (await call('GET', `/api/teach/courses/${ids.free}/students`, ids.teacher)).json,
    );
    expect(asTeacher.items.map((i) => i.name).sort()).toEqual(['Ad Min', 'Stu Dent']);
    expect(JSON.stringify(asTeacher)).not.toContain('@');
    const asAdmin = courseStudentList.parse(
      (await call('GET', `/api/teach/courses/${ids.free}/students`, ids.admin)).json,
    );
    expect(asAdmin.items.map((i) => i.name).sort()).toEqual(['Ad Min', 'Stu Dent']);
  });

  it('refuses bad queries (400), foreign courses (404), learners (403)', async () => {
    expect((await call('GET', `/api/teach/courses/${ids.free}/students?pageSize=1000`, ids.teacher)).status).toBe(400);
    expect((await call('GET', `/api/teach/courses/${ids.free}/students?sort=x`, ids.teacher)).status).toBe(400);
    expect((await call('GET', `/api/teach/courses/${ids.free}/students`, ids.other)).status).toBe(404);
    expect((await call('GET', `/api/teach/courses/${ids.free}/students`, ids.student)).status).toBe(403);
  });
});

describe('bundle tagging', () => {
  it('lists the open bundles and puts a published course in or out of them', async () => {
    const list = teachingBundleList.parse(
      (await call('GET', `/api/teach/courses/${ids.paid}/bundles`, ids.teacher)).json,
    );
    expect(list.items.map((b) => [b.slug, b.included])).toEqual([
      ['euro-bundle', false],
      ['open-bundle', false],
    ]);
    const put = await call('PUT', `/api/teach/courses/${ids.paid}/bundles`, ids.teacher, { bundleIds: [openBundle] });
    expect(put.status).toBe(200);
    expect(put.json.items.find((b: { id: string }) => b.id === openBundle).included).toBe(true);
    const out = await call('PUT', `/api/teach/courses/${ids.paid}/bundles`, ids.teacher, { bundleIds: [] });
    expect(out.json.items.every((b: { included: boolean }) => !b.included)).toBe(true);
  });

  it('refuses closed bundles, another currency, drafts and foreign courses', async () => {
    const closed = await call('PUT', `/api/teach/courses/${ids.paid}/bundles`, ids.teacher, {
      bundleIds: [closedBundle],
    });
    expect(closed.status).toBe(422);
    expect(closed.json.error.code).toBe('unknown_bundle');
    const euro = await call('PUT', `/api/teach/courses/${ids.paid}/bundles`, ids.teacher, { bundleIds: [euroBundle] });
    expect(euro.status).toBe(422);
    expect(euro.json.error.code).toBe('currency_mismatch');
    const draft = await call('PUT', `/api/teach/courses/${ids.draft}/bundles`, ids.teacher, {
      bundleIds: [openBundle],
    });
    expect(draft.status).toBe(409);
    expect(draft.json.error.code).toBe('course_not_published');
    expect(
      (await call('PUT', `/api/teach/courses/${OTHER.course}/bundles`, ids.teacher, { bundleIds: [] })).status,
    ).toBe(404);
    expect((await call('PUT', `/api/teach/courses/${ids.paid}/bundles`, ids.teacher, { bundleIds: 'x' })).status).toBe(
      400,
    );
    expect((await call('GET', `/api/teach/courses/${ids.paid}/bundles`, ids.student)).status).toBe(403);
  });
});
