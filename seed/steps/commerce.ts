import type { Sql } from '../../edge/db/port.ts';
import { priceQuote } from '../../edge/pricing/engine.ts';
import type { PricingCatalog } from '../../edge/pricing/types.ts';
import {
  BUNDLES,
  CART_RULES,
  COUPONS,
  DEMO_REQUEST,
  ORDERS,
  type OrderSeed,
  SEAT_TIERS,
  TAX_RATES,
} from '../data/commerce.ts';
import { ids, seedId } from '../ids.ts';
import type { SeedContext, SeedStep } from './context.ts';
import { ownedCourseIds } from './owned-courses.ts';

/**
 * Demo commerce (seed/data/commerce.ts). Catalog rows (bundles, rules, coupons, tax rates) are
 * restored to their seeded state like the courses; a bundle whose courses are not all the demo's
 * is skipped. The demo orders are bought as a checkout buys them: the engine prices the snapshot of
 * private.commerce_catalog, private.create_order records the order, private.record_payment_event
 * pays it (invoice, enrollments or seats, receipt), and private.refund_order refunds one. An order
 * already there (same buyer and idempotency key) is left as it is.
 */

const bundleId = (slug: string) => seedId(`bundle:${slug}`);
const ruleId = (name: string) => seedId(`pricing-rule:${name}`);
const couponId = (code: string) => seedId(`coupon:${code}`);
const taxRateId = (key: string) => seedId(`tax-rate:${key}`);

export const seedCommerce: SeedStep = async (sql, ctx) => {
  const owned = await ownedCourseIds(sql);
  const bundles = await seedBundles(sql, owned);
  await seedRules(sql, bundles);
  await seedCoupons(sql, owned);
  await seedTaxRates(sql);
  await sql.query(
    `insert into public.demo_requests (id, name, email, company, team_size, message)
     values ($1, $2, $3, $4, $5, $6) on conflict (id) do nothing`,
    [
      seedId(`demo-request:${DEMO_REQUEST.email}`),
      DEMO_REQUEST.name,
      DEMO_REQUEST.email,
      DEMO_REQUEST.company,
      DEMO_REQUEST.teamSize,
      DEMO_REQUEST.message,
    ],
  );
  for (const order of ORDERS) await seedOrder(sql, ctx, order, owned, bundles);
};

/** The bundles whose every course is the demo's; returns their slugs. */
async function seedBundles(sql: Sql, owned: Map<string, string>): Promise<Set<string>> {
  const written = new Set<string>();
  for (const b of BUNDLES) {
    if (!b.courses.every((slug) => owned.has(slug))) continue;
    const [row] = await sql.query<{ id: string }>(
      `insert into public.bundles (id, slug, title, description, category_id, status, currency)
       values ($1, $2, $3, $4, (select id from public.categories where slug = $5), 'published', 'USD')
       on conflict (slug) do update set
         title = excluded.title, description = excluded.description, category_id = excluded.category_id,
         status = excluded.status, currency = excluded.currency
       where bundles.id = excluded.id
         and (bundles.title, bundles.description, bundles.category_id, bundles.status, bundles.currency)
             is distinct from (excluded.title, excluded.description, excluded.category_id, excluded.status,
                               excluded.currency)
       returning id`,
      [bundleId(b.slug), b.slug, b.title, b.description, b.category],
    );
    const [mine] = row
      ? [row]
      : await sql.query<{ id: string }>('select id from public.bundles where slug = $1 and id = $2', [
          b.slug,
          bundleId(b.slug),
        ]);
    if (!mine) continue; // a user's bundle holds the slug
    written.add(b.slug);
    for (const [position, slug] of b.courses.entries()) {
      await sql.query(
        `insert into public.bundle_courses (bundle_id, course_id, position) values ($1, $2, $3)
         on conflict (bundle_id, course_id) do update set position = excluded.position
           where bundle_courses.position is distinct from excluded.position`,
        [mine.id, owned.get(slug), position + 1],
      );
    }
  }
  return written;
}

