import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import { profile } from '../contract/profile.ts';

let h: EdgeHarness;
beforeAll(async () => {
  h = await makeEdgeHarness();
});
afterAll(() => h.close());

/** The project URL the harness's /api/config gives the web app. */
const PROJECT = 'http://localhost:8787';
const avatar = (uid: string, name = 'avatar.png') => `${PROJECT}/storage/v1/object/public/avatars/${uid}/${name}`;

async function patch(userId: string | null, body: unknown, contentType = 'application/json') {
  const headers: Record<string, string> = { 'content-type': contentType, ...(userId ? await h.as(userId) : {}) };
  return h.app.request('/api/profile', {
    method: 'PATCH',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('the signed-in user’s profile', () => {
  it('reads it', async () => {
    const res = await h.app.request('/api/profile', { headers: await h.as(ids.student) });
    expect(res.status).toBe(200);
    expect(profile.parse(await res.json())).toEqual({
      id: ids.student,
      email: 'student@test.local',
      firstName: 'Stu',
      lastName: 'Dent',
      profileImageUrl: null,
      role: 'student',
    });
  });

  it('changes the name (trimmed) and sets, then removes, an avatar in the own folder', async () => {
    let res = await patch(ids.student, { firstName: '  Stella ', lastName: 'Dent-Smith' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ firstName: 'Stella', lastName: 'Dent-Smith', profileImageUrl: null });

    res = await patch(ids.student, { profileImageUrl: avatar(ids.student, 'avatar-1.webp') });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      firstName: 'Stella',
      profileImageUrl: avatar(ids.student, 'avatar-1.webp'),
    });

    const relative = `/storage/v1/object/public/avatars/${ids.student}/a.jpg`;
    res = await patch(ids.student, { profileImageUrl: relative });
    expect((await res.json()).profileImageUrl).toBe(relative);

    res = await patch(ids.student, { profileImageUrl: null });
    expect(res.status).toBe(200);
    expect((await res.json()).profileImageUrl).toBeNull();
  });

  it("refuses an avatar in another user's folder, bucket or origin, and leaves the profile as it was", async () => {
    for (const url of [
      avatar(ids.other),
      `${PROJECT}/storage/v1/object/public/course-media/${ids.student}/a.png`,
      `https://evil.example/storage/v1/object/public/avatars/${ids.student}/a.png`,
      `${avatar(ids.student, '..')}/${ids.other}/a.png`,
      'javascript:alert(1)',
    ]) {
      const res = await patch(ids.student, { profileImageUrl: url });
      expect(res.status, url).toBe(400);
      expect((await res.json()).error.details[0].path).toBe('profileImageUrl');
    }
    const res = await h.app.request('/api/profile', { headers: await h.as(ids.student) });
    expect((await res.json()).profileImageUrl).toBeNull();
  });

  it('changes nothing but the caller’s own name and avatar', async () => {
    expect((await patch(ids.student, { role: 'admin' })).status).toBe(400);
    expect((await patch(ids.student, { firstName: 'X', email: 'x@y.z' })).status).toBe(400);
    const res = await h.app.request('/api/profile', { headers: await h.as(ids.other) });
    expect((await res.json()).firstName).toBe('Oth');
  });
});

describe('what the routes refuse', () => {
  it('asks anonymous callers to sign in', async () => {
    expect((await h.app.request('/api/profile')).status).toBe(401);
    expect((await patch(null, { firstName: 'A' })).status).toBe(401);
  });

  it('answers bad input with a 4xx JSON error', async () => {
    const cases: [unknown, number, string?][] = [
      ['{"firstName":', 400],
      [{}, 400],
      [[], 400],
      [{ firstName: 42 }, 400],
      [{ firstName: 'a'.repeat(101) }, 400],
      [{ lastName: 'new\nline' }, 400],
      [{ firstName: 'nul\u0000' }, 400],
      [{ profileImageUrl: 5 }, 400],
      [{ profileImageUrl: `${avatar(ids.student)}${'a'.repeat(1100)}` }, 400],
      ['firstName=A', 415, 'application/x-www-form-urlencoded'],
    ];
    for (const [body, status, type] of cases) {
      const res = await patch(ids.student, body, type);
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(status);
      expect((await res.json()).error.code).toMatch(/^[a-z_]+$/);
    }
  });

  it('answers a token for a user without a profile with a 404', async () => {
    const ghost = '99999999-0000-4000-8000-000000000000';
    expect((await h.app.request('/api/profile', { headers: await h.as(ghost) })).status).toBe(404);
    expect((await patch(ghost, { firstName: 'Ghost' })).status).toBe(404);
  });
});
