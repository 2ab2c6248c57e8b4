import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../edge/db/port.ts';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { COURSE, callerOf, LIVE_SESSION, type Role, seedFixtures, USER } from './fixtures.ts';

/**
 * A scheduled live session moved or cancelled (supabase/migrations/20261127000100), on PGlite and
 * PostgreSQL: its participants (the course's learners and instructor) get a 'session_changed'
 * notification, except whoever made the change; a title edit or a past session tells nobody; a
 * moved session is reminded of again before its new start.
 */

type Row = Record<string, unknown>;

describe.each(engines())('live sessions moved or cancelled on %s', (engine) => {
  let t: TestDatabase;
  const owner = <T = Row>(text: string, params: unknown[] = []) => t.db.asOwner((sql) => sql.query<T>(text, params));
  const as = <T = Row>(role: Role, text: string, params: unknown[] = []) =>
    t.db.asCaller(callerOf(role), (sql: Sql) => sql.query<T>(text, params));
  const changes = () =>
    owner<{ user_id: string; title: string; body: string; link: string }>(
      `select user_id, title, body, link from public.notifications where kind = 'session_changed' order by user_id`,
    );
  let learners: string[];
  let slug: string;

  beforeAll(async () => {
    t = await fresh(engine);
    await seedFixtures(t.db);
    learners = (
      await owner<{ user_id: string }>(
        `select user_id from public.enrollments where course_id = $1 and status <> 'cancelled' order by user_id`,
        [COURSE.free],
      )
    ).map((r) => r.user_id);
    expect(learners.length).toBeGreaterThan(1);
    [{ slug } = { slug: '' }] = await owner<{ slug: string }>('select slug from public.courses where id = $1', [
      COURSE.free,
    ]);
  });
  afterAll(() => t?.drop());

  it('tells nobody of a new title or description', async () => {
    await as(
      'instructor',
      `update public.live_sessions set title = 'Office hours (Q&A)', description = 'Bring code' where id = $1`,
      [LIVE_SESSION.free],
    );
    expect(await changes()).toEqual([]);
  });

  it('tells the learners, not the instructor who moved it, and reminds them again before the new start', async () => {
    await owner('update public.live_sessions set starting_notified_at = now() where id = $1', [LIVE_SESSION.free]);
    await as(
      'instructor',
      `update public.live_sessions set starts_at = timestamptz '2031-03-04 15:30:00+00', duration_minutes = 90,
         ends_at = timestamptz '2031-03-04 17:00:00+00' where id = $1`,
      [LIVE_SESSION.free],
    );
    const told = await changes();
    expect(told.map((n) => n.user_id)).toEqual(learners.filter((u) => u !== USER.instructor));
    for (const n of told) {
      expect(n).toMatchObject({
        title: 'Moved: Office hours (Q&A)',
        body: expect.stringContaining('now starts at 2031-03-04 15:30 UTC and lasts 90 minutes'),
        link: `/learn/${slug}/sessions/${LIVE_SESSION.free}`,
      });
    }
    const [s] = await owner<{ reminded: boolean }>(
      'select starting_notified_at is not null as reminded from public.live_sessions where id = $1',
      [LIVE_SESSION.free],
    );
    expect(s).toEqual({ reminded: false });
  });

  it('tells an admin’s move to the instructor too', async () => {
    await owner(`delete from public.notifications where kind = 'session_changed'`);
    await as(
      'admin',
      `update public.live_sessions set duration_minutes = 60, ends_at = starts_at + interval '60 minutes' where id = $1`,
      [LIVE_SESSION.free],
    );
    const told = (await changes()).map((n) => n.user_id);
    expect(told).toContain(USER.instructor);
    expect(told).not.toContain(USER.admin);
  });

  it('tells nobody when a past session is moved', async () => {
    await owner(`delete from public.notifications where kind = 'session_changed'`);
    const [past] = await owner<{ id: string }>(
      `insert into public.live_sessions (course_id, title, starts_at, ends_at, created_by)
       values ($1, 'Last week', now() - interval '7 days', now() - interval '7 days' + interval '1 hour', $2) returning id`,
      [COURSE.free, USER.instructor],
    );
    await as('instructor', `update public.live_sessions set starts_at = starts_at - interval '1 hour' where id = $1`, [
      past!.id,
    ]);
    await as('instructor', 'delete from public.live_sessions where id = $1', [past!.id]);
    expect(await changes()).toEqual([]);
  });

  it('tells the learners when it is cancelled, with a link to the course', async () => {
    await as('instructor', 'delete from public.live_sessions where id = $1', [LIVE_SESSION.free]);
    const told = await changes();
    expect(told.map((n) => n.user_id)).toEqual(learners.filter((u) => u !== USER.instructor));
    for (const n of told) {
      expect(n).toMatchObject({
        title: 'Cancelled: Office hours (Q&A)',
        body: expect.stringContaining('planned for 2031-03-04 15:30 UTC is cancelled'),
        link: `/learn/${slug}`,
      });
    }
  });

  it('lets nobody call the helpers directly', async () => {
    for (const role of ['anon', 'student', 'instructor'] as const) {
      await expect(as(role, 'select private.session_participant_ids($1)', [COURSE.free])).rejects.toThrow();
    }
  });
});
