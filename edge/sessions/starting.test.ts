import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import { notifySessionsStarting } from './starting.ts';

/**
 * "Live session starting" reminders (private.notify_sessions_starting, run by the Node host every
 * minute): the participants of a session starting within 15 minutes are told once, with a link to
 * the session; a later or an ended session tells nobody; a cancelled enrollment is not told.
 */

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

// A loop, not describe.each: the Deno lane's vitest shim has no .each.
for (const engine of engines()) {
  describe(`session reminders on ${engine}`, () => {
    let t: TestDatabase;
    let h: EdgeHarness;
    beforeAll(async () => {
      t = await fresh(engine);
      h = await makeEdgeHarness({ db: t.db });
      await h.db.runScript(`
        insert into public.enrollments (user_id, course_id) values ('${ids.student}', '${ids.free}');
        insert into public.enrollments (user_id, course_id, status) values ('${ids.other}', '${ids.free}', 'cancelled');
      `);
    }, 120_000);
    afterAll(async () => {
      await h?.close();
      await t?.drop();
    });

    const reminders = () =>
      h.db.asOwner((sql) =>
        sql.query<{ user_id: string; title: string; link: string }>(
          `select user_id, title, link from public.notifications where kind = 'session_starting' order by user_id`,
        ),
      );
    const schedule = async (title: string, startsAt: string, status = 'scheduled') => {
      const [row] = await h.db.asOwner((sql) =>
        sql.query<{ id: string }>(
          `insert into public.live_sessions (course_id, title, starts_at, status) values ($1, $2, $3, $4) returning id`,
          [ids.free, title, startsAt, status],
        ),
      );
      return row!.id;
    };

    it('tells the learners and the instructor once, when the session starts within 15 minutes', async () => {
      const soon = await schedule('Office hours', minutes(10));
      await schedule('Next week', minutes(7 * 24 * 60));
      await schedule('Already over', minutes(5), 'ended');

      expect(await h.db.asService(notifySessionsStarting)).toBe(2);
      const told = await reminders();
      expect(told.map((n) => n.user_id).sort()).toEqual([ids.student, ids.teacher].sort());
      expect(told[0]).toMatchObject({ title: 'Starting soon: Office hours' });
      expect(told[0]!.link).toMatch(new RegExp(`^/learn/[a-z0-9-]+/sessions/${soon}$`));

      // Once only.
      expect(await h.db.asService(notifySessionsStarting)).toBe(0);
      expect(await reminders()).toHaveLength(2);
    });

    it('is not open to request roles', async () => {
      const denied = h.db
        .asCaller(
          { role: 'authenticated', claims: { sub: ids.student, role: 'authenticated' } },
          notifySessionsStarting,
        )
        .then(
          () => 'ran',
          (err: { code?: string }) => err.code,
        );
      expect(await denied).toBe('42501');
    });
  });
}
