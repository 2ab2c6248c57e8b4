import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import { cohortNoteState } from '../contract/notes.ts';

const note = `/api/lessons/${ids.l2}/cohort-note`;

for (const engine of engines()) {
  describe(`cohort note lock on ${engine}`, () => {
    let h: EdgeHarness;
    let database: TestDatabase;
    beforeAll(async () => {
      database = await fresh(engine);
      h = await makeEdgeHarness({ db: database.db });
      await h.db.asOwner((sql) =>
        sql.query(`insert into public.enrollments (user_id, course_id, source) values ($1, $2, 'free')`, [
          ids.student,
          ids.free,
        ]),
      );
    });
    afterAll(async () => {
      await h?.close();
      await database?.drop();
    });

    async function call(method: string, path: string, userId: string | null, body?: unknown) {
      const headers: Record<string, string> = userId ? await h.as(userId) : {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      return h.app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    }
    const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

    it('a learner reads the state but cannot lock it (403); strangers get 404', async () => {
      const res = await call('GET', note, ids.student);
      expect(res.status).toBe(200);
      expect(cohortNoteState.parse(await res.json())).toEqual({
        lessonId: ids.l2,
        locked: false,
        lockedAt: null,
        canLock: false,
      });
      const lock = await call('PUT', `${note}/lock`, ids.student, { locked: true });
      expect(lock.status).toBe(403);
      expect(await code(lock)).toBe('not_manager');

      for (const path of [note, `/api/lessons/${ids.lPaid}/cohort-note`]) {
        const stranger = await call('GET', path, ids.other);
        expect(stranger.status).toBe(404);
        expect(await code(stranger)).toBe('lesson_not_found');
      }
      const strangerLock = await call('PUT', `${note}/lock`, ids.other, { locked: true });
      expect(strangerLock.status).toBe(404);
      expect((await call('GET', note, null)).status).toBe(401);
    });

    it('the instructor locks and unlocks; the learner sees the lock', async () => {
      const locked = await call('PUT', `${note}/lock`, ids.teacher, { locked: true });
      expect(locked.status).toBe(200);
      const state = cohortNoteState.parse(await locked.json());
      expect(state).toMatchObject({ lessonId: ids.l2, locked: true, canLock: true });
      expect(state.lockedAt).not.toBeNull();
      const seen = cohortNoteState.parse(await (await call('GET', note, ids.student)).json());
      expect(seen).toMatchObject({ locked: true, lockedAt: state.lockedAt, canLock: false });
      const admin = cohortNoteState.parse(await (await call('GET', note, ids.admin)).json());
      expect(admin.canLock).toBe(true);

      const unlocked = await call('PUT', `${note}/lock`, ids.teacher, { locked: false });
      expect(cohortNoteState.parse(await unlocked.json())).toMatchObject({ locked: false, lockedAt: null });
    });

    it('bad input is a 4xx, never a 500', async () => {
      expect((await call('GET', '/api/lessons/not-a-uuid/cohort-note', ids.student)).status).toBe(404);
      expect((await call('PUT', `${note}/lock`, ids.teacher, { locked: 'yes' })).status).toBe(400);
      expect((await call('PUT', `${note}/lock`, ids.teacher, { locked: true, extra: 1 })).status).toBe(400);
      expect((await call('PUT', `${note}/lock`, ids.teacher, {})).status).toBe(400);
      const raw = await h.app.request(`${note}/lock`, {
        method: 'PUT',
        headers: { ...(await h.as(ids.teacher)), 'content-type': 'application/json' },
        body: '{',
      });
      expect(raw.status).toBe(400);
      expect(
        (await call('PUT', `/api/lessons/${crypto.randomUUID()}/cohort-note/lock`, ids.teacher, { locked: true }))
          .status,
      ).toBe(404);
    });
  });
}
