import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';

/**
 * An instructor's profile picture is also their instructor card's picture: PATCH /api/profile
 * moves public.instructors.avatar_url with profile_image_url, in the same transaction, and the
 * course page's instructor card (GET /api/courses/:slug) shows it.
 */

const PROJECT = 'http://localhost:8787';
const avatar = (uid: string, name: string) => `${PROJECT}/storage/v1/object/public/avatars/${uid}/${name}`;

for (const engine of engines()) {
  describe(`the instructor card follows the profile picture (${engine})`, () => {
    let database: TestDatabase;
    let h: EdgeHarness;
    beforeAll(async () => {
      database = await fresh(engine);
      h = await makeEdgeHarness({ db: database.db });
    });
    afterAll(async () => {
      await h?.close();
      await database?.drop();
    });

    const patch = async (userId: string, body: unknown) =>
      h.app.request('/api/profile', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', ...(await h.as(userId)) },
        body: JSON.stringify(body),
      });
    const card = async () =>
      (
        await h.db.asOwner((sql) =>
          sql.query<{ avatar_url: string | null }>('select avatar_url from public.instructors where user_id = $1', [
            ids.teacher,
          ]),
        )
      )[0]?.avatar_url;
    const coursePageAvatar = async () => {
      const res = await h.app.request('/api/courses/intro-to-html');
      expect(res.status).toBe(200);
      return ((await res.json()) as { instructor: { avatarUrl: string | null } }).instructor.avatarUrl;
    };

    it('sets, changes and removes the card picture with the profile picture', async () => {
      expect(await card()).toBeNull();
      const first = avatar(ids.teacher, 'avatar-1.webp');
      expect((await patch(ids.teacher, { profileImageUrl: first })).status).toBe(200);
      expect(await card()).toBe(first);
      expect(await coursePageAvatar()).toBe(first);

      const relative = `/storage/v1/object/public/avatars/${ids.teacher}/avatar-2.png`;
      expect((await patch(ids.teacher, { profileImageUrl: relative })).status).toBe(200);
      expect(await card()).toBe(relative);

      expect((await patch(ids.teacher, { profileImageUrl: null })).status).toBe(200);
      expect(await card()).toBeNull();
      expect(await coursePageAvatar()).toBeNull();
    });

    it('leaves the card alone when only the name changes or the picture is refused', async () => {
      const kept = avatar(ids.teacher, 'kept.png');
      expect((await patch(ids.teacher, { profileImageUrl: kept })).status).toBe(200);
      expect((await patch(ids.teacher, { firstName: 'Teacher' })).status).toBe(200);
      expect(await card()).toBe(kept);
      expect((await patch(ids.teacher, { profileImageUrl: avatar(ids.other, 'x.png') })).status).toBe(400);
      expect(await card()).toBe(kept);
    });

    it("changes no one else's card when a student sets a picture", async () => {
      const before = await card();
      expect((await patch(ids.student, { profileImageUrl: avatar(ids.student, 'me.png') })).status).toBe(200);
      expect(await card()).toBe(before);
      const cards = await h.db.asOwner((sql) =>
        sql.query<{ n: number }>('select count(*)::int as n from public.instructors where avatar_url is not null'),
      );
      expect(cards[0]?.n).toBe(1);
    });
  });
}
