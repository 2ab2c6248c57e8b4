/**
 * Scale commerce: what the scale learners bought, so the commerce tables are guarded and measured
 * at size (supabase/tests/perf-guard.test.ts reads every matrix table as every role). At N = 100:
 * 200 bundles (3 courses each, 1 in 10 a draft) with 2 rules each, 100 coupons, about 20,000 orders
 * with their items, payments, events and invoices, a coupon use on 1 order in 5, a partial refund
 * with its credit note on 1 in 25, a corporate order of 20 seats of a bundle per company (seat
 * purchases), and 1,000 demo requests.
 *
 * The orders are the purchases the enrollments step already made (source 'purchase': a paid course,
 * a learner outside the companies), one order per enrollment, paid when the learner enrolled. Rows
 * are written directly, as the owner, set-based (the definer functions would take minutes);
 * deterministic md5 ids and `on conflict do nothing`, like the rest of the fixture. Invoice numbers
 * are dated 2000 (corporate) and 2001 (learners), so they never meet the numbers of real sales.
 */
import type { Sql } from '../../edge/db/port.ts';
import { enrollmentPlan } from './learning.ts';
import { COMPANY_MEMBER_EVERY, MAX_COMPLETED, type ScaleShape } from './shape.ts';

export const BUNDLES_PER_N = 2;
export const COUPONS_PER_N = 1;
export const DEMO_REQUESTS_PER_N = 10;
export const CORPORATE_SEATS = 20;

/** One row per learner order: the learner's purchase enrollments, priced, with its coupon and refund. */
const learnerOrders = `
  select p.j, p.k, p.enrolled_at, (p.j - 1) * 2 + p.k as n, co.id as course_id, co.title, co.price_amount as price,
         pr.id as user_id, pr.email, pr.first_name || ' ' || pr.last_name as name,
         case when (p.j + p.k) % 5 = 0 then (co.price_amount * 1000 + 5000) / 10000 else 0 end as discount,
         (p.j + p.k) % 5 = 0 as with_coupon,
         (p.j + p.k) % 25 = 0 as refunded,
         md5('scale-order-' || p.j || '-' || p.k)::uuid as order_id
  from (${enrollmentPlan('$1', '$2', '$3')}) p
  join public.courses co on co.id = md5('scale-course-' || p.ci)::uuid and co.price_amount > 0
  join public.profiles pr on pr.id = md5('scale-learner-' || p.j)::uuid
  where p.j % $4::int <> 0`;

/** The invoice number of the n-th document of a year: 999 a day from January 1st. */
const docNumber = (prefix: string, year: number, n: string) =>
  `'${prefix}-' || to_char(date '${year}-01-01' + ((${n}) - 1) / 999, 'YYYY-MMDD') || '-'
   || lpad((((${n}) - 1) % 999 + 1)::text, 3, '0')`;

