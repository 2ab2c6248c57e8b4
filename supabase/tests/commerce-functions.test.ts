import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../edge/db/port.ts';
import { openPostgres, type PostgresDatabase } from '../../edge/db/postgres.ts';
import { engines, fresh, TEST_DATABASE_URL, type TestDatabase } from '../../tests/support/db.ts';
import { pct, type TestLine, testQuote } from './commerce-quote.ts';
import { BUNDLE, COMPANY, COUPON, COURSE, callerOf, RULE, seedFixtures, TAX, USER } from './fixtures.ts';

/**
 * The commerce definer functions (supabase/migrations/20261123000900_commerce.sql) on PGlite and
 * PostgreSQL: who may call them, the pricing engine's catalog snapshot, idempotent orders, coupon
 * holds under concurrency, exactly-once fulfilment, refunds and credit notes, invoice numbers.
 * Everything runs through the database port's asService, as the data API calls them.
 */

const PAID: TestLine = { kind: 'course', id: COURSE.paid, title: 'Paid course', unitAmount: 4900 };
const BUNDLE_LINE: TestLine = { kind: 'bundle', id: BUNDLE.published, title: 'Starter bundle', unitAmount: 4900 };

type Row = Record<string, unknown>;

const COMMERCE_FUNCTIONS = [
  ['private.commerce_catalog($1, $2, $3, $4, $5, $6)', [[COURSE.paid], [], null, null, null, null]],
  ['private.create_order($1, $2, $3)', [USER.student, 'k-12345678', '{}']],
  ['private.set_checkout_session($1, $2)', [COURSE.paid, 'cs_x']],
  ['private.order_for_payment($1, $2)', [COURSE.paid, null]],
  ['private.record_payment_event($1, $2, $3, $4, $5, $6, $7)', ['evt_x', 'paid', null, 1, 'USD', null, null]],
  ['private.expire_orders($1)', [new Date().toISOString()]],
  ['private.refund_order($1, $2, $3, $4, $5, $6)', [COURSE.paid, 1, 'x', 'admin', null, null]],
  ['private.create_demo_request($1, $2, $3, $4, $5)', ['A', 'a@example.test', 'B', 5, '']],
] as const;

