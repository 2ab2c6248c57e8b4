import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import { adminReportList, adminReviewList, myReportList, myReportResult } from '../contract/moderation.ts';
import { caller } from '../teaching/test-support.ts';

let h: EdgeHarness;
let call: ReturnType<typeof caller>;
const review = {
  student: '60000000-0000-4000-8000-000000000001',
  other: '60000000-0000-4000-8000-000000000002',
};
const session = '70000000-0000-4000-8000-000000000001';
const question = '70000000-0000-4000-8000-000000000002';

const audits = async (action: string) => {
  const [row] = await h.db.asOwner((sql) =>
    sql.query<{ n: number }>('select count(*)::int as n from public.admin_audit_log where action = $1', [action]),
  );
  return row!.n;
};

beforeAll(async () => {
  h = await makeEdgeHarness();
  call = caller(h);
  await h.db.asOwner(async (sql) => {
    await sql.query('insert into public.enrollments (user_id, course_id) values ($1, $3), ($2, $3)', [
      ids.student,
      ids.other,
      ids.free,
    ]);
    await sql.query(
      `insert into public.reviews (id, course_id, user_id, rating, comment) values
         ($1, $3, $4, 2, 'Buy <b>cheap</b> followers'), ($2, $3, $5, 5, 'Lovely course')`,
      [review.student, review.other, ids.free, ids.student, ids.other],
    );
    await sql.query(
      `insert into public.live_sessions (id, course_id, title, starts_at, created_by)
       values ($1, $2, 'Office hours', now() + interval '1 day', $3)`,
      [session, ids.free, ids.teacher],
    );
    await sql.query(
      `insert into public.session_questions (id, session_id, author_id, body) values ($1, $2, $3, 'Off-topic rant')`,
      [question, session, ids.student],
    );
  });
});
afterAll(() => h.close());

describe('moderation routes refuse everyone but admins', () => {
  const routes: [string, string, unknown?][] = [
    ['GET', '/api/admin/reviews'],
    ['POST', '/api/admin/reviews/visibility', { ids: [review.student], hidden: true }],
    ['GET', '/api/admin/reports'],
    ['POST', '/api/admin/reports/resolve', { targets: [{ type: 'review', id: review.student }], action: 'dismiss' }],
  ];
  it.each(routes)('%s %s: 401 for visitors, 403 for an instructor and a learner', async (method, path, body) => {
    expect((await call(method, path, null, body)).status).toBe(401);
    expect((await call(method, path, ids.teacher, body)).status).toBe(403);
    expect((await call(method, path, ids.student, body)).status).toBe(403);
  });
});