export async function seedScaleCommerce(sql: Sql, shape: ScaleShape): Promise<void> {
  const n = shape.scale;
  const bundles = BUNDLES_PER_N * n;
  // Catalog: bundle b holds courses 5(b-1)+1..+3 (i % 20 never 0, 10 or 15: published ones).
  await sql.query(
    `insert into public.bundles (id, slug, title, description, status, currency, created_at, updated_at)
     select md5('scale-bundle-' || b)::uuid, 'scale-bundle-' || b, 'Scale bundle ' || b,
            'Three generated courses of the scale fixture, sold together.',
            case when b % 10 = 0 then 'draft' else 'published' end, 'USD', now(), now()
     from generate_series(1, $1::int) b
     on conflict do nothing`,
    [bundles],
  );
  await sql.query(
    `insert into public.bundle_courses (bundle_id, course_id, position)
     select bu.id, co.id, x
     from generate_series(1, $1::int) b
     cross join generate_series(1, 3) x
     join public.bundles bu on bu.id = md5('scale-bundle-' || b)::uuid
     join public.courses co on co.id = md5('scale-course-' || (5 * (b - 1) + x))::uuid
     on conflict do nothing`,
    [bundles],
  );
  await sql.query(
    `insert into public.pricing_rules (id, scope, bundle_id, min_quantity, percent_bps, active)
     select md5('scale-rule-' || b || '-' || m)::uuid, 'bundle', bu.id, m, (m - 1) * 1000, true
     from generate_series(1, $1::int) b
     cross join generate_series(2, 3) m
     join public.bundles bu on bu.id = md5('scale-bundle-' || b)::uuid
     on conflict do nothing`,
    [bundles],
  );
  await sql.query(
    `insert into public.coupons (id, code, label, kind, percent_bps, scope, per_user_limit)
     select md5('scale-coupon-' || c)::uuid, 'SCALE-' || c, 'Scale coupon ' || c, 'percent', 1000, 'all', null
     from generate_series(1, $1::int) c
     on conflict do nothing`,
    [COUPONS_PER_N * n],
  );

  // Learner orders and what hangs off them.
  const plan = [shape.learners, shape.courses, MAX_COMPLETED, COMPANY_MEMBER_EVERY, COUPONS_PER_N * n];
  await sql.query(
    `with o as (${learnerOrders})
     insert into public.orders (id, user_id, kind, status, currency, subtotal, discount, tax, total, seats, coupon_id,
                                quote, provider, method, checkout_session_id, idempotency_key, expires_at, paid_at,
                                created_at, updated_at)
     select o.order_id, o.user_id, 'single', case when o.refunded then 'partially_refunded' else 'paid' end, 'USD',
            o.price, o.discount, 0, o.price - o.discount, 1,
            case when o.with_coupon then md5('scale-coupon-' || (1 + o.j % $5::int))::uuid end,
            jsonb_build_object(
              'currency', 'USD',
              'lines', jsonb_build_array(jsonb_build_object(
                'kind', 'course', 'id', o.course_id, 'title', o.title, 'seats', 1, 'unitAmount', o.price,
                'listAmount', o.price, 'rule', null, 'ruleDiscount', 0, 'couponDiscount', o.discount,
                'netAmount', o.price - o.discount, 'taxAmount', 0, 'totalAmount', o.price - o.discount)),
              'subtotal', o.price, 'discount', o.discount, 'tax', 0, 'total', o.price - o.discount,
              'coupon', case when o.with_coupon
                             then jsonb_build_object('code', 'SCALE-' || (1 + o.j % $5::int), 'label', 'Scale coupon') end,
              'taxRate', null, 'savings', o.discount),
            'local', 'card', 'cs_scale_' || o.j || '_' || o.k, 'scale-' || o.j || '-' || o.k,
            o.enrolled_at + interval '30 minutes', o.enrolled_at, o.enrolled_at, o.enrolled_at
     from o
     on conflict do nothing`,
    plan,
  );
  await sql.query(
    `with o as (${learnerOrders})
     insert into public.order_items (id, order_id, position, kind, course_id, course_ids, title, seats, unit_amount,
                                     list_amount, discount_amount, tax_amount, total_amount)
     select md5('scale-order-item-' || o.j || '-' || o.k)::uuid, o.order_id, 1, 'course', o.course_id,
            array[o.course_id], o.title, 1, o.price, o.price, o.discount, 0, o.price - o.discount
     from o join public.orders x on x.id = o.order_id
     on conflict do nothing`,
    plan.slice(0, 4),
  );
  await sql.query(
    `with o as (${learnerOrders})
     insert into public.payments (id, order_id, provider, status, amount, currency, method, gateway_session_id,
                                  gateway_payment_id, created_at, updated_at)
     select md5('scale-payment-' || o.j || '-' || o.k)::uuid, o.order_id, 'local',
            case when o.refunded then 'partially_refunded' else 'succeeded' end, o.price - o.discount, 'USD', 'card',
            'cs_scale_' || o.j || '_' || o.k, 'pi_scale_' || o.j || '_' || o.k, o.enrolled_at, o.enrolled_at
     from o join public.orders x on x.id = o.order_id
     on conflict do nothing`,
    plan.slice(0, 4),
  );
  await sql.query(
    `with o as (${learnerOrders})
     insert into public.payment_events (id, type, order_id, outcome, received_at)
     select 'evt_scale_' || o.j || '_' || o.k, 'paid', o.order_id, 'fulfilled', o.enrolled_at
     from o join public.orders x on x.id = o.order_id
     on conflict do nothing`,
    plan.slice(0, 4),
  );
  await sql.query(
    `with o as (${learnerOrders})
     insert into public.coupon_redemptions (id, coupon_id, order_id, user_id, status, held_until, created_at,
                                            updated_at)
     select md5('scale-redemption-' || o.j || '-' || o.k)::uuid, x.coupon_id, o.order_id, o.user_id, 'redeemed',
            o.enrolled_at, o.enrolled_at, o.enrolled_at
     from o join public.orders x on x.id = o.order_id and x.coupon_id is not null
     on conflict do nothing`,
    plan.slice(0, 4),
  );
  await sql.query(
    `with o as (${learnerOrders})
     insert into public.invoices (id, number, kind, order_id, user_id, bill_to, currency, lines, subtotal, discount,
                                  tax, total, issued_at)
     select md5('scale-invoice-' || o.j || '-' || o.k)::uuid, ${docNumber('INV', 2001, 'o.n')}, 'invoice',
            o.order_id, o.user_id, jsonb_build_object('name', o.name, 'email', o.email, 'company', null), 'USD',
            jsonb_build_array(jsonb_build_object('description', o.title, 'quantity', 1, 'unitAmount', o.price,
                                                 'discount', o.discount, 'tax', 0, 'total', o.price - o.discount)),
            o.price, o.discount, 0, o.price - o.discount, o.enrolled_at
     from o join public.orders x on x.id = o.order_id
     on conflict do nothing`,
    plan.slice(0, 4),
  );
  // A tenth refunded on 1 order in 25, with its credit note.
  await sql.query(
    `with o as (${learnerOrders})
     insert into public.refunds (id, order_id, payment_id, amount, currency, reason, kind, status, requested_by,
                                 created_at, processed_at)
     select md5('scale-refund-' || o.j || '-' || o.k)::uuid, o.order_id, pa.id, (o.price - o.discount) / 10, 'USD',
            'Goodwill', 'admin', 'succeeded', null, o.enrolled_at + interval '1 day', o.enrolled_at + interval '1 day'
     from o join public.payments pa on pa.id = md5('scale-payment-' || o.j || '-' || o.k)::uuid
     where o.refunded
     on conflict do nothing`,
    plan.slice(0, 4),
  );
  await sql.query(
    `with o as (${learnerOrders})
     insert into public.invoices (id, number, kind, order_id, refund_id, user_id, bill_to, currency, lines, subtotal,
                                  discount, tax, total, issued_at)
     select md5('scale-credit-note-' || o.j || '-' || o.k)::uuid, ${docNumber('CN', 2001, 'o.n')}, 'credit_note',
            o.order_id, r.id, o.user_id, jsonb_build_object('name', o.name, 'email', o.email, 'company', null), 'USD',
            jsonb_build_array(jsonb_build_object('description', 'Refund: Goodwill', 'quantity', 1,
                                                 'unitAmount', r.amount, 'discount', 0, 'tax', 0, 'total', r.amount)),
            r.amount, 0, 0, r.amount, r.created_at
     from o join public.refunds r on r.id = md5('scale-refund-' || o.j || '-' || o.k)::uuid
     on conflict do nothing`,
    plan.slice(0, 4),
  );
  // Only the fixture's refunds lack their credit note here (refund_order sets it in its transaction).
  await sql.query(
    `update public.refunds r set credit_note_id = i.id
     from public.invoices i
     where i.refund_id = r.id and i.kind = 'credit_note' and r.credit_note_id is null`,
  );

  await seedScaleCorporate(sql, shape, bundles);
  await sql.query(
    `insert into public.demo_requests (id, name, email, company, team_size, message, created_at)
     select md5('scale-demo-request-' || d)::uuid, 'Lead ' || d, 'lead-' || d || '@scale.invalid',
            'Scale Prospect ' || d, 5 + d % 500, 'Generated by the scale fixture.',
            now() - make_interval(days => d % 365)
     from generate_series(1, $1::int) d
     on conflict do nothing`,
    [DEMO_REQUESTS_PER_N * n],
  );
}