async function upsertRule(sql: Sql, id: string, scope: string, bundle: string | null, min: number, bps: number) {
  await sql.query(
    `insert into public.pricing_rules (id, scope, bundle_id, min_quantity, percent_bps, active)
     values ($1, $2, $3, $4, $5, true)
     on conflict (id) do update set scope = excluded.scope, bundle_id = excluded.bundle_id,
       min_quantity = excluded.min_quantity, percent_bps = excluded.percent_bps, active = excluded.active
     where (pricing_rules.scope, pricing_rules.bundle_id, pricing_rules.min_quantity, pricing_rules.percent_bps,
            pricing_rules.active)
           is distinct from (excluded.scope, excluded.bundle_id, excluded.min_quantity, excluded.percent_bps,
                             excluded.active)`,
    [id, scope, bundle, min, bps],
  );
}

async function seedRules(sql: Sql, bundles: Set<string>): Promise<void> {
  for (const b of BUNDLES) {
    if (!bundles.has(b.slug)) continue;
    for (const r of b.rules) {
      await upsertRule(
        sql,
        ruleId(`${b.slug}:${r.minQuantity}`),
        'bundle',
        bundleId(b.slug),
        r.minQuantity,
        r.percentBps,
      );
    }
  }
  for (const r of CART_RULES)
    await upsertRule(sql, ruleId(`cart:${r.minQuantity}`), 'cart', null, r.minQuantity, r.percentBps);
  for (const r of SEAT_TIERS) {
    await upsertRule(sql, ruleId(`seats:${r.minQuantity}`), 'seats', null, r.minQuantity, r.percentBps);
  }
}

async function seedCoupons(sql: Sql, owned: Map<string, string>): Promise<void> {
  const rows = COUPONS.filter((c) => !c.course || owned.has(c.course)).map((c) => ({
    id: couponId(c.code),
    code: c.code,
    label: c.label,
    kind: c.kind,
    percent_bps: c.percentBps ?? null,
    amount_off: c.amountOff ?? null,
    currency: c.currency ?? null,
    scope: c.scope,
    course_id: c.course ? owned.get(c.course) : null,
    starts_at: c.startsAt ?? null,
    expires_at: c.expiresAt ?? null,
    max_redemptions: c.maxRedemptions ?? null,
    per_user_limit: c.perUserLimit,
    min_subtotal: c.minSubtotal ?? 0,
  }));
  await sql.query(
    `insert into public.coupons (id, code, label, kind, percent_bps, amount_off, currency, scope, course_id,
                                 starts_at, expires_at, max_redemptions, per_user_limit, min_subtotal, active)
     select x.*, true from jsonb_to_recordset($1::jsonb) as x(
       id uuid, code text, label text, kind text, percent_bps int, amount_off int, currency char(3), scope text,
       course_id uuid, starts_at timestamptz, expires_at timestamptz, max_redemptions int, per_user_limit int,
       min_subtotal int)
     on conflict (code) do update set
       label = excluded.label, kind = excluded.kind, percent_bps = excluded.percent_bps,
       amount_off = excluded.amount_off, currency = excluded.currency, scope = excluded.scope,
       course_id = excluded.course_id, starts_at = excluded.starts_at, expires_at = excluded.expires_at,
       max_redemptions = excluded.max_redemptions, per_user_limit = excluded.per_user_limit,
       min_subtotal = excluded.min_subtotal, active = excluded.active
     where coupons.id = excluded.id and (
       coupons.label, coupons.kind, coupons.percent_bps, coupons.amount_off, coupons.currency, coupons.scope,
       coupons.course_id, coupons.starts_at, coupons.expires_at, coupons.max_redemptions, coupons.per_user_limit,
       coupons.min_subtotal, coupons.active
     ) is distinct from (
       excluded.label, excluded.kind, excluded.percent_bps, excluded.amount_off, excluded.currency, excluded.scope,
       excluded.course_id, excluded.starts_at, excluded.expires_at, excluded.max_redemptions,
       excluded.per_user_limit, excluded.min_subtotal, excluded.active)`,
    [JSON.stringify(rows)],
  );
}

