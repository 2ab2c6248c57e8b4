import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import {
  acceptedInvitation,
  adminCompanyList,
  companyAssignResponse,
  companyGroupList,
  companyImportReport,
  companyInvitation,
  companyMemberList,
  companyReport,
  myCompanies,
} from '../contract/companies.ts';
import { parseCsv } from './csv.ts';
import { MAX_IMPORT_BYTES } from './import-csv.ts';

/**
 * Company learning's routes on the harness's catalog: Acme (two employees, 2 seats of the free
 * course) and Globex (its admin and an employee, 5 seats of the paid course). Every Acme id is
 * tried by Globex's admin (404) and Acme's admin routes by an employee (404).
 */

const U = {
  acmeAdmin: '00000000-0000-4000-8000-00000000c0a1',
  acmeEmp: '00000000-0000-4000-8000-00000000c0a2',
  acmeEmp2: '00000000-0000-4000-8000-00000000c0a3',
  globexAdmin: '00000000-0000-4000-8000-00000000c0b1',
  globexEmp: '00000000-0000-4000-8000-00000000c0b2',
  invitee: '00000000-0000-4000-8000-00000000c0c1',
} as const;
const C = { acme: '80000000-0000-4000-8000-00000000c0a1', globex: '80000000-0000-4000-8000-00000000c0b1' } as const;
const MISSING = '80000000-0000-4000-8000-00000000dead';

const FIXTURE = `
insert into auth.users (id, email, raw_user_meta_data) values
  ('${U.acmeAdmin}', 'acme-admin@test.local', '{"first_name":"Ann","last_name":"Acme"}'),
  ('${U.acmeEmp}', 'acme-emp@test.local', '{"first_name":"Eve","last_name":"Acme"}'),
  ('${U.acmeEmp2}', 'acme-emp2@test.local', '{"first_name":"Ed","last_name":"Acme"}'),
  ('${U.globexAdmin}', 'globex-admin@test.local', '{"first_name":"Gus","last_name":"Globex"}'),
  ('${U.globexEmp}', 'globex-emp@test.local', '{"first_name":"Gil","last_name":"Globex"}'),
  ('${U.invitee}', 'invitee@test.local', '{"first_name":"Ivy","last_name":"New"}');
insert into public.companies (id, slug, name) values ('${C.acme}', 'acme', 'Acme'), ('${C.globex}', 'globex', 'Globex');
insert into public.company_members (company_id, user_id, role) values
  ('${C.acme}', '${U.acmeAdmin}', 'admin'), ('${C.acme}', '${U.acmeEmp}', 'employee'),
  ('${C.acme}', '${U.acmeEmp2}', 'employee'),
  ('${C.globex}', '${U.globexAdmin}', 'admin'), ('${C.globex}', '${U.globexEmp}', 'employee');
insert into public.seat_purchases (company_id, course_id, seats, note) values
  ('${C.acme}', '${ids.free}', 2, 'fixture'), ('${C.globex}', '${ids.paid}', 5, 'fixture');
`;

