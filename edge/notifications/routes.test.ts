import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import type { MarkReadResponse, NotificationList } from '../api-types.ts';
import { markReadResponse, notification, notificationList } from '../contract/notifications.ts';

let h: EdgeHarness;
beforeAll(async () => {
  h = await makeEdgeHarness();
});
afterAll(() => h.close());

async function post(path: string, userId: string | null, body: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(userId ? await h.as(userId) : {}) };
  return h.app.request(path, { method: 'POST', headers, body: JSON.stringify(body) });
}
async function list(userId: string): Promise<NotificationList> {
  const res = await h.app.request('/api/notifications', { headers: await h.as(userId) });
  expect(res.status).toBe(200);
  return notificationList.parse(await res.json());
}
async function markRead(userId: string, body: unknown): Promise<MarkReadResponse> {
  const res = await post('/api/notifications/read', userId, body);
  expect(res.status).toBe(200);
  return markReadResponse.parse(await res.json());
}

describe('notifications the platform sends', () => {
  it('welcomes a learner to a course they enroll in, once, and pushes it to user:<uid>', async () => {
    expect(await list(ids.student)).toEqual({ items: [], unreadCount: 0 });
    expect((await post('/api/enrollments', ids.student, { courseId: ids.free })).status).toBe(201);
    expect((await post('/api/enrollments', ids.student, { courseId: ids.free })).status).toBe(201);

    const { items, unreadCount } = await list(ids.student);
    expect(unreadCount).toBe(1);
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'enrollment',
        title: 'Welcome to Intro to HTML',
        link: '/learn/intro-to-html',
        readAt: null,
      }),
    ]);

    // The database trigger's realtime.send: one private broadcast on the user's topic, whose
    // payload is the notification exactly as the API returns it.
    const messages = await h.db.asOwner((sql) =>
      sql.query<{ topic: string; event: string; private: boolean; payload: unknown }>(
        `select topic, event, private, payload from realtime.messages where topic like 'user:%'`,
      ),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ topic: `user:${ids.student}`, event: 'notification', private: true });
    expect(notification.parse(messages[0]!.payload)).toEqual(items[0]);
  });

  it('congratulates a learner who completes a course with their certificate', async () => {
    // Open the drip-locked lesson so every lesson can be completed.
    await h.db.asOwner((sql) =>
      sql.query('update public.lessons set drip_available_at = null where id = $1', [ids.lDrip]),
    );
    for (const lesson of [ids.l1, ids.l2, ids.l3, ids.lDrip]) {
      expect((await post(`/api/lessons/${lesson}/complete`, ids.student, {})).status).toBe(200);
    }
    const { items, unreadCount } = await list(ids.student);
    expect(unreadCount).toBe(2);
    // The completion issued a certificate: that is the one message, with a link to it.
    expect(items[0]).toMatchObject({
      kind: 'certificate_issued',
      title: 'Certificate issued: Intro to HTML',
      link: '/certificates',
    });
    expect(items.map((n) => n.kind)).toEqual(['certificate_issued', 'enrollment']);
  });
});

describe('marking notifications read', () => {
  it('marks some by id, then all, and counts only what changed', async () => {
    const { items } = await list(ids.student);
    const [newest, older] = items;
    expect(await markRead(ids.student, { ids: [newest!.id] })).toEqual({ updated: 1, unreadCount: 1 });
    expect(await markRead(ids.student, { ids: [newest!.id] })).toEqual({ updated: 0, unreadCount: 1 });
    const after = await list(ids.student);
    expect(after.items.find((n) => n.id === newest!.id)!.readAt).toMatch(/Z$/);
    expect(after.items.find((n) => n.id === older!.id)!.readAt).toBeNull();
    expect(await markRead(ids.student, { all: true })).toEqual({ updated: 1, unreadCount: 0 });
    expect((await list(ids.student)).unreadCount).toBe(0);
  });

  it("never touches another user's notifications, nor shows them", async () => {
    expect((await post('/api/enrollments', ids.other, { courseId: ids.free })).status).toBe(201);
    const theirs = await list(ids.other);
    expect(theirs.unreadCount).toBe(1);
    const mine = await list(ids.student);
    expect(mine.items.map((n) => n.id)).not.toContain(theirs.items[0]!.id);

    expect(await markRead(ids.student, { ids: [theirs.items[0]!.id] })).toEqual({ updated: 0, unreadCount: 0 });
    expect((await list(ids.other)).unreadCount).toBe(1);
  });

  it('returns at most the latest 20, newest first, with the unread count of all', async () => {
    await h.db.asOwner((sql) =>
      sql.query(
        `insert into public.notifications (user_id, kind, title, created_at)
         select $1, 'system', 'Note ' || i, now() - make_interval(mins => i) from generate_series(1, 25) i`,
        [ids.teacher],
      ),
    );
    const { items, unreadCount } = await list(ids.teacher);
    expect(unreadCount).toBe(25);
    expect(items).toHaveLength(20);
    expect(items[0]!.title).toBe('Note 1');
    expect(items[19]!.title).toBe('Note 20');
  });
});

describe('what the routes refuse', () => {
  it('asks anonymous callers to sign in', async () => {
    expect((await h.app.request('/api/notifications')).status).toBe(401);
    const res = await post('/api/notifications/read', null, { all: true });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthorized');
  });

  it('answers bad input with a 4xx JSON error', async () => {
    const headers = { ...(await h.as(ids.student)), 'content-type': 'application/json' };
    const id = '99999999-0000-4000-8000-000000000000';
    const cases: [RequestInit, number][] = [
      [{ method: 'POST', headers, body: '{"all":' }, 400],
      [{ method: 'POST', headers, body: '{}' }, 400],
      [{ method: 'POST', headers, body: JSON.stringify({ all: false }) }, 400],
      [{ method: 'POST', headers, body: JSON.stringify({ ids: [] }) }, 400],
      [{ method: 'POST', headers, body: JSON.stringify({ ids: ['not-a-uuid'] }) }, 400],
      [{ method: 'POST', headers, body: JSON.stringify({ ids: id }) }, 400],
      [{ method: 'POST', headers, body: JSON.stringify({ ids: Array(101).fill(id) }) }, 400],
      [{ method: 'POST', headers, body: JSON.stringify({ ids: [id], all: true }) }, 400],
      [{ method: 'POST', headers, body: JSON.stringify({ ids: [`${id}\u0000`] }) }, 400],
      [{ method: 'POST', headers, body: '[]' }, 400],
      [{ method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: 'all' }, 415],
    ];
    for (const [init, status] of cases) {
      const res = await h.app.request('/api/notifications/read', init);
      expect(res.status, String(init.body).slice(0, 40)).toBe(status);
      expect((await res.json()).error.code).toMatch(/^[a-z_]+$/);
    }
    expect((await h.app.request('/api/notifications', { method: 'DELETE', headers })).status).toBe(404);
  });
});
