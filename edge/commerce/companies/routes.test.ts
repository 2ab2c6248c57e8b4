import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../../tests/support/db.ts';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../../tests/support/edge-harness.ts';
import { companyDashboard, demoRequestCreated } from '../../contract/bundles.ts';
import type { Sql } from '../../db/port.ts';
import { priceQuote } from '../../pricing/engine.ts';
import type { PricingCatalog } from '../../pricing/types.ts';
import { DEMO_REQUEST_LIMIT } from './routes.ts';

/**
 * Company packages on the harness's catalog: two companies, each with an admin, bought seats
 * the way a checkout buys them (private.commerce_catalog, the pricing engine, private.create_order,
 * private.record_payment_event as service_role); one seat assigned to an employee.
 */

const U = {
  acmeAdmin: '00000000-0000-4000-8000-0000000000a1',
  acmeEmployee: '00000000-0000-4000-8000-0000000000a2',
  globexAdmin: '00000000-0000-4000-8000-0000000000b1',
} as const;
const C = { acme: '80000000-0000-4000-8000-0000000000a1', globex: '80000000-0000-4000-8000-0000000000b1' } as const;
const BUNDLE = '81000000-0000-4000-8000-000000000001';

const FIXTURE = `
insert into auth.users (id, email, raw_user_meta_data) values
  ('${U.acmeAdmin}', 'acme-admin@test.local', '{}'),
  ('${U.acmeEmployee}', 'acme-employee@test.local', '{}'),
  ('${U.globexAdmin}', 'globex-admin@test.local', '{}');
insert into public.companies (id, slug, name) values ('${C.acme}', 'acme', 'Acme'), ('${C.globex}', 'globex', 'Globex');
insert into public.company_members (company_id, user_id, role) values
  ('${C.acme}', '${U.acmeAdmin}', 'admin'), ('${C.acme}', '${U.acmeEmployee}', 'employee'),
  ('${C.globex}', '${U.globexAdmin}', 'admin');
insert into public.bundles (id, slug, title, status) values ('${BUNDLE}', 'data-duo', 'Data Duo', 'published');
insert into public.bundle_courses (bundle_id, course_id, position) values
  ('${BUNDLE}', '${ids.paid}', 0), ('${BUNDLE}', '${ids.pricey}', 1);
`;

/** Buys `seats` seats of the courses for `company`, paid, as the checkout does; returns the order id. */
async function buySeats(sql: Sql, buyer: string, company: string, courseIds: string[], seats: number, key: string) {
  const [snap] = await sql.query<{ c: PricingCatalog }>(
    'select private.commerce_catalog($1::uuid[], $2::uuid[], null, $3, null, null) as c',
    [courseIds, [], buyer],
  );
  const quote = priceQuote(snap!.c, { items: courseIds.map((id) => ({ kind: 'course', id })), seats }, new Date());
  const [created] = await sql.query<{ r: { order_id: string } }>('select private.create_order($1, $2, $3) as r', [
    buyer,
    key,
    JSON.stringify({ quote, companyId: company }),
  ]);
  const orderId = created!.r.order_id;
  const [outcome] = await sql.query<{ o: string }>(
    'select private.record_payment_event($1, $2, $3, $4, $5, $6, $7) as o',
    [`evt_${key}`, 'paid', orderId, quote.total, quote.currency, `pi_${key}`, null],
  );
  expect(outcome!.o).toBe('fulfilled');
  return { orderId, total: quote.total };
}

