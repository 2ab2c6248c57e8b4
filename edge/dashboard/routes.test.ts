import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import { dashboard } from '../contract/dashboard.ts';

/**
 * The learner's dashboard with company assignments: the student is an employee of Acme and of
 * Globex, both assign the free course (Acme's due date is the earlier one, and past), Globex
 * assigns the paid course without a due date, Acme assigned the pricey course and took it back.
 * Another employee's assignments never show, and the student sees the companies' names only.
 */

const ACME = '80000000-0000-4000-8000-00000000f0a1';
const GLOBEX = '80000000-0000-4000-8000-00000000f0b1';

const FIXTURE = `
insert into public.companies (id, slug, name) values ('${ACME}', 'dash-acme', 'Acme'), ('${GLOBEX}', 'dash-globex', 'Globex');
insert into public.company_members (company_id, user_id, role) values
  ('${ACME}', '${ids.student}', 'employee'), ('${GLOBEX}', '${ids.student}', 'employee'),
  ('${ACME}', '${ids.other}', 'employee');
insert into public.enrollments (user_id, course_id, source) values
  ('${ids.student}', '${ids.free}', 'company'), ('${ids.student}', '${ids.paid}', 'company'),
  ('${ids.student}', '${ids.pricey}', 'company'), ('${ids.other}', '${ids.free}', 'company');
insert into public.company_assignments (company_id, course_id, user_id, due_at, unassigned_at) values
  ('${ACME}', '${ids.free}', '${ids.student}', '2020-01-31T23:59:59.999Z', null),
  ('${GLOBEX}', '${ids.free}', '${ids.student}', '2099-06-30T23:59:59.999Z', null),
  ('${GLOBEX}', '${ids.paid}', '${ids.student}', null, null),
  ('${ACME}', '${ids.pricey}', '${ids.student}', '2020-01-01T00:00:00Z', now()),
  ('${ACME}', '${ids.free}', '${ids.other}', '2099-01-01T00:00:00Z', null);
`;

// A loop, not describe.each: the Deno lane's vitest shim has no .each.
for (const engine of engines()) {
  describe(`the dashboard's company assignments on ${engine}`, () => {
    let t: TestDatabase;
    let h: EdgeHarness;

    beforeAll(async () => {
      t = await fresh(engine);
      h = await makeEdgeHarness({ db: t.db });
      await h.db.runScript(FIXTURE);
    }, 180_000);
    afterAll(async () => {
      await h?.close();
      await t?.drop();
    });

    const board = async (userId: string) => {
      const res = await h.app.request('/api/me/dashboard', { headers: await h.as(userId) });
      expect(res.status).toBe(200);
      return dashboard.parse(await res.json());
    };
    const byId = (b: Awaited<ReturnType<typeof board>>) => new Map(b.courses.map((c) => [c.course.id, c.assignment]));

    it('shows the earliest due active assignment of each course, overdue when past and not completed', async () => {
      const mine = byId(await board(ids.student));
      expect(mine.get(ids.free)).toEqual({ companyName: 'Acme', dueAt: '2020-01-31T23:59:59.999Z', overdue: true });
      expect(mine.get(ids.paid)).toEqual({ companyName: 'Globex', dueAt: null, overdue: false });
      // Taken back: an enrollment without an active assignment.
      expect(mine.get(ids.pricey)).toBeNull();
    });

    it("shows another employee only their own assignment, never a colleague's", async () => {
      const theirs = byId(await board(ids.other));
      expect([...theirs.keys()]).toEqual([ids.free]);
      expect(theirs.get(ids.free)).toEqual({ companyName: 'Acme', dueAt: '2099-01-01T00:00:00.000Z', overdue: false });
    });

    it('is not overdue once the course is completed', async () => {
      await h.db.asOwner((sql) =>
        sql.query(
          `update public.enrollments set status = 'completed', completed_at = now()
           where user_id = $1 and course_id = $2`,
          [ids.student, ids.free],
        ),
      );
      expect(byId(await board(ids.student)).get(ids.free)).toMatchObject({ companyName: 'Acme', overdue: false });
    });

    it('answers null for learners without a company', async () => {
      await h.db.runScript(
        `insert into public.enrollments (user_id, course_id) values ('${ids.teacher}', '${ids.free}')`,
      );
      const theirs = await board(ids.teacher);
      expect(theirs.courses.map((c) => c.assignment)).toEqual([null]);
    });
  });
}
