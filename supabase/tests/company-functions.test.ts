import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, SERVICE_PARAMS, SET_CALLER_SQL, type Sql } from '../../edge/db/port.ts';
import { engines, fresh, TEST_DATABASE_URL, type TestDatabase } from '../../tests/support/db.ts';
import { CARD, COMPANY, seedFixtures, USER } from './fixtures.ts';
import { COMPANY_INVITATION } from './fixtures-company.ts';

/**
 * Company learning (supabase/migrations/20261125000200) on PGlite and PostgreSQL: isolation between
 * companies and from employees, invitations (reuse, expiry, another email), exact seat accounting
 * (20 concurrent assignments against 10 seats on separate PostgreSQL connections), removal, and
 * imports (bad rows, duplicates, formulas kept verbatim, 2,000 rows, re-import, a removal meanwhile).
 */

type Row = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: answers are JSON, read loosely in assertions
type Json = Record<string, any>;
type Failure = { code?: string; hint?: string; message: string };

describe.each(engines())('company learning on %s', (engine) => {
  let t: TestDatabase;
  let serial = 0;
  const next = () => ++serial;
  const uuid = (group: number, n: number) =>
    `00000000-0000-4000-9${group.toString().padStart(3, '0')}-${n.toString().padStart(12, '0')}`;

  const owner = <T = Row>(text: string, params: unknown[] = []) => t.db.asOwner((sql) => sql.query<T>(text, params));
  const callerFor = (user: string, email = `${user}@example.test`): Caller => ({
    role: 'authenticated',
    claims: { sub: user, role: 'authenticated', aud: 'authenticated', email },
  });
  const call = async (user: string | 'service', fn: string, args: unknown[]): Promise<Json> => {
    const text = `select public.${fn}(${args.map((_, i) => `$${i + 1}`).join(', ')}) as r`;
    const run = (sql: Sql) => sql.query<{ r: Json }>(text, args);
    const rows = user === 'service' ? await t.db.asService(run) : await t.db.asCaller(callerFor(user), run);
    return rows[0]!.r;
  };
  async function hint(run: () => Promise<unknown>): Promise<string> {
    try {
      await run();
    } catch (error) {
      const f = error as Failure;
      return f.hint || f.code || f.message;
    }
    throw new Error('expected a failure');
  }

  async function newUser(email?: string): Promise<string> {
    const id = uuid(400, next());
    await owner('insert into auth.users (id, email, raw_user_meta_data) values ($1, $2, $3)', [
      id,
      email ?? `${id}@example.test`,
      JSON.stringify({ first_name: 'Emma', last_name: `Employee ${id.slice(-4)}` }),
    ]);
    return id;
  }
  /** A company with an admin and `seats` seats of a new published course (admin-added). */
  async function newCompany(seats: number): Promise<{ company: string; admin: string; course: string }> {
    const n = next();
    const company = uuid(401, n);
    const course = uuid(402, n);
    const admin = await newUser();
    await owner('insert into public.companies (id, slug, name) values ($1, $2, $3)', [company, `co-${n}`, `Co ${n}`]);
    await owner(`insert into public.company_members (company_id, user_id, role) values ($1, $2, 'admin')`, [
      company,
      admin,
    ]);
    await owner(
      `insert into public.courses (id, slug, title, instructor_id, status, price_amount)
       values ($1, $2, $3, $4, 'published', 4900)`,
      [course, `company-course-${n}`, `Company course ${n}`, CARD.instructor],
    );
    if (seats > 0) await call('service', 'admin_add_company_seats', [company, course, seats, 'test']);
    return { company, admin, course };
  }
  async function addMember(company: string, email?: string): Promise<string> {
    const user = await newUser(email);
    await owner('insert into public.company_members (company_id, user_id) values ($1, $2)', [company, user]);
    return user;
  }
  const assign = (by: string | 'service', company: string, spec: Json) =>
    call(by, 'assign_company_learning', [company, JSON.stringify(spec)]);
  const seats = async (by: string, company: string, course: string) =>
    ((await call(by, 'company_report', [company])).seats as Json[]).find((s) => s.courseId === course);

  beforeAll(async () => {
    t = await fresh(engine);
    await seedFixtures(t.db);
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it("refuses a company admin another company's people, seats, reports and invitations (404, no oracle)", async () => {
    const acmeAdmin = USER.companyAdmin;
    const globex = COMPANY.globex;
    const [globexInvite] = await owner<{ id: string }>(
      `insert into public.company_invitations (company_id, email, token_sha256)
       values ($1, 'g@example.test', sha256('g')) returning id`,
      [globex],
    );
    expect(await hint(() => call(acmeAdmin, 'company_report', [globex]))).toBe('404:company_not_found');
    expect(await hint(() => call(acmeAdmin, 'company_report', [uuid(499, 1)]))).toBe('404:company_not_found');
    expect(await hint(() => call(acmeAdmin, 'remove_company_member', [globex, USER.otherStudent]))).toBe(
      '404:company_not_found',
    );
    expect(
      await hint(() => assign(acmeAdmin, globex, { userIds: [USER.otherStudent], courseId: CARD.instructor })),
    ).toBe('404:company_not_found');
    expect(await hint(() => call(acmeAdmin, 'import_company_members', [globex, '[]', null]))).toBe(
      '404:company_not_found',
    );
    expect(await hint(() => call(acmeAdmin, 'resend_company_invitation', [globexInvite!.id]))).toBe(
      '404:invitation_not_found',
    );
    expect(await hint(() => call(acmeAdmin, 'revoke_company_invitation', [globexInvite!.id]))).toBe(
      '404:invitation_not_found',
    );
    expect(await hint(() => call(acmeAdmin, 'admin_add_company_seats', [COMPANY.acme, CARD.instructor, 5, '']))).toBe(
      '403:forbidden',
    );
    // Acme's admin cannot pull a globex member into an acme assignment either.
    const [course] = await owner<{ id: string }>(
      `select course_id as id from public.seat_purchases where company_id = $1`,
      [COMPANY.acme],
    );
    const r = await assign(acmeAdmin, COMPANY.acme, { userIds: [USER.otherStudent], courseId: course!.id });
    expect(r.results[0].status).toBe('not_member');
    // Through RLS: nothing of globex's invitations, seats or memberships.
    const rows = await t.db.asCaller(callerFor(acmeAdmin, 'companyAdmin@example.test'), (sql) =>
      sql.query<{ n: number }>(
        `select (select count(*) from public.company_invitations where company_id = $1)
              + (select count(*) from public.seat_purchases where company_id = $1)
              + (select count(*) from public.company_members where company_id = $1)
              + (select count(*) from public.company_assignments where company_id = $1) as n`,
        [globex],
      ),
    );
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it("keeps colleagues' progress and the report from an employee", async () => {
    const { company, admin, course } = await newCompany(3);
    const me = await addMember(company);
    const colleague = await addMember(company);
    await assign(admin, company, { userIds: [me, colleague], courseId: course });
    expect(await hint(() => call(me, 'company_report', [company]))).toBe('404:company_not_found');
    const seen = await t.db.asCaller(callerFor(me), (sql) =>
      sql.query<{ a: number; e: number; i: number; g: number }>(
        `select (select count(*) from public.company_assignments)::int as a,
                (select count(*) from public.enrollments where user_id = $1)::int as e,
                (select count(*) from public.company_invitations)::int as i,
                (select count(*) from public.lesson_progress where user_id = $1)::int as g`,
        [colleague],
      ),
    );
    expect(seen[0]).toEqual({ a: 1, e: 0, i: 0, g: 0 });
  });

  it('accepts an invitation once, by its email, before it expires', async () => {
    const { company, admin, course } = await newCompany(2);
    const invitee = await newUser(`invitee-${engine}@example.test`);
    const other = await newUser();
    const inv = await call(admin, 'create_company_invitation', [
      company,
      ` Invitee-${engine}@Example.test `,
      null,
      'In',
    ]);
    expect(inv.email).toBe(`invitee-${engine}@example.test`);
    expect(inv.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await owner<{ n: number }>(
      'select count(*)::int as n from public.company_invitations where token_sha256 = sha256(convert_to($1, $2))',
      [inv.token, 'UTF8'],
    );
    expect(stored[0]!.n).toBe(1);
    expect(await hint(() => call(admin, 'create_company_invitation', [company, inv.email, null, '']))).toBe(
      '409:already_invited',
    );
    // A pending invitee holds a seat.
    const a = await assign(admin, company, {
      invitationIds: [inv.id],
      courseId: course,
      dueAt: '2030-01-31T00:00:00Z',
    });
    expect(a.results[0].status).toBe('assigned');
    expect((await seats(admin, company, course))!.free).toBe(1);

    expect(await hint(() => call(other, 'accept_company_invitation', [inv.token]))).toBe('403:invitation_wrong_email');
    expect(await hint(() => call(invitee, 'accept_company_invitation', ['not-a-token']))).toBe(
      '404:invitation_invalid',
    );
    const ok = await call(invitee, 'accept_company_invitation', [inv.token]);
    expect(ok).toMatchObject({ companyId: company, role: 'employee', enrolledCourseIds: [course] });
    const [e] = await owner<{ status: string; source: string }>(
      'select status, source from public.enrollments where user_id = $1 and course_id = $2',
      [invitee, course],
    );
    expect(e).toEqual({ status: 'active', source: 'company' });
    expect(await hint(() => call(invitee, 'accept_company_invitation', [inv.token]))).toBe('409:invitation_used');
    expect((await seats(admin, company, course))!.free).toBe(1);

    // Expired, and revoked.
    const late = await newUser(`late-${engine}@example.test`);
    const inv2 = await call(admin, 'create_company_invitation', [company, `late-${engine}@example.test`, null, '']);
    await owner(`update public.company_invitations set expires_at = now() - interval '1 second' where id = $1`, [
      inv2.id,
    ]);
    expect(await hint(() => call(late, 'accept_company_invitation', [inv2.token]))).toBe('410:invitation_expired');
    const again = await call(admin, 'resend_company_invitation', [inv2.id]);
    expect(again.token).not.toBe(inv2.token);
    expect(await hint(() => call(late, 'accept_company_invitation', [inv2.token]))).toBe('404:invitation_invalid');
    await call(admin, 'revoke_company_invitation', [inv2.id]);
    expect(await hint(() => call(late, 'accept_company_invitation', [again.token]))).toBe('404:invitation_invalid');
    expect(await hint(() => call(admin, 'resend_company_invitation', [inv.id]))).toBe('409:invitation_used');
    // The fixture invitation belongs to acme: not this admin's.
    expect(await hint(() => call(admin, 'revoke_company_invitation', [COMPANY_INVITATION.acmeNewHire]))).toBe(
      '404:invitation_not_found',
    );
  });

  it('assigns exactly the free seats when 20 assignments race for 10', async () => {
    const { company, admin, course } = await newCompany(10);
    const members: string[] = [];
    for (let i = 0; i < 20; i++) members.push(await addMember(company));
    const spec = (user: string) => JSON.stringify({ userIds: [user], courseId: course });
    let statuses: string[];
    if (engine === 'postgres') {
      // Separate connections, each in its own transaction, all started before any commits.
      const [{ db: name }] = (await owner<{ db: string }>('select current_database() as db')) as [{ db: string }];
      const url = new URL(TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      const clients = members.map(() => new pg.Client({ connectionString: url.toString() }));
      await Promise.all(clients.map((c) => c.connect()));
      try {
        await Promise.all(clients.map((c) => c.query('begin')));
        await Promise.all(clients.map((c) => c.query(SET_CALLER_SQL, SERVICE_PARAMS)));
        const answers = await Promise.all(
          clients.map(async (c, i) => {
            const { rows } = await c.query('select public.assign_company_learning($1, $2) as r', [
              company,
              spec(members[i]!),
            ]);
            await c.query('commit');
            return rows[0].r.results[0].status as string;
          }),
        );
        statuses = answers;
      } finally {
        await Promise.all(clients.map((c) => c.end()));
      }
    } else {
      statuses = await Promise.all(
        members.map(async (m) => (await assign(admin, company, { userIds: [m], courseId: course })).results[0].status),
      );
    }
    expect(statuses.filter((s) => s === 'assigned')).toHaveLength(10);
    expect(statuses.filter((s) => s === 'no_seat')).toHaveLength(10);
    const [n] = await owner<{ a: number; e: number }>(
      `select (select count(*) from public.company_assignments where company_id = $1 and unassigned_at is null)::int as a,
              (select count(*) from public.enrollments where course_id = $2 and source = 'company'
                 and status = 'active')::int as e`,
      [company, course],
    );
    expect(n).toEqual({ a: 10, e: 10 });
    const refused = await assign(admin, company, {
      userIds: [members.find((_, i) => statuses[i] === 'no_seat')!],
      courseId: course,
    });
    expect(refused.results[0]).toMatchObject({ status: 'no_seat', message: expect.stringContaining('buy more seats') });
  });

  it('frees the seat of a removed member and keeps their records', async () => {
    const { company, admin, course } = await newCompany(1);
    const leaver = await addMember(company);
    const waiting = await addMember(company);
    await assign(admin, company, { userIds: [leaver], courseId: course, dueAt: '2030-01-01T00:00:00Z' });
    expect((await assign(admin, company, { userIds: [waiting], courseId: course })).results[0].status).toBe('no_seat');
    const removed = await call(admin, 'remove_company_member', [company, leaver]);
    expect(removed).toEqual({ userId: leaver, status: 'removed', unassigned: 1 });
    const [e] = await owner<{ status: string }>('select status from public.enrollments where user_id = $1', [leaver]);
    expect(e!.status).toBe('cancelled');
    const report = await call(admin, 'company_report', [company]);
    const row = (report.members as Json[]).find((m) => m.id === leaver)!;
    expect(row).toMatchObject({ status: 'removed' });
    expect(row.courses).toEqual([
      expect.objectContaining({ courseId: course, active: false, enrollmentStatus: 'cancelled' }),
    ]);
    expect((await assign(admin, company, { userIds: [waiting], courseId: course })).results[0].status).toBe('assigned');
    // The removed member no longer reads the company; the last admin cannot be removed.
    const seen = await t.db.asCaller(callerFor(leaver), (sql) =>
      sql.query<{ n: number }>('select count(*)::int as n from public.companies where id = $1', [company]),
    );
    expect(seen[0]!.n).toBe(0);
    expect(await hint(() => call(admin, 'remove_company_member', [company, admin]))).toBe('409:last_admin');
  });

  it('imports rows with a per-row report, names verbatim, idempotently', async () => {
    const { company, admin, course } = await newCompany(5);
    const member = await addMember(company, `member-${engine}@example.test`);
    const rows = [
      { name: "=cmd|' /C calc'!A0", email: `formula-${engine}@example.test`, group: 'Sales' },
      { name: 'Bad', email: 'not-an-email', group: '' },
      { name: 'Dup', email: `FORMULA-${engine}@example.test`, group: '' },
      { name: 'Member', email: `member-${engine}@example.test`, group: 'Engineering' },
      { name: 'Ann', email: `ann-${engine}@example.test`, group: 'sales' },
      { name: 'Bo', email: `bo-${engine}@example.test` },
      { name: 'Cy', email: `cy-${engine}@example.test`, group: 'Ops' },
      { name: 'Di', email: `di-${engine}@example.test`, group: 'Ops' },
      { name: 'Ed', email: `ed-${engine}@example.test`, group: 'Ops' },
    ];
    const assignSpec = JSON.stringify({ courseId: course, dueAt: '2030-06-30T00:00:00Z' });
    const first = await call(admin, 'import_company_members', [company, JSON.stringify(rows), assignSpec]);
    expect(first.rows.map((r: Json) => r.status)).toEqual([
      'invited',
      'invalid_email',
      'duplicate_in_file',
      'already_member',
      'invited',
      'invited',
      'invited',
      'no_seat',
      'no_seat',
    ]);
    expect(first.rows[7].message).toContain('buy more seats');
    expect(first.rows[7].token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.rows[3].token).toBeNull();
    expect(first.summary).toEqual({
      invited: 6,
      alreadyMember: 1,
      alreadyInvited: 0,
      failed: 2,
      assigned: 5,
      noSeat: 2,
    });
    const [stored] = await owner<{ name: string; grp: string }>(
      `select v.name, g.name as grp from public.company_invitations v join public.company_groups g on g.id = v.group_id
       where v.email = $1`,
      [`formula-${engine}@example.test`],
    );
    expect(stored).toEqual({ name: "=cmd|' /C calc'!A0", grp: 'Sales' });
    const groups = await owner<{ name: string }>(
      'select name from public.company_groups where company_id = $1 order by 1',
      [company],
    );
    expect(groups.map((g) => g.name)).toEqual(['Ops', 'Sales']);
    expect((await seats(admin, company, course))!.free).toBe(0);
    expect(member).toBeTruthy();

    const count = async () =>
      (
        await owner<{ i: number; a: number }>(
          `select (select count(*) from public.company_invitations where company_id = $1)::int as i,
                  (select count(*) from public.company_assignments where company_id = $1)::int as a`,
          [company],
        )
      )[0];
    const before = await count();
    const again = await call(admin, 'import_company_members', [company, JSON.stringify(rows), assignSpec]);
    expect(again.rows.map((r: Json) => r.status)).toEqual([
      'already_invited',
      'invalid_email',
      'duplicate_in_file',
      'already_member',
      'already_invited',
      'already_invited',
      'already_invited',
      'no_seat',
      'no_seat',
    ]);
    expect(again.rows.every((r: Json) => r.token === null)).toBe(true);
    expect(await count()).toEqual(before);

    expect(await hint(() => call(admin, 'import_company_members', [company, '{}', null]))).toBe('422:invalid_rows');
    const tooMany = JSON.stringify(Array.from({ length: 5001 }, (_, i) => ({ name: '', email: `x${i}@example.test` })));
    expect(await hint(() => call(admin, 'import_company_members', [company, tooMany, null]))).toBe('422:too_many_rows');
  });

  it('refuses emails holding control or invisible characters (20261201000100)', async () => {
    const { company, admin } = await newCompany(0);
    const bad = [
      `bel\u0007-${engine}@example.test`,
      `esc\u001b-${engine}@example.test`,
      `del\u007f-${engine}@example.test`,
      `zw\u200b-${engine}@example.test`,
      `rtl\u202e-${engine}@example.test`,
      `bom\ufeff-${engine}@example.test`,
    ];
    const rows = [...bad, `fine-${engine}@exämple.test`].map((email) => ({ name: 'X', email }));
    const r = await call(admin, 'import_company_members', [company, JSON.stringify(rows), null]);
    expect(r.rows.map((x: Json) => x.status)).toEqual([...bad.map(() => 'invalid_email'), 'invited']);
    for (const email of bad) {
      expect(await hint(() => call(admin, 'create_company_invitation', [company, email, null, '']))).toBe(
        '422:invalid_email',
      );
    }
  });

  it('imports 2,000 rows in one call', async () => {
    const { company, admin, course } = await newCompany(2000);
    const rows = Array.from({ length: 2000 }, (_, i) => ({
      name: `Person ${i}`,
      email: `p${i}-${engine}@bulk.example.test`,
      group: `Team ${i % 10}`,
    }));
    const started = Date.now();
    const r = await call(admin, 'import_company_members', [
      company,
      JSON.stringify(rows),
      JSON.stringify({ courseId: course }),
    ]);
    const ms = Date.now() - started;
    expect(r.summary).toMatchObject({ invited: 2000, assigned: 2000, failed: 0 });
    expect(ms).toBeLessThan(30_000);
    const report = await call(admin, 'company_report', [company]);
    expect(report.members).toHaveLength(2001);
    expect(report.groups).toHaveLength(10);
  }, 60_000);

  it('keeps seats exact when a member is removed while an import runs', async () => {
    const { company, admin, course } = await newCompany(3);
    const email = `racer-${engine}@example.test`;
    const racer = await addMember(company, email);
    await assign(admin, company, { userIds: [racer], courseId: course });
    const rows = JSON.stringify([
      { name: 'Racer', email },
      { name: 'New', email: `new-${engine}@example.test` },
    ]);
    await Promise.all([
      call(admin, 'import_company_members', [company, rows, JSON.stringify({ courseId: course })]),
      call(admin, 'remove_company_member', [company, racer]),
    ]);
    const [state] = await owner<{ status: string; mine: number; enrolled: number; used: number }>(
      `select (select status from public.company_members where company_id = $1 and user_id = $2) as status,
              (select count(*) from public.company_assignments
               where company_id = $1 and user_id = $2 and unassigned_at is null)::int as mine,
              (select count(*) from public.enrollments
               where user_id = $2 and source = 'company' and status <> 'cancelled')::int as enrolled,
              (select count(*) from public.company_assignments where company_id = $1 and unassigned_at is null)::int as used`,
      [company, racer],
    );
    expect(state).toMatchObject({ status: 'removed', mine: 0, enrolled: 0 });
    expect(state!.used).toBeLessThanOrEqual(3);
    expect((await seats(admin, company, course))!.used).toBe(state!.used);
  });

  it('lets platform admins add seats and company admins', async () => {
    const { company, course } = await newCompany(0);
    const someone = await newUser(`boss-${engine}@example.test`);
    const added = await call(USER.admin, 'admin_add_company_seats', [company, course, 7, 'goodwill']);
    expect(added).toMatchObject({ companyId: company, courseId: course, seats: 7, note: 'goodwill' });
    expect(await hint(() => call(USER.admin, 'admin_add_company_seats', [company, course, 0, '']))).toBe(
      '422:invalid_seats',
    );
    const boss = await call(USER.admin, 'admin_add_company_admin', [company, `BOSS-${engine}@example.test`]);
    expect(boss).toMatchObject({ userId: someone, role: 'admin' });
    expect((await call(someone, 'company_report', [company])).company.id).toBe(company);
    expect(await hint(() => call(USER.admin, 'admin_add_company_admin', [company, 'nobody@example.test']))).toBe(
      '404:user_not_found',
    );
    expect(await hint(() => call(someone, 'admin_add_company_admin', [company, 'x@example.test']))).toBe(
      '403:forbidden',
    );
  });
});
