import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import { adminUserList, auditList, roleChangeResult, suspensionResult } from '../contract/admin-people.ts';
import { caller } from '../teaching/test-support.ts';

let h: EdgeHarness;
let call: ReturnType<typeof caller>;

beforeAll(async () => {
  h = await makeEdgeHarness();
  call = caller(h);
});
afterAll(() => h.close());

const auditCount = async (action: string) => {
  const [row] = await h.db.asOwner((sql) =>
    sql.query<{ n: number }>('select count(*)::int as n from public.admin_audit_log where action = $1', [action]),
  );
  return row!.n;
};

describe('admin people routes refuse everyone but admins', () => {
  const routes: [string, string, unknown?][] = [
    ['GET', '/api/admin/users'],
    ['PATCH', `/api/admin/users/${ids.other}/role`, { role: 'instructor' }],
    ['POST', `/api/admin/users/${ids.other}/suspend`, { reason: 'spam' }],
    ['POST', `/api/admin/users/${ids.other}/restore`],
    ['GET', '/api/admin/audit'],
  ];
  it.each(routes)('%s %s: 401 for visitors, 403 for learners and instructors', async (method, path, body) => {
    const anon = await call(method, path, null, body);
    expect(anon.status).toBe(401);
    expect(anon.json.error.code).toBe('unauthorized');
    for (const who of [ids.student, ids.teacher]) {
      const res = await call(method, path, who, body);
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('forbidden');
    }
  });
});

describe('GET /api/admin/users', () => {
  it('searches by name or email, filters by role and status, with enrollments and a total', async () => {
    const all = adminUserList.parse((await call('GET', '/api/admin/users', ids.admin)).json);
    expect(all.total).toBe(4);
    expect(all.items.map((u) => u.email).sort()).toEqual([
      'admin@test.local',
      'other@test.local',
      'student@test.local',
      'teacher@test.local',
    ]);
    const stu = adminUserList.parse((await call('GET', '/api/admin/users?q=stu', ids.admin)).json);
    expect(stu.items.map((u) => u.name)).toEqual(['Stu Dent']);
    expect(stu.items[0]).toMatchObject({ role: 'student', status: 'active', suspendedAt: null });
    const byEmail = adminUserList.parse((await call('GET', '/api/admin/users?q=TEACHER%40test', ids.admin)).json);
    expect(byEmail.items.map((u) => u.id)).toEqual([ids.teacher]);
    const instructors = adminUserList.parse((await call('GET', '/api/admin/users?role=instructor', ids.admin)).json);
    expect(instructors.items.map((u) => u.id)).toEqual([ids.teacher]);
    const wildcard = adminUserList.parse((await call('GET', '/api/admin/users?q=%25', ids.admin)).json);
    expect(wildcard.total).toBe(0);
    const far = adminUserList.parse((await call('GET', '/api/admin/users?page=9', ids.admin)).json);
    expect(far).toMatchObject({ items: [], page: 9, total: 4 });
  });

  it('answers 400 for bad filters', async () => {
    for (const q of ['role=owner', 'status=gone', 'page=0', 'page=x', 'sort=name', `q=${'a'.repeat(201)}`]) {
      const res = await call('GET', `/api/admin/users?${q}`, ids.admin);
      expect(res.status, q).toBe(400);
      expect(res.json.error.code, q).toBe('bad_request');
    }
  });
});

describe('PATCH /api/admin/users/:id/role', () => {
  it('makes a learner an instructor with a card, audited once; an admin cannot demote themself', async () => {
    const res = await call('PATCH', `/api/admin/users/${ids.other}/role`, ids.admin, { role: 'instructor' });
    expect(res.status).toBe(200);
    expect(roleChangeResult.parse(res.json)).toEqual({ id: ids.other, role: 'instructor' });
    const [card] = await h.db.asOwner((sql) =>
      sql.query<{ display_name: string }>('select display_name from public.instructors where user_id = $1', [
        ids.other,
      ]),
    );
    expect(card?.display_name).toBe('Oth Er');
    expect(await auditCount('user.role_change')).toBe(1);
    // The same role again changes nothing and writes nothing.
    expect((await call('PATCH', `/api/admin/users/${ids.other}/role`, ids.admin, { role: 'instructor' })).status).toBe(
      200,
    );
    expect(await auditCount('user.role_change')).toBe(1);
    const back = await call('PATCH', `/api/admin/users/${ids.other}/role`, ids.admin, { role: 'student' });
    expect(back.json.role).toBe('student');
    expect(await auditCount('user.role_change')).toBe(2);

    const self = await call('PATCH', `/api/admin/users/${ids.admin}/role`, ids.admin, { role: 'student' });
    expect(self.status).toBe(409);
    expect(self.json.error.code).toBe('cannot_demote_self');
    expect(await auditCount('user.role_change')).toBe(2);
  });

  it('answers 400 for a bad id or role, 404 for nobody', async () => {
    expect((await call('PATCH', '/api/admin/users/nope/role', ids.admin, { role: 'admin' })).status).toBe(400);
    expect((await call('PATCH', `/api/admin/users/${ids.other}/role`, ids.admin, { role: 'owner' })).status).toBe(400);
    expect((await call('PATCH', `/api/admin/users/${ids.other}/role`, ids.admin, {})).status).toBe(400);
    expect((await call('PATCH', `/api/admin/users/${ids.other}/role`, ids.admin, '{')).status).toBe(400);
    const missing = await call('PATCH', '/api/admin/users/00000000-0000-4000-8000-0000000000ff/role', ids.admin, {
      role: 'admin',
    });
    expect(missing.status).toBe(404);
  });
});

