import type { Sql } from '../../edge/db/port.ts';
import type { HostDatabase } from '../../server/db/types.ts';
import { testQuote } from './commerce-quote.ts';
import { BUNDLE, COMPANY, COUPON, COURSE, RULE, TAX, USER } from './fixtures.ts';

/**
 * The commerce part of the RLS matrix's fixtures (described beside the ids in fixtures.ts). The
 * catalog rows are the owner's, as an admin would write them; orders, payments, invoices, seats
 * and refunds come from the definer functions, called as service_role through the port's
 * asService, as the data API calls them.
 */

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

export const FIXTURE_EVENTS = { acmePaid: 'evt_fixture_acme_paid', otherDeclined: 'evt_fixture_other_declined' };

/** Calls private.create_order as service_role and returns the order id. */
export async function createOrder(sql: Sql, buyer: string, key: string, order: unknown): Promise<string> {
  const [row] = await sql.query<{ r: { order_id: string } }>('select private.create_order($1, $2, $3) as r', [
    buyer,
    key,
    JSON.stringify(order),
  ]);
  return row!.r.order_id;
}

export async function seedCommerceFixtures(db: HostDatabase): Promise<void> {
  await db.runScript(`
    insert into public.bundles (id, slug, title, description, status) values
      (${q(BUNDLE.published)}, 'starter-bundle', 'Starter bundle', 'The free and the paid course.', 'published'),
      (${q(BUNDLE.draft)}, 'draft-bundle', 'Draft bundle', 'Not on sale yet.', 'draft');
    insert into public.bundle_courses (bundle_id, course_id, position) values
      (${q(BUNDLE.published)}, ${q(COURSE.free)}, 1),
      (${q(BUNDLE.published)}, ${q(COURSE.paid)}, 2),
      (${q(BUNDLE.draft)}, ${q(COURSE.paid)}, 1);
    insert into public.pricing_rules (id, scope, bundle_id, min_quantity, percent_bps, active) values
      (${q(RULE.bundle)}, 'bundle', ${q(BUNDLE.published)}, 2, 1000, true),
      (${q(RULE.cart)}, 'cart', null, 2, 500, true),
      (${q(RULE.inactive)}, 'seats', null, 10, 1500, false),
      (${q(RULE.draftBundle)}, 'bundle', ${q(BUNDLE.draft)}, 1, 1000, true);
    insert into public.coupons (id, code, label, kind, percent_bps, amount_off, currency, scope, expires_at) values
      (${q(COUPON.welcome)}, 'WELCOME10', '10% off your first order', 'percent', 1000, null, null, 'all', null),
      (${q(COUPON.fixed)}, 'SAVE5', '5.00 off', 'fixed', null, 500, 'USD', 'all', null),
      (${q(COUPON.expired)}, 'OLD2020', 'A 2020 promotion', 'percent', 2000, null, null, 'all', '2021-01-01T00:00:00Z');
    insert into public.tax_rates (id, country, region, kind, label, rate_bps, effective_from, effective_to) values
      (${q(TAX.de)}, 'DE', null, 'vat', 'VAT 19%', 1900, '2020-01-01', null),
      (${q(TAX.frEnded)}, 'FR', null, 'vat', 'TVA 19.6%', 1960, '2000-01-01', '2013-12-31');
  `);

  const paid = { kind: 'course' as const, id: COURSE.paid, title: 'Paid course', unitAmount: 4900 };
  await db.asService(async (sql) => {
    // The student: pending, WELCOME10 held.
    await createOrder(sql, USER.student, 'fixture-student-order', {
      quote: testQuote([{ ...paid, couponBps: 1000 }], { coupon: { code: 'WELCOME10', label: '10% off' } }),
    });

    // The company admin: 5 seats for acme, taxed in DE, paid, then 50.00 refunded.
    const de = { label: 'VAT 19%', rateBps: 1900, country: 'DE', region: null };
    const acmeQuote = testQuote([{ ...paid, seats: 5 }], { taxRate: de });
    const acmeOrder = await createOrder(sql, USER.companyAdmin, 'fixture-acme-seats', {
      quote: acmeQuote,
      companyId: COMPANY.acme,
      country: 'DE',
    });
    await sql.query('select private.record_payment_event($1, $2, $3, $4, $5, $6, $7)', [
      FIXTURE_EVENTS.acmePaid,
      'paid',
      acmeOrder,
      acmeQuote.total,
      'usd',
      'pi_fixture_acme',
      null,
    ]);
    await sql.query('select private.refund_order($1, $2, $3, $4, $5, $6)', [
      acmeOrder,
      5000,
      'One seat was not needed',
      'admin',
      USER.admin,
      're_fixture_acme',
    ]);

    // The other student: declined.
    const otherOrder = await createOrder(sql, USER.otherStudent, 'fixture-other-order', { quote: testQuote([paid]) });
    await sql.query('select private.record_payment_event($1, $2, $3, $4, $5, $6, $7)', [
      FIXTURE_EVENTS.otherDeclined,
      'failed',
      otherOrder,
      null,
      null,
      'pi_fixture_other',
      JSON.stringify({ code: 'card_declined', message: 'Your card was declined.' }),
    ]);

    await sql.query('select private.create_demo_request($1, $2, $3, $4, $5)', [
      'Dana Lead',
      'dana@example.test',
      'Initech',
      40,
      'We would like a demo for our data team.',
    ]);
  });
}