// A loop, not describe.each: the Deno lane's vitest shim has no .each.
for (const engine of engines()) {
  describe(`company packages on ${engine}`, () => {
    let t: TestDatabase;
    let h: EdgeHarness;
    let acmeOrder: { orderId: string; total: number };
    let globexOrder: { orderId: string; total: number };

    beforeAll(async () => {
      t = await fresh(engine);
      h = await makeEdgeHarness({ db: t.db });
      await h.db.runScript(FIXTURE);
      await h.db.asService(async (sql) => {
        acmeOrder = await buySeats(sql, U.acmeAdmin, C.acme, [ids.paid, ids.pricey], 5, 'acme-seats-1');
        globexOrder = await buySeats(sql, U.globexAdmin, C.globex, [ids.paid], 2, 'globex-seats-1');
      });
      // One Acme seat in the paid course is assigned: an active assignment and the member's company enrollment.
      await h.db.runScript(`
        insert into public.company_assignments (company_id, course_id, user_id) values ('${C.acme}', '${ids.paid}', '${U.acmeEmployee}');
        insert into public.enrollments (user_id, course_id, source) values ('${U.acmeEmployee}', '${ids.paid}', 'company');
      `);
    }, 120_000);
    afterAll(async () => {
      await h?.close();
      await t?.drop();
    });

    const getCompany = async (userId: string | null, query = '') =>
      h.app.request(`/api/company${query}`, { headers: userId ? await h.as(userId) : {} });

    describe('GET /api/company', () => {
      it("shows a company admin their company's seats per course and its orders", async () => {
        const res = await getCompany(U.acmeAdmin);
        expect(res.status).toBe(200);
        const body = companyDashboard.parse(await res.json());
        expect(body.company).toEqual({ id: C.acme, slug: 'acme', name: 'Acme' });
        expect(body.seats).toEqual([
          {
            courseId: ids.pricey,
            courseSlug: 'ml-systems',
            courseTitle: 'Machine Learning Systems',
            bought: 5,
            revoked: 0,
            assigned: 0,
            remaining: 5,
          },
          {
            courseId: ids.paid,
            courseSlug: 'pandas-in-practice',
            courseTitle: 'Pandas in Practice',
            bought: 5,
            revoked: 0,
            assigned: 1,
            remaining: 4,
          },
        ]);
        expect(body.bundles).toEqual([]);
        expect(body.orders).toHaveLength(1);
        const number = body.orders[0]!.number;
        expect(
          body.seatPurchases.map((p) => [p.courseId, p.seats, p.seatsRevoked, p.orderId, p.orderNumber, p.note]),
        ).toEqual([
          [ids.pricey, 5, 0, acmeOrder.orderId, number, null],
          [ids.paid, 5, 0, acmeOrder.orderId, number, null],
        ]);
        expect(body.orders[0]).toMatchObject({
          id: acmeOrder.orderId,
          kind: 'corporate',
          status: 'paid',
          currency: 'USD',
          total: acmeOrder.total,
          seats: 5,
          title: 'Pandas in Practice, Machine Learning Systems',
        });
        expect(body.orders[0]!.number).toMatch(/^INV-\d{4}-\d{4}-\d{3,}$/);
        expect(body.totals).toEqual({ orders: 1, spent: [{ currency: 'USD', paid: acmeOrder.total, refunded: 0 }] });
      });

      it("shows another company's admin only their own company", async () => {
        const res = await getCompany(U.globexAdmin);
        expect(res.status).toBe(200);
        const body = companyDashboard.parse(await res.json());
        expect(body.company.id).toBe(C.globex);
        expect(body.seats.map((s) => [s.courseId, s.bought, s.remaining])).toEqual([[ids.paid, 2, 2]]);
        expect(body.orders.map((o) => o.id)).toEqual([globexOrder.orderId]);
      });

      it('lists seats a platform admin added (no order, a note) first, and the bundles the company assigned', async () => {
        await h.db.runScript(`
          insert into public.seat_purchases (company_id, course_id, seats, note, added_by, created_at)
            values ('${C.acme}', '${ids.paid}', 3, 'Pilot seats', '${ids.admin}', now() + interval '1 minute');
          insert into public.company_assignments (company_id, course_id, bundle_id, user_id)
            values ('${C.acme}', '${ids.pricey}', '${BUNDLE}', '${U.acmeEmployee}');
        `);
        const body = companyDashboard.parse(await (await getCompany(U.acmeAdmin)).json());
        expect(body.seatPurchases[0]).toMatchObject({
          courseId: ids.paid,
          courseTitle: 'Pandas in Practice',
          seats: 3,
          seatsRevoked: 0,
          orderId: null,
          orderNumber: null,
          note: 'Pilot seats',
        });
        expect(body.seatPurchases).toHaveLength(3);
        expect(body.bundles).toEqual([
          { id: BUNDLE, slug: 'data-duo', title: 'Data Duo', courseIds: [ids.paid, ids.pricey] },
        ]);
        expect(body.seats.find((s) => s.courseId === ids.paid)).toMatchObject({ bought: 8, assigned: 1, remaining: 7 });
        // Globex's admin sees none of it.
        const globex = companyDashboard.parse(await (await getCompany(U.globexAdmin)).json());
        expect(globex.seatPurchases.map((p) => p.orderId)).toEqual([globexOrder.orderId]);
        expect(globex.bundles).toEqual([]);
      });

      it('shows the company named by ?company= when the caller administers it, else a 404', async () => {
        await h.db.runScript(
          `insert into public.company_members (company_id, user_id, role) values ('${C.globex}', '${U.acmeAdmin}', 'admin')`,
        );
        try {
          const first = companyDashboard.parse(await (await getCompany(U.acmeAdmin)).json());
          expect(first.company.id).toBe(C.acme);
          const chosen = companyDashboard.parse(await (await getCompany(U.acmeAdmin, `?company=${C.globex}`)).json());
          expect(chosen.company.name).toBe('Globex');
          expect(chosen.orders.map((o) => o.id)).toEqual([globexOrder.orderId]);
        } finally {
          await h.db.runScript(
            `delete from public.company_members where company_id = '${C.globex}' and user_id = '${U.acmeAdmin}'`,
          );
        }
        for (const [user, company] of [
          [U.globexAdmin, C.acme],
          [U.acmeEmployee, C.acme],
          [U.acmeAdmin, '80000000-0000-4000-8000-0000000000ff'],
        ] as const) {
          const res = await getCompany(user, `?company=${company}`);
          expect(res.status, `${user} ${company}`).toBe(404);
          expect((await res.json()).error.code).toBe('not_a_company_admin');
        }
        for (const query of ['?company=acme', '?company=', `?company=${C.acme}&company=${C.globex}`, '?other=1']) {
          const res = await getCompany(U.acmeAdmin, query);
          expect(res.status, query).toBe(400);
          expect((await res.json()).error.code).toBe('bad_request');
        }
      });

      it('counts revoked seats after a full refund', async () => {
        await h.db.asService((sql) =>
          sql.query('select private.refund_order($1, $2, $3, $4, $5, $6)', [
            globexOrder.orderId,
            null,
            'Not needed',
            'admin',
            ids.admin,
            're_globex_full',
          ]),
        );
        const body = companyDashboard.parse(await (await getCompany(U.globexAdmin)).json());
        expect(body.seats.map((s) => [s.bought, s.revoked, s.assigned, s.remaining])).toEqual([[2, 2, 0, 0]]);
        expect(body.orders[0]!.status).toBe('refunded');
        expect(body.totals.spent).toEqual([{ currency: 'USD', paid: globexOrder.total, refunded: globexOrder.total }]);
      });

      it('is a 404 not_a_company_admin for learners, employees and site admins who administer no company', async () => {
        for (const user of [ids.student, U.acmeEmployee, ids.admin, ids.teacher]) {
          const res = await getCompany(user);
          expect(res.status, user).toBe(404);
          expect(await res.json()).toEqual({
            error: { code: 'not_a_company_admin', message: 'you do not administer a company' },
          });
        }
      });

      it('is a 401 for visitors', async () => {
        const res = await getCompany(null);
        expect(res.status).toBe(401);
        expect((await res.json()).error.code).toBe('unauthorized');
      });

      it('lists a bundle the company bought seats of before anyone is assigned it; an unpaid order does not count', async () => {
        // A bundle line on Globex's order (nothing of Globex is assigned it), the order paid, then pending.
        const [{ status }] = (await h.db.asOwner((sql) =>
          sql.query<{ status: string }>('select status from public.orders where id = $1', [globexOrder.orderId]),
        )) as [{ status: string }];
        const setStatus = (to: string) =>
          h.db.asOwner((sql) =>
            sql.query('update public.orders set status = $2 where id = $1', [globexOrder.orderId, to]),
          );
        await h.db.runScript(`
          insert into public.order_items (order_id, position, kind, bundle_id, course_ids, title, seats, unit_amount,
                                          list_amount, total_amount)
            values ('${globexOrder.orderId}', 9, 'bundle', '${BUNDLE}', '{}', 'Data Duo', 2, 0, 0, 0);
        `);
        try {
          await setStatus('paid');
          const globex = companyDashboard.parse(await (await getCompany(U.globexAdmin)).json());
          expect(globex.bundles).toEqual([
            { id: BUNDLE, slug: 'data-duo', title: 'Data Duo', courseIds: [ids.paid, ids.pricey] },
          ]);
          await setStatus('pending');
          expect(companyDashboard.parse(await (await getCompany(U.globexAdmin)).json()).bundles).toEqual([]);
        } finally {
          await setStatus(status);
          await h.db.runScript(
            `delete from public.order_items where order_id = '${globexOrder.orderId}' and kind = 'bundle'`,
          );
        }
      });
    });

    describe('POST /api/demo-requests', () => {
      const lead = {
        name: 'Dana Lead',
        email: 'dana@example.test',
        company: 'Initech',
        teamSize: 40,
        message: 'A demo for our data team, please.',
      };
      const post = (body: unknown, ip: string, headers: Record<string, string> = {}) =>
        h.app.request('/api/demo-requests', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-real-ip': ip, ...headers },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        });
      const stored = (id: string) =>
        h.db.asOwner((sql) =>
          sql.query<{ name: string; email: string; company: string; team_size: number; message: string }>(
            'select name, email, company, team_size, message from public.demo_requests where id = $1',
            [id],
          ),
        );

      it('stores a lead from anyone and answers 201 with its id', async () => {
        const res = await post({ ...lead, name: '  Dana Lead ' }, '192.0.2.1');
        expect(res.status).toBe(201);
        const { id } = demoRequestCreated.parse(await res.json());
        expect(await stored(id)).toEqual([
          { name: 'Dana Lead', email: 'dana@example.test', company: 'Initech', team_size: 40, message: lead.message },
        ]);
        const signedIn = await post({ ...lead, message: undefined }, '192.0.2.1', await h.as(ids.student));
        expect(signedIn.status).toBe(201);
        const [row] = await stored(demoRequestCreated.parse(await signedIn.json()).id);
        expect(row!.message).toBe('');
      });

      it('refuses bad input with a 4xx JSON error and stores nothing', async () => {
        const count = async () =>
          (
            await h.db.asOwner((sql) => sql.query<{ n: number }>('select count(*)::int as n from public.demo_requests'))
          )[0]!.n;
        const before = await count();
        const bad: [unknown, number][] = [
          [{ ...lead, email: 'not-an-email' }, 400],
          [{ ...lead, teamSize: 0 }, 400],
          [{ ...lead, teamSize: '40' }, 400],
          [{ ...lead, name: ' ' }, 400],
          [{ ...lead, company: undefined }, 400],
          [{ ...lead, message: 'x'.repeat(2001) }, 400],
          [{ ...lead, extra: true }, 400],
          [{ ...lead, name: 'Da\u0000na' }, 400],
          ['{not json', 400],
        ];
        for (const [body, status] of bad) {
          const res = await post(body, '192.0.2.2');
          expect(res.status, JSON.stringify(body)).toBe(status);
          expect((await res.json()).error.code).toBe('bad_request');
        }
        const text = await h.app.request('/api/demo-requests', {
          method: 'POST',
          headers: { 'content-type': 'text/plain', 'x-real-ip': '192.0.2.2' },
          body: JSON.stringify(lead),
        });
        expect(text.status).toBe(415);
        expect(await count()).toBe(before);
      });

      it('limits each client address, with a 429 JSON error and Retry-After', async () => {
        const ip = '198.51.100.7';
        for (let i = 0; i < DEMO_REQUEST_LIMIT.max; i++) expect((await post(lead, ip)).status).toBe(201);
        const refused = await post(lead, ip);
        expect(refused.status).toBe(429);
        expect((await refused.json()).error.code).toBe('rate_limited');
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
        // Another address is not affected.
        expect((await post(lead, '198.51.100.8')).status).toBe(201);
      });
    });
  });
}