describe('suspend and restore', () => {
  it("ends the student's access at once: their existing token is refused, then restored", async () => {
    const token = await h.as(ids.student);
    expect((await h.app.request('/api/profile', { headers: token })).status).toBe(200);

    const res = await call('POST', `/api/admin/users/${ids.student}/suspend`, ids.admin, { reason: '  Spam  ' });
    expect(res.status).toBe(200);
    expect(suspensionResult.parse(res.json)).toMatchObject({
      id: ids.student,
      status: 'suspended',
      suspendedReason: 'Spam',
    });
    const refused = await h.app.request('/api/profile', { headers: token });
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe('account_suspended');
    // Even public reads made with the token are refused: the token, not the route, is the problem.
    expect((await h.app.request('/api/courses', { headers: token })).status).toBe(401);
    const [ban] = await h.db.asOwner((sql) =>
      sql.query<{ banned: boolean }>('select banned_until > now() as banned from auth.users where id = $1', [
        ids.student,
      ]),
    );
    expect(ban?.banned).toBe(true);

    const suspended = adminUserList.parse((await call('GET', '/api/admin/users?status=suspended', ids.admin)).json);
    expect(suspended.items.map((u) => u.id)).toEqual([ids.student]);
    const again = await call('POST', `/api/admin/users/${ids.student}/suspend`, ids.admin, { reason: 'again' });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('already_suspended');
    expect(await auditCount('user.suspend')).toBe(1);

    const restored = await call('POST', `/api/admin/users/${ids.student}/restore`, ids.admin);
    expect(restored.status).toBe(200);
    expect(restored.json).toMatchObject({ status: 'active', suspendedAt: null });
    expect((await h.app.request('/api/profile', { headers: token })).status).toBe(200);
    const twice = await call('POST', `/api/admin/users/${ids.student}/restore`, ids.admin);
    expect(twice.json.error.code).toBe('not_suspended');
    expect(await auditCount('user.restore')).toBe(1);
  });

  it('refuses suspending oneself, an empty reason, a bad id', async () => {
    const self = await call('POST', `/api/admin/users/${ids.admin}/suspend`, ids.admin, { reason: 'test' });
    expect(self.status).toBe(409);
    expect(self.json.error.code).toBe('cannot_suspend_self');
    expect((await call('POST', `/api/admin/users/${ids.other}/suspend`, ids.admin, { reason: '   ' })).status).toBe(
      400,
    );
    expect((await call('POST', `/api/admin/users/${ids.other}/suspend`, ids.admin, {})).status).toBe(400);
    expect(
      (await call('POST', `/api/admin/users/${ids.other}/suspend`, ids.admin, { reason: 'x'.repeat(501) })).status,
    ).toBe(400);
    expect((await call('POST', '/api/admin/users/1/restore', ids.admin)).status).toBe(400);
    expect(
      (await call('POST', '/api/admin/users/00000000-0000-4000-8000-0000000000ff/restore', ids.admin)).status,
    ).toBe(404);
  });
});

describe('GET /api/admin/audit', () => {
  it('lists entries newest first with the actor, filtered by actor, action, kind and days', async () => {
    const res = await call('GET', '/api/admin/audit', ids.admin);
    expect(res.status).toBe(200);
    const page = auditList.parse(res.json);
    expect(page.total).toBe(4); // two role changes, the suspension, the restore
    expect(page.items[0]).toMatchObject({
      action: 'user.restore',
      actor: { id: ids.admin, name: 'Ad Min', email: 'admin@test.local' },
      targetType: 'user',
      targetId: ids.student,
      targetLabel: 'Stu Dent',
    });
    const times = page.items.map((i) => i.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const suspends = auditList.parse((await call('GET', '/api/admin/audit?action=user.suspend', ids.admin)).json);
    expect(suspends.items.map((i) => i.details)).toEqual([{ reason: 'Spam' }]);
    const users = auditList.parse((await call('GET', '/api/admin/audit?action=user', ids.admin)).json);
    expect(users.total).toBe(page.total);
    const byOther = auditList.parse((await call('GET', `/api/admin/audit?actor=${ids.other}`, ids.admin)).json);
    expect(byOther.total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    const ofToday = auditList.parse((await call('GET', `/api/admin/audit?from=${today}&to=${today}`, ids.admin)).json);
    expect(ofToday.total).toBe(page.total);
    const past = auditList.parse((await call('GET', '/api/admin/audit?to=2020-01-01', ids.admin)).json);
    expect(past.total).toBe(0);
  });

  it('answers 400 for bad filters', async () => {
    for (const q of ['actor=x', 'action=DROP', 'from=yesterday', 'from=2026-02-01&to=2026-01-01', 'page=-1', 'x=1']) {
      const res = await call('GET', `/api/admin/audit?${q}`, ids.admin);
      expect(res.status, q).toBe(400);
    }
  });

  it("an admin's course decision is audited with its reason", async () => {
    await h.db.asOwner((sql) =>
      sql.query(`update public.courses set status = 'pending_review' where id = $1`, [ids.draft]),
    );
    const decided = await call('POST', `/api/admin/courses/${ids.draft}/decision`, ids.admin, {
      approve: false,
      reason: 'Needs a second section.',
    });
    expect(decided.status).toBe(200);
    const rejects = auditList.parse((await call('GET', '/api/admin/audit?action=course.reject', ids.admin)).json);
    expect(rejects.items).toHaveLength(1);
    expect(rejects.items[0]).toMatchObject({
      targetId: ids.draft,
      targetLabel: 'Secret Draft',
      details: { reason: 'Needs a second section.' },
    });
  });
});