/**
 * Company c's admin (learner COMPANY_MEMBER_EVERY * c, see accounts.ts) bought CORPORATE_SEATS
 * seats of a published bundle: a paid corporate order, its invoice, event, payment and a seat
 * purchase per course of the bundle.
 */
async function seedScaleCorporate(sql: Sql, shape: ScaleShape, bundles: number): Promise<void> {
  const corporate = `
    select c, co.id as company_id, co.name as company, pr.id as user_id, pr.email,
           pr.first_name || ' ' || pr.last_name as name, bu.id as bundle_id, bu.title,
           (select coalesce(array_agg(bc.course_id order by bc.position), '{}') from public.bundle_courses bc
             where bc.bundle_id = bu.id) as course_ids,
           (select coalesce(sum(x.price_amount), 0)::int from public.bundle_courses bc
             join public.courses x on x.id = bc.course_id where bc.bundle_id = bu.id) as unit,
           md5('scale-corporate-order-' || c)::uuid as order_id,
           now() - make_interval(days => 10 + c % 200) as paid_at
    from generate_series(1, $1::int) c
    join public.companies co on co.id = md5('scale-company-' || c)::uuid
    join public.profiles pr on pr.id = md5('scale-learner-' || (c * $2::int))::uuid
    cross join lateral (select (c - 1) % $3::int + 1 as b0) pick
    join public.bundles bu
      on bu.id = md5('scale-bundle-' || case when pick.b0 % 10 = 0 then pick.b0 - 1 else pick.b0 end)::uuid`;
  const params = [shape.companies, COMPANY_MEMBER_EVERY, bundles, CORPORATE_SEATS];
  await sql.query(
    `with o as (${corporate})
     insert into public.orders (id, user_id, company_id, kind, status, currency, subtotal, discount, tax, total, seats,
                                quote, provider, method, checkout_session_id, idempotency_key, expires_at, paid_at,
                                created_at, updated_at)
     select o.order_id, o.user_id, o.company_id, 'corporate', 'paid', 'USD', o.unit * $4::int, 0, 0, o.unit * $4::int,
            $4::int,
            jsonb_build_object(
              'currency', 'USD',
              'lines', jsonb_build_array(jsonb_build_object(
                'kind', 'bundle', 'id', o.bundle_id, 'title', o.title, 'seats', $4::int, 'unitAmount', o.unit,
                'listAmount', o.unit * $4::int, 'rule', null, 'ruleDiscount', 0, 'couponDiscount', 0,
                'netAmount', o.unit * $4::int, 'taxAmount', 0, 'totalAmount', o.unit * $4::int)),
              'subtotal', o.unit * $4::int, 'discount', 0, 'tax', 0, 'total', o.unit * $4::int, 'coupon', null,
              'taxRate', null, 'savings', 0),
            'local', 'card', 'cs_scale_corporate_' || o.c, 'scale-corporate-' || o.c, o.paid_at, o.paid_at,
            o.paid_at, o.paid_at
     from o
     on conflict do nothing`,
    params,
  );
  for (const statement of [
    `insert into public.order_items (id, order_id, position, kind, bundle_id, course_ids, title, seats, unit_amount,
                                     list_amount, discount_amount, tax_amount, total_amount)
     select md5('scale-corporate-item-' || o.c)::uuid, o.order_id, 1, 'bundle', o.bundle_id, o.course_ids, o.title,
            x.seats, o.unit, x.total, 0, 0, x.total
     from o join public.orders x on x.id = o.order_id`,
    `insert into public.payments (id, order_id, provider, status, amount, currency, method, gateway_payment_id,
                                  created_at, updated_at)
     select md5('scale-corporate-payment-' || o.c)::uuid, o.order_id, 'local', 'succeeded', x.total, 'USD', 'card',
            'pi_scale_corporate_' || o.c, o.paid_at, o.paid_at
     from o join public.orders x on x.id = o.order_id`,
    `insert into public.payment_events (id, type, order_id, outcome, received_at)
     select 'evt_scale_corporate_' || o.c, 'paid', o.order_id, 'fulfilled', o.paid_at
     from o join public.orders x on x.id = o.order_id`,
    `insert into public.invoices (id, number, kind, order_id, user_id, company_id, bill_to, currency, lines, subtotal,
                                  discount, tax, total, issued_at)
     select md5('scale-corporate-invoice-' || o.c)::uuid, ${docNumber('INV', 2000, 'o.c')}, 'invoice', o.order_id,
            o.user_id, o.company_id, jsonb_build_object('name', o.name, 'email', o.email, 'company', o.company), 'USD',
            jsonb_build_array(jsonb_build_object('description', o.title, 'quantity', x.seats, 'unitAmount', o.unit,
                                                 'discount', 0, 'tax', 0, 'total', x.total)),
            x.total, 0, 0, x.total, o.paid_at
     from o join public.orders x on x.id = o.order_id`,
    `insert into public.seat_purchases (id, company_id, order_id, course_id, seats, created_at)
     select md5('scale-seat-purchase-' || o.c || '-' || course)::uuid, o.company_id, o.order_id, course, x.seats,
            o.paid_at
     from o join public.orders x on x.id = o.order_id cross join unnest(o.course_ids) course`,
  ]) {
    await sql.query(`with o as (${corporate}) ${statement} on conflict do nothing`, params.slice(0, 3));
  }
}
