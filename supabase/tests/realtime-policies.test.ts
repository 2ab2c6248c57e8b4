import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize } from '../../server/realtime/authorize.ts';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { COMPANY, COURSE, callerOf, LIVE_SESSION, ROLES, type Role, seedFixtures, USER } from './fixtures.ts';

/**
 * Who may join (receive) and send on each Realtime topic kind, decided by the RLS policies on
 * realtime.messages (migration 20261123000500) through the very probe the server runs on join
 * (server/realtime/authorize.ts): rolled-back probe rows read and inserted as the caller.
 */

type Expect = { read: Role[]; write: Role[] };

const TOPICS: Record<string, Expect> = {
  // notifications: the user only
  [`user:${USER.student}`]: { read: ['student'], write: ['student'] },
  // announcements: enrolled learners and the course's instructor receive; the instructor sends
  [`course:${COURSE.free}`]: {
    read: ['student', 'otherStudent', 'instructor', 'employee'],
    write: ['instructor'],
  },
  // the employee's company seat is an enrollment too
  [`course:${COURSE.paid}`]: { read: ['instructor', 'employee'], write: ['instructor'] },
  // a draft nobody is enrolled in: its instructor only
  [`course:${COURSE.otherDraft}`]: { read: ['otherInstructor'], write: ['otherInstructor'] },
  // live company progress: that company's admins
  [`company:${COMPANY.acme}`]: { read: ['companyAdmin'], write: ['companyAdmin'] },
  [`company:${COMPANY.globex}`]: { read: [], write: [] },
  // a live session's Q&A and presence: its participants (admins moderate every session)
  [`session:${LIVE_SESSION.free}`]: {
    read: ['student', 'otherStudent', 'instructor', 'admin', 'employee'],
    write: ['student', 'otherStudent', 'instructor', 'admin', 'employee'],
  },
  // its moderators' channel (the queue, bans): the course's instructor and admins
  [`session-mod:${LIVE_SESSION.free}`]: { read: ['instructor', 'admin'], write: ['instructor', 'admin'] },
  // an unknown session, and a topic of no known kind
  'session:00000000-0000-4000-8000-000000000000': { read: [], write: [] },
  lobby: { read: [], write: [] },
};

describe.each(engines())('realtime topic policies on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await fresh(engine);
    await seedFixtures(t.db);
  });
  afterAll(async () => {
    await t?.drop();
  });

  for (const [topic, expected] of Object.entries(TOPICS)) {
    it(`${topic.replace(/[0-9a-f-]{36}/, '<id>')}: receive ${expected.read.join(', ') || 'nobody'}; send ${expected.write.join(', ') || 'nobody'}`, async () => {
      for (const role of ROLES) {
        const caller = callerOf(role);
        const access = await authorize(t.db, { kind: 'caller', caller }, topic);
        const read = expected.read.includes(role);
        const write = expected.write.includes(role);
        expect(access, `${role} on ${topic}`).toEqual({
          broadcast: { read, write },
          presence: { read, write },
        });
      }
    });
  }

  it('leaves no probe rows behind and lets the service role through without probing', async () => {
    expect(await authorize(t.db, { kind: 'service' }, 'anything')).toEqual({
      broadcast: { read: true, write: true },
      presence: { read: true, write: true },
    });
    const rows = await t.db.asOwner((sql) =>
      sql.query<{ n: number }>("select count(*)::int as n from realtime.messages where event = 'lms_probe'"),
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('never opens another topic through a realtime.topic setting the caller chose', async () => {
    // A probe for a topic the student may read must not show the rows of a topic they may not.
    const seen = await t.db
      .asOwner(async (sql) => {
        await sql.query(
          `insert into realtime.messages (topic, extension, event, payload, private)
           values ($1, 'broadcast', 'secret', '{}', true)`,
          [`company:${COMPANY.acme}`],
        );
        await sql.query(
          "select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true), set_config('realtime.topic', $2, true)",
          [JSON.stringify((callerOf('student') as { claims: unknown }).claims), `user:${USER.student}`],
        );
        const rows = await sql.query<{ n: number }>(
          "select count(*)::int as n from realtime.messages where event = 'secret'",
        );
        throw Object.assign(new Error('rollback'), { n: rows[0]!.n });
      })
      .catch((err: { n?: number }) => err.n);
    expect(seen).toBe(0);
  });
});
