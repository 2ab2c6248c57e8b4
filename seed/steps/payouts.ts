import type { Sql } from '../../edge/db/port.ts';
import { priceQuote } from '../../edge/pricing/engine.ts';
import type { PricingCatalog } from '../../edge/pricing/types.ts';
import { ids, seedId } from '../ids.ts';
import type { SeedContext, SeedStep } from './context.ts';
import { ownedCourseIds } from './owned-courses.ts';

/**
 * Demo payouts (docs/commerce.md "Payouts"): two earlier sales of the demo instructor's courses,
 * bought through the checkout's definer functions and then dated into the month before last and
 * last month, so the instructor has earnings in closed periods; a paid payout of the month before
 * last (so last month is still due: the admin marks it paid); and Maya's own platform share (25%).
 * Runs after the reviews step (its buyers are the community reviewers). An order or payout already
 * there is left as it is.
 */

const INSTRUCTOR = 'instructor@demo.test';

const PAST_SALES = [
  { key: 'seed-past-docker', buyer: 'noah.fischer@learners.demo.test', course: 'docker-for-developers', monthsAgo: 2 },
  {
    key: 'seed-past-kubernetes',
    buyer: 'amara.osei@learners.demo.test',
    course: 'kubernetes-in-production',
    monthsAgo: 1,
  },
] as const;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The UTC month `monthsAgo` months before now's: its first and last day. */
function month(now: Date, monthsAgo: number) {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() - monthsAgo;
  return { start: day(Date.UTC(y, m, 1)), end: day(Date.UTC(y, m + 1, 0)) };
}

export const seedPayouts: SeedStep = async (sql, ctx) => {
  const owned = await ownedCourseIds(sql);
  for (const sale of PAST_SALES) await seedPastSale(sql, ctx, sale, owned);

  const instructor = ctx.instructorIds.get(INSTRUCTOR) ?? ids.instructor(INSTRUCTOR);
  const paidMonth = month(ctx.now, 2);
  await sql.query(
    `with e as (
       select coalesce(sum(x.gross), 0)::bigint as gross, coalesce(sum(x.refunds), 0)::bigint as refunds,
              private.platform_share_bps($2) as bps
       from private.period_course_earnings($3::date::timestamp at time zone 'UTC',
                                           ($4::date + 1)::timestamp at time zone 'UTC', $2) x
       where x.currency = 'USD'
     ), f as (select e.*, round((e.gross - e.refunds)::numeric * e.bps / 10000)::bigint as fee from e)
     insert into public.payouts (id, instructor_id, period_start, period_end, currency, gross, refunds,
                                 platform_share_bps, platform_fee, amount, status, paid_at, reference)
     select $1, $2, $3, $4, 'USD', f.gross, f.refunds, f.bps, f.fee, f.gross - f.refunds - f.fee, 'paid',
            ($4::date + 3)::timestamp at time zone 'UTC', $5
     from f
     where f.gross - f.refunds - f.fee > 0
       and not exists (select 1 from public.payouts p where p.instructor_id = $2 and p.currency = 'USD'
                         and p.period_start <= $4::date and p.period_end >= $3::date)
     on conflict (id) do nothing`,
    [
      seedId(`payout:${INSTRUCTOR}:${paidMonth.start}`),
      instructor,
      paidMonth.start,
      paidMonth.end,
      `TR-${paidMonth.start.slice(0, 7)}-JB`,
    ],
  );

  const maya = ctx.instructorIds.get('maya@demo.test') ?? ids.instructor('maya@demo.test');
  await sql.query(
    `insert into public.instructor_revenue_shares (instructor_id, platform_share_bps)
     select id, 2500 from public.instructors where id = $1
     on conflict (instructor_id) do nothing`,
    [maya],
  );
};

/** One earlier sale, bought as a checkout buys it and then dated into its month: only when not there yet. */
async function seedPastSale(
  sql: Sql,
  ctx: SeedContext,
  sale: (typeof PAST_SALES)[number],
  owned: Map<string, string>,
): Promise<void> {
  const courseId = owned.get(sale.course);
  if (!courseId) return;
  const buyer = ctx.userIds.get(sale.buyer) ?? ids.user(sale.buyer);
  const [existing] = await sql.query('select 1 from public.orders where user_id = $1 and idempotency_key = $2', [
    buyer,
    sale.key,
  ]);
  if (existing) return;
  const [snapshot] = await sql.query<{ c: PricingCatalog }>(
    'select private.commerce_catalog($1, $2, null, $3, $4, null) as c',
    [[courseId], [], buyer, 'GB'],
  );
  const items = [{ kind: 'course' as const, id: courseId }];
  const quote = priceQuote(snapshot!.c, { items, couponCode: null }, ctx.now);
  const [created] = await sql.query<{ r: { order_id: string } }>('select private.create_order($1, $2, $3) as r', [
    buyer,
    sale.key,
    JSON.stringify({ quote, country: 'GB', method: 'card', provider: 'local' }),
  ]);
  const orderId = created!.r.order_id;
  const tag = sale.key.replace(/^seed-/, '').replace(/-/g, '_');
  await sql.query('select private.record_payment_event($1, $2, $3, $4, $5, $6, $7)', [
    `evt_seed_${tag}`,
    'paid',
    orderId,
    quote.total,
    quote.currency.toLowerCase(),
    `pi_test_seed_${tag}`,
    null,
  ]);
  // Dated into its month (the 10th, noon UTC) with its payment; the invoice keeps its number and date.
  const at = `${month(ctx.now, sale.monthsAgo).start.slice(0, 8)}10T12:00:00Z`;
  await sql.query(
    `update public.orders set created_at = $2::timestamptz - interval '2 minutes', paid_at = $2::timestamptz,
       expires_at = $2::timestamptz + interval '1 hour'
     where id = $1`,
    [orderId, at],
  );
  await sql.query('update public.payments set created_at = $2::timestamptz where order_id = $1', [orderId, at]);
}