describe('reports by learners', () => {
  it('reports a review once (409 the second time) and lists only the caller own reports', async () => {
    expect(
      (await call('POST', '/api/reports', null, { targetType: 'review', targetId: review.student, reason: 'spam' }))
        .status,
    ).toBe(401);
    const res = await call('POST', '/api/reports', ids.other, {
      targetType: 'review',
      targetId: review.student,
      reason: 'spam',
    });
    expect(res.status).toBe(201);
    expect(myReportResult.parse(res.json).report).toMatchObject({ status: 'open', reason: 'spam', note: '' });
    const dup = await call('POST', '/api/reports', ids.other, {
      targetType: 'review',
      targetId: review.student,
      reason: 'abuse',
    });
    expect(dup.status).toBe(409);
    expect(dup.json.error.code).toBe('already_reported');
    await call('POST', '/api/reports', ids.teacher, {
      targetType: 'review',
      targetId: review.student,
      reason: 'other',
      note: 'Advertising',
    });
    const mine = myReportList.parse((await call('GET', '/api/reports/mine', ids.other)).json);
    expect(mine.items.map((r) => r.targetId)).toEqual([review.student]);
    expect(myReportList.parse((await call('GET', '/api/reports/mine', ids.student)).json).items).toEqual([]);
  });

  it('reports a session question the caller can see', async () => {
    const res = await call('POST', '/api/reports', ids.other, {
      targetType: 'session_question',
      targetId: question,
      reason: 'off_topic',
    });
    expect(res.status).toBe(201);
  });

  it('answers 404 for own or unknown content and 400 for bad input', async () => {
    const own = await call('POST', '/api/reports', ids.student, {
      targetType: 'review',
      targetId: review.student,
      reason: 'spam',
    });
    expect(own.status).toBe(404);
    expect(own.json.error.code).toBe('content_not_found');
    const unknown = await call('POST', '/api/reports', ids.other, {
      targetType: 'review',
      targetId: '60000000-0000-4000-8000-0000000000ff',
      reason: 'spam',
    });
    expect(unknown.status).toBe(404);
    for (const body of [
      { targetType: 'course', targetId: review.student, reason: 'spam' },
      { targetType: 'review', targetId: 'x', reason: 'spam' },
      { targetType: 'review', targetId: review.other, reason: 'rude' },
      { targetType: 'review', targetId: review.other, reason: 'other' },
      { targetType: 'review', targetId: review.other, reason: 'spam', note: 'x'.repeat(1001) },
      { targetType: 'review', targetId: review.other, reason: 'spam', extra: 1 },
    ]) {
      expect((await call('POST', '/api/reports', ids.student, body)).status, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('the admin reports queue', () => {
  it('groups open reports by target with the content as text', async () => {
    const res = await call('GET', '/api/admin/reports', ids.admin);
    expect(res.status).toBe(200);
    const list = adminReportList.parse(res.json);
    expect(list.openTargets).toBe(2);
    const group = list.items.find((g) => g.targetId === review.student)!;
    expect(group.reports).toHaveLength(2);
    expect(group.content).toMatchObject({
      text: 'Buy <b>cheap</b> followers',
      hidden: false,
      where: { href: '/courses/intro-to-html' },
    });
    const questions = adminReportList.parse(
      (await call('GET', '/api/admin/reports?type=session_question', ids.admin)).json,
    );
    expect(questions.items.map((g) => g.content?.text)).toEqual(['Off-topic rant']);
    expect((await call('GET', '/api/admin/reports?status=closed', ids.admin)).status).toBe(400);
  });

  it('hides the content and closes its reports in one audited step', async () => {
    const before = await audits('report.action');
    const res = await call('POST', '/api/admin/reports/resolve', ids.admin, {
      targets: [{ type: 'review', id: review.student }],
      action: 'hide',
    });
    expect(res.json).toEqual({ resolved: 2 });
    expect(await audits('report.action')).toBe(before + 1);
    expect(await audits('review.hide')).toBe(1);
    const page = await call('GET', '/api/courses/intro-to-html/reviews', null);
    expect(JSON.stringify(page.json)).not.toContain('cheap');
    const again = await call('POST', '/api/admin/reports/resolve', ids.admin, {
      targets: [{ type: 'review', id: review.student }],
      action: 'dismiss',
    });
    expect(again.status).toBe(409);
    const actioned = adminReportList.parse((await call('GET', '/api/admin/reports?status=actioned', ids.admin)).json);
    expect(actioned.items[0]!.reports.every((r) => r.status === 'actioned' && r.resolvedAt)).toBe(true);
  });

  it('refuses the whole batch when one target has no open report (nothing changes)', async () => {
    const res = await call('POST', '/api/admin/reports/resolve', ids.admin, {
      targets: [
        { type: 'session_question', id: question },
        { type: 'review', id: review.other },
      ],
      action: 'dismiss',
    });
    expect(res.status).toBe(409);
    const open = adminReportList.parse((await call('GET', '/api/admin/reports', ids.admin)).json);
    expect(open.items.map((g) => g.targetId)).toEqual([question]);
    expect((await call('POST', '/api/admin/reports/resolve', ids.admin, { targets: [], action: 'hide' })).status).toBe(
      400,
    );
  });
});

describe('the admin reviews list', () => {
  it('filters hidden, visible and reported reviews, searches, and hides or restores in bulk (audited)', async () => {
    const all = adminReviewList.parse((await call('GET', '/api/admin/reviews', ids.admin)).json);
    expect(all.total).toBe(2);
    expect(all.courses).toEqual([{ id: ids.free, title: 'Intro to HTML' }]);
    const hidden = adminReviewList.parse((await call('GET', '/api/admin/reviews?status=hidden', ids.admin)).json);
    expect(hidden.items.map((r) => r.id)).toEqual([review.student]);
    const search = adminReviewList.parse((await call('GET', '/api/admin/reviews?q=lovely', ids.admin)).json);
    expect(search.items.map((r) => r.id)).toEqual([review.other]);
    await call('POST', '/api/reports', ids.student, { targetType: 'review', targetId: review.other, reason: 'abuse' });
    const reported = adminReviewList.parse((await call('GET', '/api/admin/reviews?status=reported', ids.admin)).json);
    expect(reported.items).toEqual([expect.objectContaining({ id: review.other, openReports: 1 })]);
    const before = await audits('review.restore');
    const res = await call('POST', '/api/admin/reviews/visibility', ids.admin, {
      ids: [review.student, review.other],
      hidden: false,
    });
    expect(res.json).toEqual({ updated: 1 });
    expect(await audits('review.restore')).toBe(before + 1);
    const visible = adminReviewList.parse((await call('GET', '/api/admin/reviews?status=visible', ids.admin)).json);
    expect(visible.total).toBe(2);
  });

  it('answers 400 for bad input', async () => {
    expect((await call('GET', '/api/admin/reviews?status=spam', ids.admin)).status).toBe(400);
    expect((await call('GET', '/api/admin/reviews?course=x', ids.admin)).status).toBe(400);
    expect((await call('POST', '/api/admin/reviews/visibility', ids.admin, { ids: [], hidden: true })).status).toBe(
      400,
    );
    expect((await call('POST', '/api/admin/reviews/visibility', ids.admin, { ids: [review.other] })).status).toBe(400);
  });
});
