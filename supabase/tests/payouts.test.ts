import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../edge/db/port.ts';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { BUNDLE, CARD, COURSE, callerOf, type Role, seedFixtures, USER } from './fixtures.ts';
import { PAYOUT } from './fixtures-payouts.ts';

/**
 * Payouts (supabase/migrations/20261129000500, docs/commerce.md "Payouts") on PGlite and
 * PostgreSQL: the earnings arithmetic (a coupon's discount, a bundle line split over two
 * instructors' courses, tax left out, a refund counted in the later period it was made, two
 * currencies, the instructor's own share), recording a payout (closed period, no overlap, audited)
 * and that a paid payout never changes. The RLS matrix covers each table per role and verb.
 */

// biome-ignore lint/suspicious/noExplicitAny: rows read loosely in assertions
type Json = Record<string, any>;
type Failure = { code?: string; hint?: string; message: string };

const id = (n: number) => `00000000-0000-4000-8131-${n.toString().padStart(12, '0')}`;
const ORDER = { coupon: id(1), bundle: id(2), euro: id(3) };

describe.each(engines())('payouts on %s', (engine) => {
  let t: TestDatabase;
  const owner = <T = Json>(text: string, params: unknown[] = []) => t.db.asOwner((sql) => sql.query<T>(text, params));
  const as = <T = Json>(role: Role, text: string, params: unknown[] = []) =>
    t.db.asCaller(callerOf(role), (sql: Sql) => sql.query<T>(text, params));
  const earnings = async (role: Role, from: string, to: string) =>
    (
      await as(
        role,
        `select instructor_id, currency, gross::int, refunds::int, net::int, platform_share_bps as bps,
                platform_fee::int as fee, instructor_share::int as share, paid::int, due::int
         from public.payout_earnings($1, $2) order by instructor_id, currency`,
        [from, to],
      )
    ).map((r) => ({ ...r }));
  const hint = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      const f = error as Failure;
      return f.hint || f.code || f.message;
    }
    throw new Error('expected a failure');
  };
  const record = (role: Role, instructor: string, from: string, to: string, currency: string, ref: string) =>
    as<{ r: Json }>(role, 'select public.admin_record_payout($1, $2, $3, $4, $5) as r', [
      instructor,
      from,
      to,
      currency,
      ref,
    ]);

  beforeAll(async () => {
    t = await fresh(engine);
    await seedFixtures(t.db);
    // Three orders in April 2025 and the refunds of two: one in April, one in May.
    await t.db.runScript(`
      update public.courses set price_amount = 4900 where id = '${COURSE.paid}';
      update public.courses set price_amount = 3000 where id = '${COURSE.otherDraft}';
      insert into public.orders (id, user_id, kind, status, currency, subtotal, discount, tax, total, quote,
                                 idempotency_key, expires_at, paid_at, created_at) values
        ('${ORDER.coupon}', '${USER.student}', 'single', 'partially_refunded', 'USD', 4900, 490, 0, 4410, '{}',
         'payout-coupon', '2025-04-06', '2025-04-05T10:00:00Z', '2025-04-05T09:59:00Z'),
        ('${ORDER.bundle}', '${USER.student}', 'bundle', 'refunded', 'USD', 7900, 790, 1351, 8461, '{}',
         'payout-bundle', '2025-04-11', '2025-04-10T10:00:00Z', '2025-04-10T09:59:00Z'),
        ('${ORDER.euro}', '${USER.otherStudent}', 'single', 'paid', 'EUR', 4500, 0, 0, 4500, '{}',
         'payout-euro', '2025-04-13', '2025-04-30T23:59:59Z', '2025-04-12T09:59:00Z');
      insert into public.order_items (order_id, kind, course_id, bundle_id, course_ids, title, seats, unit_amount,
                                      list_amount, discount_amount, tax_amount, total_amount) values
        ('${ORDER.coupon}', 'course', '${COURSE.paid}', null, array['${COURSE.paid}']::uuid[], 'Paid', 1, 4900,
         4900, 490, 0, 4410),
        ('${ORDER.bundle}', 'bundle', null, '${BUNDLE.published}',
         array['${COURSE.paid}', '${COURSE.otherDraft}']::uuid[], 'Split bundle', 1, 7900, 7900, 790, 1351, 8461),
        ('${ORDER.euro}', 'course', '${COURSE.paid}', null, array['${COURSE.paid}']::uuid[], 'Paid', 1, 4500,
         4500, 0, 0, 4500);
      insert into public.payments (order_id, provider, status, amount, currency, method)
        select id, 'local', 'succeeded', total, currency, 'card' from public.orders
        where id in ('${ORDER.coupon}', '${ORDER.bundle}', '${ORDER.euro}');
      insert into public.refunds (order_id, payment_id, amount, currency, kind, status, processed_at)
        select o.id, p.id, x.amount, o.currency, 'admin', 'succeeded', x.at::timestamptz
        from (values ('${ORDER.coupon}'::uuid, 441, '2025-04-20T10:00:00Z'),
                     ('${ORDER.bundle}'::uuid, 8461, '2025-05-03T10:00:00Z')) x(id, amount, at)
        join public.orders o on o.id = x.id join public.payments p on p.order_id = o.id;
    `);
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('splits April: coupon net of discount, bundle by list price, tax left out, two currencies, own share', async () => {
    expect(await earnings('admin', '2025-04-01', '2025-04-30')).toEqual(
      [
        // 20% (the instructor's override): 4410 from the coupon order + 4410 of the bundle's 7110, less 441.
        {
          instructor_id: CARD.instructor,
          currency: 'EUR',
          gross: 4500,
          refunds: 0,
          net: 4500,
          bps: 2000,
          fee: 900,
          share: 3600,
          paid: 0,
          due: 3600,
        },
        {
          instructor_id: CARD.instructor,
          currency: 'USD',
          gross: 8820,
          refunds: 441,
          net: 8379,
          bps: 2000,
          fee: 1676,
          share: 6703,
          paid: 0,
          due: 6703,
        },
        // 30% (the default): 2700 of the bundle's 7110.
        {
          instructor_id: CARD.otherInstructor,
          currency: 'USD',
          gross: 2700,
          refunds: 0,
          net: 2700,
          bps: 3000,
          fee: 810,
          share: 1890,
          paid: 0,
          due: 1890,
        },
      ].sort((a, b) => `${a.instructor_id}${a.currency}`.localeCompare(`${b.instructor_id}${b.currency}`)),
    );
  });

  it('counts the bundle refund in May, when it was made: negative net, nothing due', async () => {
    expect(await earnings('admin', '2025-05-01', '2025-05-31')).toEqual([
      {
        instructor_id: CARD.instructor,
        currency: 'USD',
        gross: 0,
        refunds: 4410,
        net: -4410,
        bps: 2000,
        fee: -882,
        share: -3528,
        paid: 0,
        due: -3528,
      },
      {
        instructor_id: CARD.otherInstructor,
        currency: 'USD',
        gross: 0,
        refunds: 2700,
        net: -2700,
        bps: 3000,
        fee: -810,
        share: -1890,
        paid: 0,
        due: -1890,
      },
    ]);
    // April and May together: the bundle nets to nothing.
    const both = await earnings('admin', '2025-04-01', '2025-05-31');
    expect(both.find((r) => r.instructor_id === CARD.otherInstructor)).toMatchObject({
      gross: 2700,
      refunds: 2700,
      net: 0,
    });
  });

  it('shows an instructor only their own; students and company admins are refused', async () => {
    const mine = await earnings('instructor', '2025-04-01', '2025-04-30');
    expect(mine.map((r) => [r.instructor_id, r.currency])).toEqual([
      [CARD.instructor, 'EUR'],
      [CARD.instructor, 'USD'],
    ]);
    for (const who of ['student', 'companyAdmin'] as const) {
      expect(await hint(() => earnings(who, '2025-04-01', '2025-04-30'))).toBe('403:forbidden');
    }
    expect(await hint(() => earnings('admin', '2025-05-01', '2025-04-30'))).toBe('400:invalid_period');
    expect(await hint(() => earnings('admin', '2024-01-01', '2025-04-30'))).toBe('400:invalid_period');
  });

  it('records a paid payout for a closed period, audited; refuses overlaps, open periods and nothing due', async () => {
    const [row] = await record('admin', CARD.instructor, '2025-04-01', '2025-04-30', 'usd', ' TR-APR ');
    expect(row!.r).toMatchObject({
      instructor_id: CARD.instructor,
      currency: 'USD',
      gross: 8820,
      refunds: 441,
      platform_fee: 1676,
      amount: 6703,
      status: 'paid',
      reference: 'TR-APR',
      paid_by: USER.admin,
    });
    const audit = await owner('select actor_id, target_id, details from public.admin_audit_log where action = $1', [
      'payout.mark_paid',
    ]);
    expect(audit).toEqual([
      {
        actor_id: USER.admin,
        target_id: row!.r.id,
        details: expect.objectContaining({ amount: 6703, currency: 'USD' }),
      },
    ]);
    const usd = (await earnings('admin', '2025-04-01', '2025-04-30')).find(
      (r) => r.instructor_id === CARD.instructor && r.currency === 'USD',
    );
    expect(usd).toMatchObject({ share: 6703, paid: 6703, due: 0 });

    expect(await hint(() => record('admin', CARD.instructor, '2025-04-15', '2025-05-15', 'USD', 'X'))).toBe(
      '409:payout_overlap',
    );
    expect(await hint(() => record('admin', CARD.instructor, '2025-05-01', '2025-05-31', 'USD', 'X'))).toBe(
      '409:nothing_due',
    );
    const today = new Date().toISOString().slice(0, 10);
    const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    expect(await hint(() => record('admin', CARD.instructor, weekAgo, today, 'USD', 'X'))).toBe('409:period_open');
    expect(await hint(() => record('admin', CARD.instructor, '2025-04-01', '2025-04-30', 'EUR', ''))).toBe(
      '400:invalid_reference',
    );
    expect(await hint(() => record('instructor', CARD.instructor, '2025-04-01', '2025-04-30', 'EUR', 'X'))).toBe(
      '403:not_admin',
    );
    expect(
      await hint(() => record('admin', '00000000-0000-4000-8000-0000000000ff', '2025-04-01', '2025-04-30', 'EUR', 'X')),
    ).toBe('P0002');
    // The same April in euros is its own payout; the refused attempts wrote no audit entry.
    expect((await record('admin', CARD.instructor, '2025-04-01', '2025-04-30', 'EUR', 'TR-EUR'))[0]!.r.amount).toBe(
      3600,
    );
    const [n] = await owner<{ n: number }>(
      "select count(*)::int as n from public.admin_audit_log where action = 'payout.mark_paid'",
    );
    expect(n!.n).toBe(2);
  });

  it('never changes or deletes a paid payout, not even as the owner', async () => {
    expect(await hint(() => owner(`update public.payouts set reference = 'X' where id = '${PAYOUT.instructor}'`))).toBe(
      '409:payout_paid',
    );
    expect(await hint(() => owner(`delete from public.payouts where id = '${PAYOUT.instructor}'`))).toBe(
      '409:payout_paid',
    );
  });

  it('sets the default share and an override, audited; admins only', async () => {
    const [platform] = await as<{ r: Json }>('admin', 'select public.admin_set_revenue_share(null, 2500) as r');
    expect(platform!.r).toMatchObject({ instructorId: null, shareBps: 2500, effectiveBps: 2500 });
    const other = (await earnings('admin', '2025-04-01', '2025-04-30')).find(
      (r) => r.instructor_id === CARD.otherInstructor,
    );
    expect(other).toMatchObject({ bps: 2500, fee: 675, share: 2025 });
    const [back] = await as<{ r: Json }>('admin', 'select public.admin_set_revenue_share($1, null) as r', [
      CARD.instructor,
    ]);
    expect(back!.r).toMatchObject({ shareBps: null, effectiveBps: 2500 });
    expect(await hint(() => as('admin', 'select public.admin_set_revenue_share(null, 10001)'))).toBe(
      '400:invalid_share',
    );
    expect(await hint(() => as('instructor', 'select public.admin_set_revenue_share($1, 0)', [CARD.instructor]))).toBe(
      '403:not_admin',
    );
    const [n] = await owner<{ n: number }>(
      "select count(*)::int as n from public.admin_audit_log where action = 'payout.share_change'",
    );
    expect(n!.n).toBe(2);
  });
});