async function seedTaxRates(sql: Sql): Promise<void> {
  const rows = TAX_RATES.map((r) => ({
    id: taxRateId(r.key),
    country: r.country,
    region: r.region ?? null,
    kind: r.kind,
    label: r.label,
    rate_bps: r.rateBps,
    effective_from: r.effectiveFrom,
  }));
  await sql.query(
    `insert into public.tax_rates (id, country, region, kind, label, rate_bps, effective_from, effective_to)
     select x.*, null from jsonb_to_recordset($1::jsonb) as x(
       id uuid, country char(2), region text, kind text, label text, rate_bps int, effective_from date)
     on conflict (id) do update set country = excluded.country, region = excluded.region, kind = excluded.kind,
       label = excluded.label, rate_bps = excluded.rate_bps, effective_from = excluded.effective_from,
       effective_to = excluded.effective_to
     where (tax_rates.country, tax_rates.region, tax_rates.kind, tax_rates.label, tax_rates.rate_bps,
            tax_rates.effective_from, tax_rates.effective_to)
           is distinct from (excluded.country, excluded.region, excluded.kind, excluded.label, excluded.rate_bps,
                             excluded.effective_from, excluded.effective_to)`,
    [JSON.stringify(rows)],
  );
}

/** One demo order, bought (and refunded) as a checkout would: only when it is not there yet. */
async function seedOrder(
  sql: Sql,
  ctx: SeedContext,
  order: OrderSeed,
  owned: Map<string, string>,
  bundles: Set<string>,
): Promise<void> {
  const buyer = ctx.userIds.get(order.buyer) ?? ids.user(order.buyer);
  const [existing] = await sql.query('select 1 from public.orders where user_id = $1 and idempotency_key = $2', [
    buyer,
    order.key,
  ]);
  if (existing) return;
  const sellable = order.items.every((i) => (i.kind === 'course' ? owned.has(i.slug) : bundles.has(i.slug)));
  if (!sellable) return;
  const items = order.items.map((i) => ({
    kind: i.kind,
    id: i.kind === 'course' ? owned.get(i.slug)! : bundleId(i.slug),
  }));

  const [snapshot] = await sql.query<{ c: PricingCatalog }>(
    'select private.commerce_catalog($1, $2, $3, $4, $5, null) as c',
    [
      items.filter((i) => i.kind === 'course').map((i) => i.id),
      items.filter((i) => i.kind === 'bundle').map((i) => i.id),
      order.coupon ?? null,
      buyer,
      order.country ?? null,
    ],
  );
  const quote = priceQuote(snapshot!.c, { items, seats: order.seats, couponCode: order.coupon ?? null }, ctx.now);

  const [created] = await sql.query<{ r: { order_id: string } }>('select private.create_order($1, $2, $3) as r', [
    buyer,
    order.key,
    JSON.stringify({ quote, seats: order.seats, country: order.country, method: order.method, provider: 'local' }),
  ]);
  const orderId = created!.r.order_id;
  const tag = order.key.replace(/^seed-/, '').replace(/-/g, '_');
  await sql.query('select private.set_checkout_session($1, $2)', [orderId, `cs_test_seed_${tag}`]);
  await sql.query('select private.record_payment_event($1, $2, $3, $4, $5, $6, $7)', [
    `evt_seed_${tag}`,
    'paid',
    orderId,
    quote.total,
    quote.currency.toLowerCase(),
    `pi_test_seed_${tag}`,
    null,
  ]);
  if (order.refund) {
    await sql.query('select private.refund_order($1, null, $2, $3, $4, $5)', [
      orderId,
      order.refund.reason,
      order.refund.kind,
      ctx.userIds.get(order.refund.requestedBy) ?? ids.user(order.refund.requestedBy),
      `re_test_seed_${tag}`,
    ]);
  }
}