function parses<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new Error(
      `not the contract:\n${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  return result.data;
}

// A loop, not describe.each: the Deno lane's vitest shim has no .each.
for (const engine of engines()) {
  describe(`company learning routes on ${engine}`, () => {
    let t: TestDatabase;
    let h: EdgeHarness;
    const auth: Record<string, Record<string, string>> = {};

    beforeAll(async () => {
      t = await fresh(engine);
      h = await makeEdgeHarness({ db: t.db });
      await h.db.runScript(FIXTURE);
      for (const [key, id] of Object.entries({ ...U, admin: ids.admin, student: ids.student }))
        auth[key] = await h.as(id);
    }, 180_000);
    afterAll(async () => {
      await h?.close();
      await t?.drop();
    });

    const send = async (
      method: string,
      path: string,
      who: string | null,
      body?: unknown,
      type = 'application/json',
    ) => {
      const headers: Record<string, string> = who ? { ...auth[who] } : {};
      if (body !== undefined) headers['content-type'] = type;
      const res = await h.app.request(`/api${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
      return { status: res.status, json: json as Record<string, unknown> & { error?: { code: string } }, text, res };
    };

    it('lists the companies the caller belongs to, with their role', async () => {
      const acme = await send('GET', '/companies/mine', 'acmeAdmin');
      expect(parses(myCompanies, acme.json).items).toEqual([{ id: C.acme, slug: 'acme', name: 'Acme', role: 'admin' }]);
      const emp = await send('GET', '/companies/mine', 'globexEmp');
      expect(parses(myCompanies, emp.json).items).toEqual([
        { id: C.globex, slug: 'globex', name: 'Globex', role: 'employee' },
      ]);
      expect((await send('GET', '/companies/mine', 'student')).json).toEqual({ items: [] });
      expect((await send('GET', '/companies/mine', null)).status).toBe(401);
    });

    it("answers the report to the company's admins and platform admins, 404 to everyone else", async () => {
      const own = await send('GET', `/companies/${C.acme}/report`, 'acmeAdmin');
      expect(own.status).toBe(200);
      const report = parses(companyReport, own.json);
      expect(report.company.slug).toBe('acme');
      expect(report.members.map((m) => m.email).sort()).toEqual([
        'acme-admin@test.local',
        'acme-emp2@test.local',
        'acme-emp@test.local',
      ]);
      expect((await send('GET', `/companies/${C.acme}/report`, 'admin')).status).toBe(200);
      for (const who of ['globexAdmin', 'acmeEmp', 'student']) {
        const res = await send('GET', `/companies/${C.acme}/report`, who);
        expect(res.status).toBe(404);
        expect(res.json.error?.code).toBe('not_found');
      }
      // The same answer as for a company that does not exist, or a malformed id: no oracle.
      expect((await send('GET', `/companies/${MISSING}/report`, 'acmeAdmin')).status).toBe(404);
      expect((await send('GET', '/companies/not-a-uuid/report', 'acmeAdmin')).status).toBe(404);
      expect((await send('GET', `/companies/${C.acme}/report`, null)).status).toBe(401);
    });

    it('imports a CSV: per-row report, header errors, formulas kept verbatim, idempotent re-import', async () => {
      const csv = [
        '\uFEFFName,Email,Group',
        '"Smith, ""Jo""",jo@test.local,Engineering',
        `"=cmd|' /C calc'!A0",formula@test.local,"R&D, Berlin"`,
        'Zoë 東京,zoe@test.local,Engineering',
        'Bad,not-an-email,',
        'Again,JO@test.local,',
        'Eve,acme-emp@test.local,Engineering',
        'Extra,x@test.local,Sales,oops',
        '',
      ].join('\r\n');
      const first = await send(
        'POST',
        `/companies/${C.acme}/imports?assign=${ids.free}&due=2026-12-31`,
        'acmeAdmin',
        csv,
        'text/csv',
      );
      expect(first.status).toBe(200);
      const report = parses(companyImportReport, first.json);
      const byLine = Object.fromEntries(report.rows.map((r) => [r.line, r]));
      expect(byLine[2]).toMatchObject({ status: 'invited', email: 'jo@test.local', assignment: 'assigned' });
      expect(byLine[2]!.inviteLink).toMatch(/^http:\/\/localhost:8787\/join#token=/);
      expect(byLine[3]).toMatchObject({ status: 'invited', name: "=cmd|' /C calc'!A0" });
      // Two seats: the two first new people hold them; the third is invited without one.
      expect(byLine[3]!.assignment).toBe('assigned');
      expect(byLine[4]).toMatchObject({ status: 'no_seat' });
      expect(byLine[5]!.status).toBe('invalid_email');
      expect(byLine[6]!.status).toBe('duplicate_in_file');
      // Eve is a member already; the file asks for a seat for her too, and none is left.
      expect(byLine[7]).toMatchObject({ status: 'no_seat', assignment: 'no_seat', email: 'acme-emp@test.local' });
      expect(byLine[8]).toMatchObject({ status: 'invalid_row', email: 'x@test.local' });
      expect(report.summary.invited).toBe(3);
      expect(report.summary.noSeat).toBe(2);
      expect(report.summary.failed).toBe(3);

      const again = parses(
        companyImportReport,
        (await send('POST', `/companies/${C.acme}/imports`, 'acmeAdmin', { csv }, 'application/json')).json,
      );
      expect(again.summary.invited).toBe(0);
      expect(again.rows.filter((r) => r.inviteLink !== null)).toEqual([]);
      expect(again.rows.find((r) => r.line === 2)!.status).toBe('already_invited');

      const header = await send('POST', `/companies/${C.acme}/imports`, 'acmeAdmin', 'first,last\na,b\n', 'text/csv');
      expect(header.status).toBe(400);
      expect(header.json.error?.code).toBe('invalid_header');
      expect(JSON.stringify(header.json)).toMatch(/name,email,group/);
      const broken = await send(
        'POST',
        `/companies/${C.acme}/imports`,
        'acmeAdmin',
        'name,email\n"open,x\n',
        'text/csv',
      );
      expect(broken.json.error?.code).toBe('invalid_csv');
      expect((await send('POST', `/companies/${C.acme}/imports`, 'acmeAdmin', '', 'text/csv')).status).toBe(400);
      expect(
        (await send('POST', `/companies/${C.acme}/imports`, 'acmeAdmin', 'name,email', 'application/xml')).status,
      ).toBe(415);
      expect(
        (await send('POST', `/companies/${C.acme}/imports?assign=${MISSING}`, 'acmeAdmin', csv, 'text/csv')).status,
      ).toBe(404);
      expect(
        (await send('POST', `/companies/${C.acme}/imports?due=tomorrow`, 'acmeAdmin', csv, 'text/csv')).status,
      ).toBe(400);
      expect(
        (await send('POST', `/companies/${C.acme}/imports?due=2026-12-31`, 'acmeAdmin', csv, 'text/csv')).status,
      ).toBe(400);
      expect((await send('POST', `/companies/${C.acme}/imports`, 'acmeAdmin', { csv: 1 })).status).toBe(400);
      const tooBig = `name,email\n${'x'.repeat(MAX_IMPORT_BYTES)}`;
      expect((await send('POST', `/companies/${C.acme}/imports`, 'acmeAdmin', tooBig, 'text/csv')).status).toBe(413);
      // Globex's admin and Acme's employee learn nothing, not even that the header is wrong.
      expect((await send('POST', `/companies/${C.acme}/imports`, 'globexAdmin', 'bad', 'text/csv')).status).toBe(404);
      expect((await send('POST', `/companies/${C.acme}/imports`, 'acmeEmp', csv, 'text/csv')).status).toBe(404);
    });

    it('imports 2,000 rows in one request', async () => {
      const rows = Array.from({ length: 2000 }, (_, i) => `Person ${i},bulk${i}@test.local,Bulk`);
      const res = await send(
        'POST',
        `/companies/${C.globex}/imports`,
        'globexAdmin',
        `name,email,group\n${rows.join('\n')}`,
        'text/csv',
      );
      expect(res.status).toBe(200);
      const report = parses(companyImportReport, res.json);
      expect(report.summary.invited).toBe(2000);
      expect(report.rows.at(-1)!.line).toBe(2001);
    }, 120_000);

    it('exports the report as a CSV file, safe to open in a spreadsheet', async () => {
      const res = await send('GET', `/companies/${C.acme}/report.csv`, 'acmeAdmin');
      expect(res.status).toBe(200);
      expect(res.res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.res.headers.get('content-disposition')).toMatch(
        /^attachment; filename="acme-report-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const raw = new Uint8Array(
        await (await h.app.request(`/api/companies/${C.acme}/report.csv`, { headers: auth.acmeAdmin })).arrayBuffer(),
      );
      expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const records = parseCsv(res.text).map((r) => r.fields);
      expect(records[0]![0]).toBe('Name');
      const formula = records.find((r) => r[1] === 'formula@test.local')!;
      expect(formula[0]).toBe("'=cmd|' /C calc'!A0");
      expect(formula[2]).toBe('R&D, Berlin');
      expect(records.some((r) => r[0] === 'Zoë 東京')).toBe(true);
      expect(res.text).not.toMatch(/(^|[\n,])"?=/);
      expect((await send('GET', `/companies/${C.acme}/report.csv`, 'globexAdmin')).status).toBe(404);
      expect((await send('GET', `/companies/${C.acme}/report.csv`, 'acmeEmp')).status).toBe(404);
    });

    it('manages groups; another company cannot name them', async () => {
      const created = await send('POST', `/companies/${C.acme}/groups`, 'acmeAdmin', { name: '  Sales  ' });
      expect(created.status).toBe(201);
      const group = created.json as { id: string; name: string };
      expect(group.name).toBe('Sales');
      expect((await send('POST', `/companies/${C.acme}/groups`, 'acmeAdmin', { name: 'sales' })).status).toBe(409);
      expect((await send('POST', `/companies/${C.acme}/groups`, 'acmeAdmin', { name: '' })).status).toBe(400);
      expect((await send('POST', `/companies/${C.acme}/groups`, 'acmeAdmin', { name: 'x'.repeat(101) })).status).toBe(
        400,
      );
      const renamed = await send('PATCH', `/companies/${C.acme}/groups/${group.id}`, 'acmeAdmin', { name: 'Sales EU' });
      expect(renamed.json).toMatchObject({ id: group.id, name: 'Sales EU' });
      const moved = await send('POST', `/companies/${C.acme}/members/move`, 'acmeAdmin', {
        userIds: [U.acmeEmp2, U.globexEmp],
        groupId: group.id,
      });
      expect(moved.json).toEqual({ moved: 1 });
      const list = parses(companyGroupList, (await send('GET', `/companies/${C.acme}/groups`, 'acmeAdmin')).json);
      expect(list.items.find((g) => g.id === group.id)!.members).toBe(1);

      // Globex's admin: Acme's groups through either company's URL are not found.
      expect(
        (await send('PATCH', `/companies/${C.acme}/groups/${group.id}`, 'globexAdmin', { name: 'x' })).status,
      ).toBe(404);
      expect(
        (await send('PATCH', `/companies/${C.globex}/groups/${group.id}`, 'globexAdmin', { name: 'x' })).status,
      ).toBe(404);
      expect((await send('DELETE', `/companies/${C.globex}/groups/${group.id}`, 'globexAdmin')).status).toBe(404);
      expect((await send('GET', `/companies/${C.acme}/groups`, 'acmeEmp')).status).toBe(404);
      expect(
        (
          await send('POST', `/companies/${C.globex}/members/move`, 'globexAdmin', {
            userIds: [U.acmeEmp],
            groupId: group.id,
          })
        ).status,
      ).toBe(404);
      expect(
        (await send('POST', `/companies/${C.acme}/members/move`, 'acmeAdmin', { userIds: [], groupId: null })).status,
      ).toBe(400);
      expect((await send('DELETE', `/companies/${C.acme}/groups/${group.id}`, 'acmeAdmin')).json).toEqual({
        id: group.id,
        deleted: true,
      });
    });

    it('assigns and unassigns with seats counted, no_seat pointing at more seats, strangers not members', async () => {
      // Both of Acme's seats of the free course went to the import.
      const none = await send('POST', `/companies/${C.acme}/assignments`, 'acmeAdmin', {
        courseId: ids.free,
        userIds: [U.acmeEmp, U.globexEmp],
        dueAt: '2026-12-31',
      });
      expect(none.status).toBe(200);
      const answer = parses(companyAssignResponse, none.json);
      expect(answer.results.map((r) => r.status)).toEqual(['no_seat', 'not_member']);
      expect(answer.results[0]!.message).toMatch(/buy more seats/);
      // The corporate checkout for the one person left without a seat, for this company.
      expect(answer.buyMoreSeats).toBe(`/checkout?course=${ids.free}&seats=1&company=${C.acme}`);

      const report = parses(companyReport, (await send('GET', `/companies/${C.acme}/report`, 'acmeAdmin')).json);
      const jo = report.members.find((m) => m.email === 'jo@test.local')!;
      const freed = await send('POST', `/companies/${C.acme}/unassignments`, 'acmeAdmin', {
        courseId: ids.free,
        invitationIds: [jo.id],
      });
      expect(freed.json.results).toMatchObject([{ status: 'unassigned' }]);
      const got = parses(
        companyAssignResponse,
        (
          await send('POST', `/companies/${C.acme}/assignments`, 'acmeAdmin', {
            courseId: ids.free,
            userIds: [U.acmeEmp],
            dueAt: '2026-12-31T12:00:00Z',
          })
        ).json,
      );
      expect(got.results[0]).toMatchObject({ userId: U.acmeEmp, status: 'assigned', courseIds: [ids.free] });
      expect(got.buyMoreSeats).toBeNull();

      for (const body of [
        { userIds: [U.acmeEmp] },
        { courseId: ids.free },
        { courseId: ids.free, bundleId: ids.free, userIds: [U.acmeEmp] },
        { courseId: 'x', userIds: [U.acmeEmp] },
        { courseId: ids.free, userIds: [U.acmeEmp], dueAt: 'soon' },
        { courseId: ids.free, userIds: [U.acmeEmp], extra: 1 },
      ]) {
        expect((await send('POST', `/companies/${C.acme}/assignments`, 'acmeAdmin', body)).status).toBe(400);
      }
      expect(
        (
          await send('POST', `/companies/${C.acme}/assignments`, 'acmeAdmin', {
            courseId: MISSING,
            userIds: [U.acmeEmp],
          })
        ).status,
      ).toBe(404);
      // Globex's admin assigning Globex seats to Acme's employee: not a member of Globex.
      const cross = await send('POST', `/companies/${C.globex}/assignments`, 'globexAdmin', {
        courseId: ids.paid,
        userIds: [U.acmeEmp],
      });
      expect(cross.json.results).toMatchObject([{ status: 'not_member' }]);
      expect(
        (
          await send('POST', `/companies/${C.acme}/assignments`, 'globexAdmin', {
            courseId: ids.free,
            userIds: [U.acmeEmp],
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await send('POST', `/companies/${C.acme}/assignments`, 'acmeEmp', {
            courseId: ids.free,
            userIds: [U.acmeEmp],
          })
        ).status,
      ).toBe(404);
    });

    it('lists members with search, filters and pages; removes a member', async () => {
      const page = parses(
        companyMemberList,
        (await send('GET', `/companies/${C.acme}/members?q=acme-emp&sort=email&pageSize=1`, 'acmeAdmin')).json,
      );
      expect(page.total).toBe(2);
      expect(page.items[0]!.email).toBe('acme-emp@test.local');
      const invited = parses(
        companyMemberList,
        (await send('GET', `/companies/${C.acme}/members?status=invited`, 'acmeAdmin')).json,
      );
      expect(invited.items.every((m) => m.kind === 'invitation')).toBe(true);
      expect((await send('GET', `/companies/${C.acme}/members?sort=salary`, 'acmeAdmin')).status).toBe(400);
      expect((await send('GET', `/companies/${C.acme}/members`, 'acmeEmp')).status).toBe(404);

      expect((await send('DELETE', `/companies/${C.globex}/members/${U.acmeEmp}`, 'globexAdmin')).status).toBe(404);
      expect((await send('DELETE', `/companies/${C.acme}/members/${U.acmeEmp}`, 'globexAdmin')).status).toBe(404);
      const removed = await send('DELETE', `/companies/${C.acme}/members/${U.acmeEmp}`, 'acmeAdmin');
      expect(removed.json).toMatchObject({ userId: U.acmeEmp, status: 'removed', unassigned: 1 });
      expect((await send('DELETE', `/companies/${C.acme}/members/${U.acmeAdmin}`, 'acmeAdmin')).status).toBe(409);
      expect((await send('GET', '/companies/mine', 'acmeEmp')).json).toEqual({ items: [] });
    });

    it('invites by email, resends, revokes, and the invitee accepts once', async () => {
      const created = await send('POST', `/companies/${C.acme}/invitations`, 'acmeAdmin', {
        email: 'Invitee@test.local',
        name: 'Ivy',
      });
      expect(created.status).toBe(201);
      const invitation = parses(companyInvitation, created.json);
      expect(invitation.email).toBe('invitee@test.local');
      expect(
        (await send('POST', `/companies/${C.acme}/invitations`, 'acmeAdmin', { email: 'invitee@test.local' })).status,
      ).toBe(409);
      expect((await send('POST', `/companies/${C.acme}/invitations`, 'acmeAdmin', { email: 'nope' })).status).toBe(422);
      expect(
        (await send('POST', `/companies/${C.acme}/invitations`, 'globexAdmin', { email: 'a@test.local' })).status,
      ).toBe(404);
      expect(
        (await send('POST', `/companies/${C.globex}/invitations/${invitation.id}/resend`, 'globexAdmin')).status,
      ).toBe(404);
      expect((await send('DELETE', `/companies/${C.globex}/invitations/${invitation.id}`, 'globexAdmin')).status).toBe(
        404,
      );

      const resent = parses(
        companyInvitation,
        (await send('POST', `/companies/${C.acme}/invitations/${invitation.id}/resend`, 'acmeAdmin')).json,
      );
      const token = (link: string) => decodeURIComponent(link.split('#token=')[1]!);
      // The first link stopped working when it was resent; another email may not use the new one.
      expect(
        (await send('POST', '/invitations/accept', 'invitee', { token: token(invitation.inviteLink) })).status,
      ).toBe(404);
      expect((await send('POST', '/invitations/accept', 'student', { token: token(resent.inviteLink) })).status).toBe(
        403,
      );
      expect((await send('POST', '/invitations/accept', null, { token: token(resent.inviteLink) })).status).toBe(401);
      expect((await send('POST', '/invitations/accept', 'invitee', { token: 'short' })).status).toBe(400);
      const accepted = await send('POST', '/invitations/accept', 'invitee', { token: token(resent.inviteLink) });
      expect(accepted.status).toBe(200);
      expect(parses(acceptedInvitation, accepted.json)).toMatchObject({ companyId: C.acme, role: 'employee' });
      expect((await send('POST', '/invitations/accept', 'invitee', { token: token(resent.inviteLink) })).status).toBe(
        409,
      );
      expect((await send('DELETE', `/companies/${C.acme}/invitations/${invitation.id}`, 'acmeAdmin')).status).toBe(409);
    });

    it("gives platform admins every company's seats and admins, and the tools to add them", async () => {
      const list = parses(adminCompanyList, (await send('GET', '/admin/companies', 'admin')).json);
      const globex = list.items.find((c) => c.id === C.globex)!;
      expect(globex.admins.map((a) => a.email)).toEqual(['globex-admin@test.local']);
      expect(globex.seats).toMatchObject([{ courseId: ids.paid, pool: 5 }]);
      expect(globex.usage).toMatchObject({ seatsTotal: 5 });
      expect((await send('GET', '/admin/companies', 'acmeAdmin')).status).toBe(403);
      expect((await send('GET', '/admin/companies', null)).status).toBe(401);

      const seats = await send('POST', `/admin/companies/${C.acme}/seats`, 'admin', {
        courseId: ids.free,
        seats: 3,
        note: 'goodwill',
      });
      expect(seats.status).toBe(201);
      expect(seats.json).toMatchObject({ companyId: C.acme, courseId: ids.free, seats: 3 });
      expect(
        (await send('POST', `/admin/companies/${C.acme}/seats`, 'acmeAdmin', { courseId: ids.free, seats: 3 })).status,
      ).toBe(403);
      expect(
        (await send('POST', `/admin/companies/${C.acme}/seats`, 'admin', { courseId: ids.free, seats: 0 })).status,
      ).toBe(400);
      expect(
        (await send('POST', `/admin/companies/${MISSING}/seats`, 'admin', { courseId: ids.free, seats: 1 })).status,
      ).toBe(404);
      const admin = await send('POST', `/admin/companies/${C.globex}/admins`, 'admin', {
        email: 'globex-emp@test.local',
      });
      expect(admin.json).toEqual({
        companyId: C.globex,
        userId: U.globexEmp,
        email: 'globex-emp@test.local',
        role: 'admin',
      });
      expect(
        (await send('POST', `/admin/companies/${C.globex}/admins`, 'admin', { email: 'nobody@test.local' })).status,
      ).toBe(404);
      expect(
        (await send('POST', `/admin/companies/${C.globex}/admins`, 'globexAdmin', { email: 'x@test.local' })).status,
      ).toBe(403);
    });

    it('answers bad input with a 4xx JSON error, never a 500', async () => {
      const cases: [string, string, unknown, string?][] = [
        ['POST', `/companies/${C.acme}/groups`, '{not json'],
        ['POST', `/companies/${C.acme}/groups`, { name: 'a\u0000b' }],
        ['POST', `/companies/${C.acme}/groups`, { name: 'x' }, 'text/plain'],
        ['PATCH', `/companies/${C.acme}/groups/not-a-uuid`, { name: 'x' }],
        ['DELETE', `/companies/${C.acme}/members/not-a-uuid`, undefined],
        ['POST', `/companies/${C.acme}/invitations`, { email: 'a\u0000@test.local' }],
        ['POST', `/companies/${C.acme}/invitations`, { email: 'a@test.local', groupId: MISSING }],
        ['POST', `/companies/${C.acme}/members/move`, { userIds: ['x'], groupId: null }],
        ['POST', `/companies/${C.acme}/members/move`, { userIds: [U.acmeEmp2], groupId: MISSING }],
        ['POST', '/invitations/accept', { token: 'x'.repeat(43) }],
        ['POST', `/admin/companies/${C.acme}/seats`, { courseId: MISSING, seats: 1 }],
        ['GET', `/companies/${C.acme}/members?page=0`, undefined],
        ['GET', `/companies/${C.acme}/members?q=%00`, undefined],
      ];
      for (const [method, path, body, type] of cases) {
        const res = await send(method, path, 'admin', body, type);
        expect(`${method} ${path} ${res.status}`).toMatch(/ 4\d\d$/);
        expect(typeof res.json.error?.code).toBe('string');
      }
    });
  });
}
