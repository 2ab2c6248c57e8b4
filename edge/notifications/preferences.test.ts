import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import type { NotificationList, NotificationPreferences } from '../api-types.ts';
import { notificationList, notificationPreferences } from '../contract/notifications.ts';

/** GET and PUT /api/me/notification-preferences (docs/notifications.md), and the bell honouring them. */

const PATH = '/api/me/notification-preferences';
let h: EdgeHarness;
beforeAll(async () => {
  h = await makeEdgeHarness();
});
afterAll(() => h.close());

async function put(userId: string | null, body: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(userId ? await h.as(userId) : {}) };
  return h.app.request(PATH, { method: 'PUT', headers, body: JSON.stringify(body) });
}
async function get(userId: string): Promise<NotificationPreferences> {
  const res = await h.app.request(PATH, { headers: await h.as(userId) });
  expect(res.status).toBe(200);
  return notificationPreferences.parse(await res.json());
}
const byCategory = (p: NotificationPreferences) => Object.fromEntries(p.categories.map((c) => [c.category, c]));

describe('notification preferences', () => {
  it('refuses anonymous callers with a 401', async () => {
    expect((await h.app.request(PATH)).status).toBe(401);
    const res = await put(null, { digest: 'daily' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('shows the defaults to a user who never chose', async () => {
    expect(await get(ids.student)).toEqual({
      categories: [
        { category: 'learning', inApp: true, email: true },
        { category: 'grades', inApp: true, email: true },
        { category: 'live', inApp: true, email: true },
        { category: 'announcements', inApp: true, email: false },
        { category: 'account', inApp: true, email: false },
      ],
      digest: 'off',
      essentialOnly: false,
    });
  });

  it('saves the categories given and the digest, and keeps them to their owner', async () => {
    const res = await put(ids.student, {
      categories: [
        { category: 'learning', inApp: false, email: false },
        { category: 'announcements', inApp: true, email: true },
      ],
      digest: 'weekly',
    });
    expect(res.status).toBe(200);
    const saved = notificationPreferences.parse(await res.json());
    expect(byCategory(saved).learning).toEqual({ category: 'learning', inApp: false, email: false });
    expect(byCategory(saved).announcements).toEqual({ category: 'announcements', inApp: true, email: true });
    expect(byCategory(saved).grades).toEqual({ category: 'grades', inApp: true, email: true });
    expect(saved.digest).toBe('weekly');
    expect(await get(ids.student)).toEqual(saved);

    // Another user's view is their own (the defaults), and the essential switch alone keeps the digest.
    expect(byCategory(await get(ids.other)).learning).toEqual({ category: 'learning', inApp: true, email: true });
    const switched = await put(ids.student, { essentialOnly: true });
    expect(notificationPreferences.parse(await switched.json())).toMatchObject({
      digest: 'weekly',
      essentialOnly: true,
    });
  });

  it('honours the bell switch when the platform notifies (no welcome for learning off)', async () => {
    const enrolled = await h.app.request('/api/enrollments', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await h.as(ids.student)) },
      body: JSON.stringify({ courseId: ids.free }),
    });
    expect(enrolled.status).toBe(201);
    const res = await h.app.request('/api/notifications', { headers: await h.as(ids.student) });
    const list: NotificationList = notificationList.parse(await res.json());
    expect(list.items.filter((n) => n.kind === 'enrollment')).toEqual([]);
  });

  it('answers 422 for an unknown or repeated category and for the account bell off', async () => {
    const unknown = await put(ids.student, { categories: [{ category: 'spam', inApp: true, email: true }] });
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({ error: { code: 'unknown_category' } });
    const twice = await put(ids.student, {
      categories: [
        { category: 'grades', inApp: true, email: true },
        { category: 'grades', inApp: false, email: true },
      ],
    });
    expect(twice.status).toBe(422);
    const account = await put(ids.student, { categories: [{ category: 'account', inApp: false, email: true }] });
    expect(account.status).toBe(422);
    expect(await account.json()).toMatchObject({ error: { code: 'essential_in_app' } });
    // Nothing of a refused request was saved.
    expect(byCategory(await get(ids.student)).grades).toEqual({ category: 'grades', inApp: true, email: true });
  });

  it('answers 400 for a malformed body (wrong types, unknown fields, bad digest)', async () => {
    for (const body of [
      { digest: 'hourly' },
      { categories: [{ category: 'grades', inApp: 'no', email: true }] },
      { categories: 'grades' },
      { essentialOnly: true, extra: 1 },
    ]) {
      const res = await put(ids.student, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'bad_request' } });
    }
  });
});