describe.each(engines())('commerce functions on %s', (engine) => {
  let t: TestDatabase;
  let buyers = 0;

  const svc = <T>(fn: (sql: Sql) => Promise<T>) => t.db.asService(fn);
  const one = async <T = Row>(text: string, params: unknown[] = []) =>
    (await svc((sql) => sql.query<T>(text, params)))[0]!;
  const owner = async <T = Row>(text: string, params: unknown[] = []) =>
    t.db.asOwner((sql) => sql.query<T>(text, params));

  /** A new signed-up user (the profile comes from the auth trigger). */
  async function newBuyer(name = 'buyer'): Promise<string> {
    buyers++;
    const id = `00000000-0000-4000-9${engine === 'pglite' ? '001' : '002'}-${buyers.toString().padStart(12, '0')}`;
    await owner(
      `insert into auth.users (id, email, raw_user_meta_data) values ($1, $2, '{"first_name": "Bea", "last_name": "Buyer"}')`,
      [id, `${name}-${buyers}@example.test`],
    );
    return id;
  }

  /** A pool of its own on this test database (PostgreSQL): calls on separate connections, truly at once. */
  async function ownPool(size: number): Promise<PostgresDatabase> {
    const [row] = await owner<{ d: string }>('select current_database() as d');
    const url = new URL(TEST_DATABASE_URL!);
    url.pathname = `/${row!.d}`;
    return openPostgres(url.toString(), size);
  }

  const createOrder = (buyer: string, key: string, order: unknown) =>
    one<{ r: { order_id: string; created: boolean } }>('select private.create_order($1, $2, $3) as r', [
      buyer,
      key,
      JSON.stringify(order),
    ]).then((row) => row.r);

  const event = (
    id: string,
    kind: string,
    order: string | null,
    amount: number | null,
    currency: string | null,
    failure: unknown = null,
  ) =>
    one<{ outcome: string }>('select private.record_payment_event($1, $2, $3, $4, $5, $6, $7) as outcome', [
      id,
      kind,
      order,
      amount,
      currency,
      `pi_${id}`,
      failure === null ? null : JSON.stringify(failure),
    ]).then((row) => row.outcome);

  const orderState = async (order: string) =>
    (
      await owner<Row>(
        `select o.status, o.company_id, p.status as payment, p.failure_code,
                (select r.status from public.coupon_redemptions r where r.order_id = o.id) as hold,
                (select count(*)::int from public.invoices i where i.order_id = o.id and i.kind = 'invoice') as invoices
         from public.orders o join public.payments p on p.order_id = o.id where o.id = $1`,
        [order],
      )
    )[0]!;

  const enrollments = (user: string) =>
    owner<{ course_id: string; status: string; source: string; total_lessons: number }>(
      'select course_id, status::text, source::text, total_lessons from public.enrollments where user_id = $1 order by course_id',
      [user],
    );

  beforeAll(async () => {
    t = await fresh(engine);
    await seedFixtures(t.db);
  });
  afterAll(async () => {
    await t?.drop();
  });

  describe('who may call them', () => {
    it('asService runs one transaction as service_role with its claims, and nothing leaks after it', async () => {
      const row = await one<Row>('select current_user as role, auth.role() as claim, auth.uid() as uid');
      expect(row).toEqual({ role: 'service_role', claim: 'service_role', uid: null });
      const after = (await owner<Row>(`select current_setting('request.jwt.claims', true) as claims`))[0]!;
      expect(after.claims ?? '').toBe('');
    });

    it.each(COMMERCE_FUNCTIONS)('%s: service_role only', async (fn, params) => {
      for (const role of ['anon', 'student', 'admin'] as const) {
        const attempt = t.db.asCaller(callerOf(role), (sql) => sql.query(`select ${fn}`, [...params]));
        await expect(attempt, role).rejects.toMatchObject({ code: '42501' });
      }
    });

    it('lets service_role read the catalog snapshot, and nothing else directly', async () => {
      const row = await one<{ c: unknown }>('select private.commerce_catalog($1, $2, $3, $4, $5, $6) as c', [
        [],
        [],
        null,
        null,
        null,
        null,
      ]);
      expect(row.c).toMatchObject({ courses: [], bundles: [], coupon: null, taxRate: null });
      await expect(
        svc((sql) => sql.query('select * from private.fulfil_order($1, null)', [COURSE.paid])),
      ).rejects.toMatchObject({ code: '42501' });
    });
  });

  describe('private.commerce_catalog', () => {
    it('answers the engine input for a bundle, a coupon, a buyer and a country (camelCase, exact keys)', async () => {
      const { c } = await one<{ c: Record<string, unknown> }>(
        'select private.commerce_catalog($1, $2, $3, $4, $5, $6) as c',
        [
          [COURSE.paid, '00000000-0000-4000-8999-000000000001'],
          [BUNDLE.published],
          ' welcome10 ',
          USER.student,
          'de',
          null,
        ],
      );
      expect(Object.keys(c).sort()).toEqual(['bundles', 'coupon', 'courses', 'rules', 'taxRate']);
      const ordered = [COURSE.free, COURSE.paid].sort();
      expect(c.courses).toEqual(
        ordered.map((id) => ({
          id,
          slug: id === COURSE.free ? 'free-course' : 'paid-course',
          title: id === COURSE.free ? 'Free course' : 'Paid course',
          priceAmount: id === COURSE.free ? 0 : 4900,
          currency: 'USD',
          published: true,
        })),
      );
      expect(c.bundles).toEqual([
        {
          id: BUNDLE.published,
          slug: 'starter-bundle',
          title: 'Starter bundle',
          currency: 'USD',
          published: true,
          courseIds: [COURSE.free, COURSE.paid],
        },
      ]);
      expect(c.rules).toEqual(
        [
          { id: RULE.bundle, scope: 'bundle', bundleId: BUNDLE.published, minQuantity: 2, percentBps: 1000 },
          { id: RULE.cart, scope: 'cart', bundleId: null, minQuantity: 2, percentBps: 500 },
        ].sort((a, b) => a.id.localeCompare(b.id)),
      );
      expect(c.coupon).toEqual({
        id: COUPON.welcome,
        code: 'WELCOME10',
        label: '10% off your first order',
        kind: 'percent',
        percentBps: 1000,
        amountOff: null,
        currency: null,
        scope: 'all',
        courseId: null,
        bundleId: null,
        startsAt: null,
        expiresAt: null,
        maxRedemptions: null,
        perUserLimit: 1,
        minSubtotal: 0,
        active: true,
        used: 1,
        usedByBuyer: 1,
      });
      expect(c.taxRate).toEqual({
        id: TAX.de,
        country: 'DE',
        region: null,
        kind: 'vat',
        label: 'VAT 19%',
        rateBps: 1900,
      });
    });

    it('marks unpublished items, leaves unknown ones out, and prefers a region rate to the country rate', async () => {
      await owner(`insert into public.tax_rates (country, region, kind, label, rate_bps, effective_from) values
        ('US', 'CA', 'sales_tax', 'Sales tax 7.25%', 725, '2020-01-01'),
        ('US', null, 'sales_tax', 'No state tax', 0, '2020-01-01'),
        ('US', 'NY', 'sales_tax', 'Future', 800, current_date + 30)`);
      const snap = (country: string | null, region: string | null, coupon: string | null = null) =>
        one<{ c: Record<string, unknown> }>('select private.commerce_catalog($1, $2, $3, $4, $5, $6) as c', [
          [COURSE.draft],
          [BUNDLE.draft, '00000000-0000-4000-8999-000000000002'],
          coupon,
          null,
          country,
          region,
        ]).then((r) => r.c);
      const c = await snap('US', 'ca', 'OLD2020');
      // the draft course, and the paid course of the draft bundle
      expect(c.courses).toEqual(
        [COURSE.paid, COURSE.draft].sort().map((id) => expect.objectContaining({ id, published: id === COURSE.paid })),
      );
      expect(c.bundles).toEqual([expect.objectContaining({ id: BUNDLE.draft, published: false })]);
      expect(c.rules).toContainEqual(expect.objectContaining({ id: RULE.draftBundle }));
      expect(c.rules).not.toContainEqual(expect.objectContaining({ id: RULE.inactive }));
      expect(c.taxRate).toMatchObject({ region: 'CA', rateBps: 725 });
      expect(c.coupon).toMatchObject({ code: 'OLD2020', expiresAt: '2021-01-01T00:00:00.000Z', usedByBuyer: 0 });
      expect((await snap('US', 'NY')).taxRate).toMatchObject({ region: null, rateBps: 0 });
      expect((await snap('US', null)).taxRate).toMatchObject({ region: null });
      expect((await snap('FR', null)).taxRate).toBeNull();
      expect((await snap(null, null, 'NOPE')).coupon).toBeNull();
    });
  });

  describe('private.create_order', () => {
    it('gives the same order for the same key, and stores the quote, items, a pending payment', async () => {
      const buyer = await newBuyer();
      const quote = testQuote([{ ...BUNDLE_LINE, ruleBps: 1000 }], {
        taxRate: { label: 'VAT 19%', rateBps: 1900, country: 'DE', region: null },
      });
      const order = { quote, country: 'DE', method: 'paypal' };
      const first = await createOrder(buyer, 'same-key-0001', order);
      const again = await createOrder(buyer, 'same-key-0001', { ...order, method: 'card' });
      expect(first.created).toBe(true);
      expect(again).toEqual({ order_id: first.order_id, created: false });
      const other = await createOrder(buyer, 'other-key-0001', order);
      expect(other.order_id).not.toBe(first.order_id);

      const [row] = await owner<Row>(
        `select o.kind, o.status, o.currency, o.subtotal, o.discount, o.tax, o.total, o.seats, o.country, o.method,
                o.quote, o.expires_at > now() + interval '29 minutes' as expires_in_30,
                (select count(*)::int from public.orders x where x.user_id = o.user_id) as orders
         from public.orders o where o.id = $1`,
        [first.order_id],
      );
      expect(row).toMatchObject({
        kind: 'bundle',
        status: 'pending',
        currency: 'USD',
        subtotal: 4900,
        discount: 490,
        tax: pct(4410, 1900),
        total: 4410 + pct(4410, 1900),
        seats: 1,
        country: 'DE',
        method: 'paypal',
        expires_in_30: true,
        orders: 2,
      });
      expect(row!.quote).toEqual(quote);
      const items = await owner<Row>(
        'select kind, bundle_id, course_ids, seats, list_amount, discount_amount, tax_amount, total_amount from public.order_items where order_id = $1',
        [first.order_id],
      );
      expect(items).toEqual([
        {
          kind: 'bundle',
          bundle_id: BUNDLE.published,
          course_ids: [COURSE.free, COURSE.paid],
          seats: 1,
          list_amount: 4900,
          discount_amount: 490,
          tax_amount: pct(4410, 1900),
          total_amount: quote.total,
        },
      ]);
      expect(await orderState(first.order_id)).toMatchObject({ status: 'pending', payment: 'pending', hold: null });
    });

    it('refuses a quote that does not add up, and a corporate order without a company', async () => {
      const buyer = await newBuyer();
      const quote = testQuote([PAID]);
      const bad = { ...quote, total: quote.total - 1 };
      await expect(createOrder(buyer, 'bad-total-01', { quote: bad })).rejects.toMatchObject({
        code: '22023',
        message: 'invalid_order',
      });
      await expect(createOrder(buyer, 'no-company-1', { quote, corporate: true })).rejects.toMatchObject({
        code: 'P0001',
        message: 'company_required',
      });
      await expect(
        createOrder(buyer, 'not-my-co-01', { quote: testQuote([{ ...PAID, seats: 3 }]), companyId: COMPANY.acme }),
      ).rejects.toMatchObject({ code: 'P0001', message: 'company_forbidden' });
      const corporate = await createOrder(buyer, 'new-company1', {
        quote: testQuote([{ ...PAID, seats: 3 }]),
        companyName: 'Globochem Ltd',
      });
      expect(
        (await owner('select kind, seats, company_name from public.orders where id = $1', [corporate.order_id]))[0],
      ).toEqual({ kind: 'corporate', seats: 3, company_name: 'Globochem Ltd' });
    });

    it('buys for the company named, and never for one the buyer no longer actively administers', async () => {
      const buyer = await newBuyer('two-companies');
      const [older, newer] = (
        await owner<{ id: string }>(
          `insert into public.companies (slug, name, created_at) values
             ('two-co-older-${engine}', 'Older Co', now() - interval '2 days'),
             ('two-co-newer-${engine}', 'Newer Co', now() - interval '1 day')
           returning id`,
        )
      ).map((r) => r.id) as [string, string];
      await owner(
        `insert into public.company_members (company_id, user_id, role) values ($1, $3, 'admin'), ($2, $3, 'admin')`,
        [older, newer, buyer],
      );
      const quote = testQuote([{ ...PAID, seats: 2 }]);
      const companyOf = async (order: string) =>
        (await owner<{ company_id: string }>('select company_id from public.orders where id = $1', [order]))[0]!
          .company_id;

      // An admin of two companies buys for the second one (not the oldest) when they name it.
      const second = await createOrder(buyer, 'two-co-second', { quote, companyId: newer });
      expect(await companyOf(second.order_id)).toBe(newer);
      expect(await event('evt_two_co_second', 'paid', second.order_id, quote.total, 'USD')).toBe('fulfilled');
      expect(
        await owner('select company_id, course_id, seats from public.seat_purchases where order_id = $1', [
          second.order_id,
        ]),
      ).toEqual([{ company_id: newer, course_id: COURSE.paid, seats: 2 }]);
      // Without a company, the oldest they administer.
      expect(await companyOf((await createOrder(buyer, 'two-co-default', { quote })).order_id)).toBe(older);

      // Removed as the older company's admin: not theirs to buy for, named or by default.
      await owner(
        `update public.company_members set status = 'removed', removed_at = now() where company_id = $1 and user_id = $2`,
        [older, buyer],
      );
      await expect(createOrder(buyer, 'two-co-removed', { quote, companyId: older })).rejects.toMatchObject({
        code: 'P0001',
        message: 'company_forbidden',
      });
      expect(await companyOf((await createOrder(buyer, 'two-co-active', { quote })).order_id)).toBe(newer);

      // Removed from both: a corporate purchase needs a new company's name.
      await owner(
        `update public.company_members set status = 'removed', removed_at = now() where company_id = $1 and user_id = $2`,
        [newer, buyer],
      );
      await expect(createOrder(buyer, 'two-co-none-1', { quote })).rejects.toMatchObject({
        code: 'P0001',
        message: 'company_required',
      });
      await expect(createOrder(buyer, 'two-co-none-2', { quote, companyId: newer })).rejects.toMatchObject({
        code: 'P0001',
        message: 'company_forbidden',
      });
      const [left] = await owner<{ n: number }>(
        `select count(*)::int as n from public.orders
         where user_id = $1 and idempotency_key in ('two-co-removed', 'two-co-none-1', 'two-co-none-2')`,
        [buyer],
      );
      expect(left!.n).toBe(0);
    });

    it('holds a coupon use until paid or expired: limits, expiry and the per-user limit', async () => {
      await owner(`insert into public.coupons (code, label, kind, percent_bps, max_redemptions, per_user_limit)
                   values ('TWICE', 'Two uses', 'percent', 2000, 2, null)`);
      const coupon = { code: 'TWICE', label: 'Two uses' };
      const quote = testQuote([{ ...PAID, couponBps: 2000 }], { coupon });
      const [a, b, c] = [await newBuyer(), await newBuyer(), await newBuyer()];
      const first = await createOrder(a, 'twice-a-0001', { quote });
      await createOrder(b, 'twice-b-0001', { quote });
      await expect(createOrder(c, 'twice-c-0001', { quote })).rejects.toMatchObject({
        code: 'P0001',
        message: 'coupon_exhausted',
      });
      const [hold] = await owner<{ status: string; same: boolean }>(
        `select r.status, r.held_until = o.expires_at as same from public.coupon_redemptions r
         join public.orders o on o.id = r.order_id where r.order_id = $1`,
        [first.order_id],
      );
      expect(hold).toEqual({ status: 'held', same: true });
      const snapUsed = async () =>
        (
          await one<{ c: { coupon: { used: number } } }>(
            'select private.commerce_catalog($1, $2, $3, $4, $5, $6) as c',
            [[], [], 'TWICE', null, null, null],
          )
        ).c.coupon.used;
      expect(await snapUsed()).toBe(2);

      // The first order's checkout expires: its hold is released and the third buyer gets it.
      await owner(`update public.orders set expires_at = now() - interval '1 minute' where id = $1`, [first.order_id]);
      await owner(`update public.coupon_redemptions set held_until = now() - interval '1 minute' where order_id = $1`, [
        first.order_id,
      ]);
      expect(await snapUsed()).toBe(1);
      const [{ n }] = [await one<{ n: number }>('select private.expire_orders(now()) as n')];
      expect(n).toBeGreaterThanOrEqual(1);
      expect(await orderState(first.order_id)).toMatchObject({
        status: 'expired',
        payment: 'failed',
        failure_code: 'expired',
        hold: 'released',
      });
      const third = await createOrder(c, 'twice-c-0001', { quote });
      expect(third.created).toBe(true);

      // WELCOME10 is once per buyer: a second order of the student's is refused.
      const welcome = testQuote([{ ...PAID, couponBps: 1000 }], { coupon: { code: 'WELCOME10', label: '10%' } });
      await expect(createOrder(USER.student, 'student-again', { quote: welcome })).rejects.toMatchObject({
        message: 'coupon_invalid',
      });
      const expired = testQuote([{ ...PAID, couponBps: 2000 }], { coupon: { code: 'OLD2020', label: 'Old' } });
      await expect(createOrder(a, 'expired-0001', { quote: expired })).rejects.toMatchObject({
        message: 'coupon_expired',
      });
      const unknown = testQuote([PAID], { coupon: { code: 'NOSUCHCODE', label: '?' } });
      await expect(createOrder(a, 'unknown-0001', { quote: unknown })).rejects.toMatchObject({
        message: 'coupon_invalid',
      });
    });

    it('lets exactly 10 of 50 concurrent orders carry a 10-use coupon', async () => {
      await owner(`insert into public.coupons (code, label, kind, percent_bps, max_redemptions, per_user_limit)
                   values ('TEN', 'Ten uses', 'percent', 1000, 10, null)`);
      const quote = testQuote([{ ...PAID, couponBps: 1000 }], { coupon: { code: 'TEN', label: 'Ten uses' } });
      const people: string[] = [];
      for (let i = 0; i < 50; i++) people.push(await newBuyer('race'));
      // PostgreSQL: separate connections, truly at once. PGlite has one connection: it serializes.
      const pool = engine === 'postgres' ? await ownPool(25) : undefined;
      const db = pool ?? t.db;
      try {
        const results = await Promise.allSettled(
          people.map((buyer, i) =>
            db.asService((sql) =>
              sql.query('select private.create_order($1, $2, $3) as r', [
                buyer,
                `race-${i}-key`,
                JSON.stringify({ quote }),
              ]),
            ),
          ),
        );
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(10);
        expect(new Set(lost.map((r) => (r.reason as Error).message))).toEqual(new Set(['coupon_exhausted']));
      } finally {
        await pool?.close();
      }
      const [row] = await owner<{ held: number; orders: number }>(
        `select count(*)::int as held, count(distinct r.order_id)::int as orders
         from public.coupon_redemptions r join public.coupons k on k.id = r.coupon_id
         where k.code = 'TEN' and r.status = 'held'`,
      );
      expect(row).toEqual({ held: 10, orders: 10 });
    });
  });

  describe('private.record_payment_event', () => {
    it('fulfils once: enrollment, redeemed coupon, invoice, receipt mail and notification; a duplicate changes nothing', async () => {
      const buyer = await newBuyer();
      await owner(
        `insert into public.coupons (code, label, kind, amount_off, currency) values ('TAKE5', '5 off', 'fixed', 500, 'USD')`,
      );
      const quote = testQuote([{ ...PAID, couponOff: 500 }], { coupon: { code: 'TAKE5', label: '5 off' } });
      const { order_id } = await createOrder(buyer, 'pay-once-001', { quote });
      expect(await event('evt_once', 'paid', order_id, quote.total, 'usd')).toBe('fulfilled');
      expect(await event('evt_once', 'paid', order_id, quote.total, 'usd')).toBe('duplicate');
      expect(await orderState(order_id)).toMatchObject({
        status: 'paid',
        payment: 'succeeded',
        hold: 'redeemed',
        invoices: 1,
      });
      expect(await enrollments(buyer)).toEqual([
        { course_id: COURSE.paid, status: 'active', source: 'purchase', total_lessons: 2 },
      ]);
      const [invoice] = await owner<Row>(
        'select number, bill_to, lines, subtotal, discount, tax, total, currency from public.invoices where order_id = $1',
        [order_id],
      );
      expect(invoice).toMatchObject({
        bill_to: { name: 'Bea Buyer', email: expect.stringMatching(/@example\.test$/), company: null },
        lines: [{ description: 'Paid course', quantity: 1, unitAmount: 4900, discount: 500, tax: 0, total: 4400 }],
        subtotal: 4900,
        discount: 500,
        tax: 0,
        total: 4400,
        currency: 'USD',
      });
      // The receipt is asked of the mail port in the same transaction (server/mail/order-mail.ts renders it).
      const mails = await owner<Row>(
        "select template, vars from private.mail_requests where user_id = $1 and template <> 'notification'",
        [buyer],
      );
      expect(mails).toEqual([
        {
          template: 'receipt',
          vars: {
            orderId: order_id,
            invoiceNumber: invoice!.number,
            currency: 'USD',
            total: 4400,
            paidAt: expect.any(String),
            lines: [{ description: 'Paid course', quantity: 1, total: 4400 }],
          },
        },
      ]);
      const [outbox] = await owner<Row>('select count(*)::int as n from private.mail_outbox');
      expect(outbox).toEqual({ n: 0 }); // only the transport writes the outbox
      const notes = await owner<Row>(
        'select kind, title, body, link from public.notifications where user_id = $1 order by title',
        [buyer],
      );
      expect(notes).toEqual([
        {
          kind: 'system',
          title: 'Payment received',
          body: `We received USD 44.00 for Paid course. Invoice ${invoice!.number}.`,
          link: `/orders/${order_id}`,
        },
        expect.objectContaining({ kind: 'enrollment', title: 'Welcome to Paid course' }),
      ]);
      const [ev] = await owner<Row>('select type, order_id, outcome from public.payment_events where id = $1', [
        'evt_once',
      ]);
      expect(ev).toEqual({ type: 'paid', order_id, outcome: 'fulfilled' });
    });

    it('changes nothing on an amount or currency mismatch, and a late failure after paid', async () => {
      const buyer = await newBuyer();
      const quote = testQuote([PAID]);
      const { order_id } = await createOrder(buyer, 'mismatch-001', { quote });
      expect(await event('evt_short', 'paid', order_id, quote.total - 1, 'USD')).toBe('mismatch');
      expect(await event('evt_eur', 'paid', order_id, quote.total, 'EUR')).toBe('mismatch');
      expect(await orderState(order_id)).toMatchObject({ status: 'pending', payment: 'pending', invoices: 0 });
      expect(await enrollments(buyer)).toEqual([]);

      expect(await event('evt_paid', 'paid', order_id, quote.total, 'USD')).toBe('fulfilled');
      expect(
        await event('evt_late_fail', 'failed', order_id, null, null, { code: 'card_declined', message: 'Declined' }),
      ).toBe('ignored');
      expect(await orderState(order_id)).toMatchObject({ status: 'paid', payment: 'succeeded', invoices: 1 });
      expect(await enrollments(buyer)).toEqual([expect.objectContaining({ status: 'active' })]);
      expect(await event('evt_other_type', 'checkout.session.completed', order_id, quote.total, 'USD')).toBe('ignored');
      expect(await event('evt_no_order', 'paid', null, 1, 'USD')).toBe('ignored');
    });

    it('fails a declined order (hold released, no enrollment), and a later successful payment still fulfils it', async () => {
      const buyer = await newBuyer();
      await owner(
        `insert into public.coupons (code, label, kind, percent_bps, max_redemptions) values ('ONCE', 'Once', 'percent', 1000, 1)`,
      );
      const quote = testQuote([{ ...PAID, couponBps: 1000 }], { coupon: { code: 'ONCE', label: 'Once' } });
      const { order_id } = await createOrder(buyer, 'declined-001', { quote });
      expect(
        await event('evt_decl', 'failed', order_id, null, null, {
          code: 'card_declined',
          message: 'Your card was declined.',
        }),
      ).toBe('failed');
      expect(await orderState(order_id)).toMatchObject({
        status: 'failed',
        payment: 'failed',
        failure_code: 'card_declined',
        hold: 'released',
      });
      expect(await enrollments(buyer)).toEqual([]);
      // The buyer retries in the same checkout and pays: the released use is taken again (room left).
      expect(await event('evt_retry_ok', 'paid', order_id, quote.total, 'USD')).toBe('fulfilled');
      expect(await orderState(order_id)).toMatchObject({ status: 'paid', hold: 'redeemed' });

      // An expired order whose coupon use went to someone else meanwhile is not fulfilled.
      const late = await newBuyer();
      await owner(
        `insert into public.coupons (code, label, kind, percent_bps, max_redemptions) values ('SOLO', 'Solo', 'percent', 1000, 1)`,
      );
      const solo = testQuote([{ ...PAID, couponBps: 1000 }], { coupon: { code: 'SOLO', label: 'Solo' } });
      const expiring = await createOrder(late, 'expiring-001', { quote: solo });
      await owner(`update public.orders set expires_at = now() - interval '1 minute' where id = $1`, [
        expiring.order_id,
      ]);
      await one('select private.expire_orders(now())');
      const taker = await newBuyer();
      await createOrder(taker, 'taker-00001', { quote: solo });
      expect(await event('evt_too_late', 'paid', expiring.order_id, solo.total, 'USD')).toBe('mismatch');
      expect(await orderState(expiring.order_id)).toMatchObject({ status: 'expired', hold: 'released', invoices: 0 });
    });

    it('rolls back with a failing caller, and the retry of the same event succeeds', async () => {
      const buyer = await newBuyer();
      const quote = testQuote([PAID]);
      const { order_id } = await createOrder(buyer, 'rollback-001', { quote });
      const boom = new Error('the handler failed after recording');
      await expect(
        svc(async (sql) => {
          await sql.query('select private.record_payment_event($1, $2, $3, $4, $5, $6, $7)', [
            'evt_retry',
            'paid',
            order_id,
            quote.total,
            'USD',
            null,
            null,
          ]);
          throw boom;
        }),
      ).rejects.toBe(boom);
      expect(await orderState(order_id)).toMatchObject({ status: 'pending', invoices: 0 });
      expect(await owner('select 1 from public.payment_events where id = $1', ['evt_retry'])).toEqual([]);
      expect(await event('evt_retry', 'paid', order_id, quote.total, 'USD')).toBe('fulfilled');
    });

    it('fulfils once when the same event arrives several times at once', async () => {
      const buyer = await newBuyer();
      const quote = testQuote([PAID]);
      const { order_id } = await createOrder(buyer, 'twice-at-once', { quote });
      // PostgreSQL: four connections at once. PGlite has one connection: it serializes them.
      const pool = engine === 'postgres' ? await ownPool(4) : undefined;
      const db = pool ?? t.db;
      try {
        const outcomes = await Promise.all(
          [1, 2, 3, 4].map(() =>
            db.asService((sql) =>
              sql.query<{ o: string }>(
                "select private.record_payment_event('evt_at_once', 'paid', $1, $2, 'USD', null, null) as o",
                [order_id, quote.total],
              ),
            ),
          ),
        );
        expect(outcomes.map((r) => r[0]!.o).sort()).toEqual(['duplicate', 'duplicate', 'duplicate', 'fulfilled']);
      } finally {
        await pool?.close();
      }
      expect(await orderState(order_id)).toMatchObject({ status: 'paid', invoices: 1 });
      expect(await enrollments(buyer)).toHaveLength(1);
    });

    it('buys seats for a new company: company, admin membership, seat purchases per course of a bundle', async () => {
      const buyer = await newBuyer();
      const quote = testQuote([{ ...BUNDLE_LINE, seats: 12 }]);
      const { order_id } = await createOrder(buyer, 'seats-new-co', { quote, companyName: 'Umbrella & Co' });
      expect(await event('evt_seats', 'paid', order_id, quote.total, 'USD')).toBe('fulfilled');
      const [co] = await owner<Row>(
        `select c.name, c.slug, m.role::text as role from public.orders o join public.companies c on c.id = o.company_id
         join public.company_members m on m.company_id = c.id and m.user_id = o.user_id where o.id = $1`,
        [order_id],
      );
      expect(co).toEqual({
        name: 'Umbrella & Co',
        slug: expect.stringMatching(/^umbrella-co-[0-9a-f]{8}$/),
        role: 'admin',
      });
      const seats = await owner<Row>(
        'select course_id, seats, seats_revoked from public.seat_purchases where order_id = $1 order by course_id',
        [order_id],
      );
      expect(seats).toEqual(
        [COURSE.free, COURSE.paid].sort().map((course_id) => ({ course_id, seats: 12, seats_revoked: 0 })),
      );
      expect(await enrollments(buyer)).toEqual([]);
      const [invoice] = await owner<Row>(
        'select bill_to, company_id is not null as has_company from public.invoices where order_id = $1',
        [order_id],
      );
      expect(invoice).toEqual({
        bill_to: expect.objectContaining({ company: 'Umbrella & Co' }),
        has_company: true,
      });
    });
  });

  describe('private.refund_order', () => {
    it('a full refund cancels the enrollments, marks the order refunded and issues a credit note', async () => {
      const buyer = await newBuyer();
      const quote = testQuote([{ ...BUNDLE_LINE, ruleBps: 1000 }], {
        taxRate: { label: 'VAT 19%', rateBps: 1900, country: 'DE', region: null },
      });
      const { order_id } = await createOrder(buyer, 'refund-full1', { quote, country: 'DE' });
      await event('evt_refund_full', 'paid', order_id, quote.total, 'USD');
      expect((await enrollments(buyer)).map((e) => e.status)).toEqual(['active', 'active']);
      const { r } = await one<{ r: Row }>('select to_jsonb(private.refund_order($1, null, $2, $3, $4, $5)) as r', [
        order_id,
        'Changed my mind',
        'learner',
        buyer,
        're_full',
      ]);
      expect(r).toMatchObject({
        amount: quote.total,
        status: 'succeeded',
        kind: 'learner',
        credit_note_id: expect.any(String),
      });
      expect(await orderState(order_id)).toMatchObject({ status: 'refunded', payment: 'refunded' });
      expect((await enrollments(buyer)).map((e) => e.status)).toEqual(['cancelled', 'cancelled']);
      const [note] = await owner<Row>(
        'select number, kind, refund_id, lines, subtotal, discount, tax, total from public.invoices where id = $1',
        [r.credit_note_id],
      );
      expect(note).toMatchObject({
        number: expect.stringMatching(/^CN-\d{4}-\d{4}-\d{3}$/),
        kind: 'credit_note',
        refund_id: r.id,
        subtotal: quote.subtotal,
        discount: quote.discount,
        tax: quote.tax,
        total: quote.total,
      });
      await expect(
        one('select private.refund_order($1, 1, $2, $3, null, null)', [order_id, 'again', 'admin']),
      ).rejects.toMatchObject({ code: 'P0001', message: 'not_refundable' });
      // A retry with the provider's refund id answers the recorded refund, and writes nothing more.
      const retry = await one<{ r: Row }>('select to_jsonb(private.refund_order($1, null, $2, $3, $4, $5)) as r', [
        order_id,
        'Changed my mind',
        'learner',
        buyer,
        're_full',
      ]);
      expect(retry.r).toEqual({ ...r, credit_note_id: r.credit_note_id });
      const [counts] = await owner<Row>(
        `select (select count(*)::int from public.refunds where order_id = $1) as refunds,
                (select count(*)::int from public.invoices where order_id = $1) as documents`,
        [order_id],
      );
      expect(counts).toEqual({ refunds: 1, documents: 2 });
      // One credit-note mail asked for, in the refund's transaction; the retry asked for none.
      const mails = await owner<Row>(
        "select vars from private.mail_requests where user_id = $1 and template = 'credit_note'",
        [buyer],
      );
      const [invoice] = await owner<Row>(
        "select number from public.invoices where order_id = $1 and kind = 'invoice'",
        [order_id],
      );
      expect(mails).toEqual([
        {
          vars: {
            orderId: order_id,
            creditNoteNumber: note!.number,
            invoiceNumber: invoice!.number,
            currency: 'USD',
            amount: quote.total,
          },
        },
      ]);
    });

    it('a partial refund moves money only: a credit note with the tax share, enrollments kept', async () => {
      const buyer = await newBuyer();
      const quote = testQuote([PAID], { taxRate: { label: 'VAT 19%', rateBps: 1900, country: 'DE', region: null } });
      const { order_id } = await createOrder(buyer, 'refund-part1', { quote, country: 'DE' });
      await event('evt_refund_part', 'paid', order_id, quote.total, 'USD');
      await expect(
        one('select private.refund_order($1, $2, $3, $4, null, null)', [
          order_id,
          quote.total + 1,
          'too much',
          'admin',
        ]),
      ).rejects.toMatchObject({ message: 'refund_amount_invalid' });
      const { r } = await one<{ r: Row }>('select to_jsonb(private.refund_order($1, 1000, $2, $3, null, null)) as r', [
        order_id,
        'Goodwill',
        'admin',
      ]);
      expect(await orderState(order_id)).toMatchObject({ status: 'partially_refunded', payment: 'partially_refunded' });
      expect((await enrollments(buyer)).map((e) => e.status)).toEqual(['active']);
      const taxShare = Math.floor((1000 * quote.tax * 2 + quote.total) / (2 * quote.total));
      const [note] = await owner<Row>('select lines, subtotal, tax, total from public.invoices where id = $1', [
        r.credit_note_id,
      ]);
      expect(note).toEqual({
        lines: [
          {
            description: 'Refund: Goodwill',
            quantity: 1,
            unitAmount: 1000 - taxShare,
            discount: 0,
            tax: taxShare,
            total: 1000,
          },
        ],
        subtotal: 1000 - taxShare,
        tax: taxShare,
        total: 1000,
      });
      // The rest makes it full: the enrollment goes too.
      await one('select private.refund_order($1, null, $2, $3, null, null)', [order_id, 'The rest', 'admin']);
      expect(await orderState(order_id)).toMatchObject({ status: 'refunded' });
      expect((await enrollments(buyer)).map((e) => e.status)).toEqual(['cancelled']);
    });

    it('a full corporate refund revokes the seats not assigned', async () => {
      const buyer = await newBuyer();
      const quote = testQuote([{ ...PAID, seats: 5 }]);
      const { order_id } = await createOrder(buyer, 'refund-seats', { quote, companyName: 'Seat Co' });
      await event('evt_refund_seats', 'paid', order_id, quote.total, 'USD');
      // Two seats were assigned: two members with active assignments, enrolled through the company.
      const { company_id } = (
        await owner<{ company_id: string }>('select company_id from public.orders where id = $1', [order_id])
      )[0]!;
      for (const member of [await newBuyer('member'), await newBuyer('member')]) {
        await owner(`insert into public.company_members (company_id, user_id) values ($1, $2)`, [company_id, member]);
        await owner(`insert into public.company_assignments (company_id, course_id, user_id) values ($1, $2, $3)`, [
          company_id,
          COURSE.paid,
          member,
        ]);
        await owner(`insert into public.enrollments (user_id, course_id, source) values ($1, $2, 'company')`, [
          member,
          COURSE.paid,
        ]);
      }
      await one('select private.refund_order($1, null, $2, $3, null, null)', [order_id, 'Team cancelled', 'admin']);
      expect(
        await owner('select seats, seats_revoked from public.seat_purchases where order_id = $1', [order_id]),
      ).toEqual([{ seats: 5, seats_revoked: 3 }]);
    });
  });

  describe('invoice numbers', () => {
    it('are INV-YYYY-MMDD-NNN of the UTC day, unique and sequential, with no gap after a rollback', async () => {
      const numbers: string[] = [];
      const pay = async (i: number) => {
        const buyer = await newBuyer('inv');
        const quote = testQuote([PAID]);
        const { order_id } = await createOrder(buyer, `invoice-${i}-key`, { quote });
        await event(`evt_invoice_${i}`, 'paid', order_id, quote.total, 'USD');
        const [row] = await owner<{ number: string }>(
          `select number from public.invoices where order_id = $1 and kind = 'invoice'`,
          [order_id],
        );
        numbers.push(row!.number);
      };
      await pay(1);
      // A fulfilment rolled back gives its number back.
      const buyer = await newBuyer('inv');
      const quote = testQuote([PAID]);
      const { order_id } = await createOrder(buyer, 'invoice-rb-key', { quote });
      await svc(async (sql) => {
        await sql.query("select private.record_payment_event('evt_invoice_rb', 'paid', $1, $2, 'USD', null, null)", [
          order_id,
          quote.total,
        ]);
        throw new Error('roll back');
      }).catch(() => undefined);
      await pay(2);
      await pay(3);

      const { day } = (
        await owner<{ day: string }>(`select to_char(now() at time zone 'UTC', 'YYYY-MMDD') as day`)
      )[0]!;
      const seq = numbers.map((n) => {
        const m = /^INV-(\d{4}-\d{4})-(\d{3,})$/.exec(n);
        expect(m?.[1], n).toBe(day);
        return Number(m![2]);
      });
      expect(seq).toEqual([seq[0], seq[0]! + 1, seq[0]! + 2]);
      const all = await owner<{ number: string }>(
        `select number from public.invoices where number like $1 order by number`,
        [`INV-${day}-%`],
      );
      expect(new Set(all.map((r) => r.number)).size).toBe(all.length);
      expect(all.map((r) => Number(r.number.slice(-3)))).toEqual(all.map((_, i) => i + 1));
    });
  });

  describe('payment helpers', () => {
    it('stores the checkout session, and answers what a provider needs by order id or session id', async () => {
      const buyer = await newBuyer('session');
      const quote = testQuote([PAID]);
      const { order_id } = await createOrder(buyer, 'session-0001', { quote, method: 'card' });
      expect(
        (await one<{ ok: boolean }>('select private.set_checkout_session($1, $2) as ok', [order_id, 'cs_test_1'])).ok,
      ).toBe(true);
      const bySession = (await one<{ o: Row }>('select private.order_for_payment(null, $1) as o', ['cs_test_1'])).o;
      expect(bySession).toMatchObject({
        id: order_id,
        userId: buyer,
        status: 'pending',
        currency: 'USD',
        total: 4900,
        checkoutSessionId: 'cs_test_1',
        lines: [{ title: 'Paid course', seats: 1, totalAmount: 4900 }],
      });
      expect((await one<{ o: Row }>('select private.order_for_payment($1, null) as o', [order_id])).o).toEqual(
        bySession,
      );
      expect(
        (await one<{ o: Row | null }>('select private.order_for_payment(null, $1) as o', ['cs_none'])).o,
      ).toBeNull();
      const [pay] = await owner('select gateway_session_id from public.payments where order_id = $1', [order_id]);
      expect(pay).toEqual({ gateway_session_id: 'cs_test_1' });
    });

    it('stores a demo request', async () => {
      const { id } = await one<{ id: string }>('select private.create_demo_request($1, $2, $3, $4, $5) as id', [
        ' Pat ',
        'pat@example.test',
        'Hooli',
        250,
        null,
      ]);
      expect(await owner('select name, team_size, message from public.demo_requests where id = $1', [id])).toEqual([
        { name: 'Pat', team_size: 250, message: '' },
      ]);
    });
  });
});
