import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { priceQuote } from '../../edge/pricing/engine.ts';
import { describeRules } from '../../edge/pricing/rules-text.ts';
import type { PricingCatalog } from '../../edge/pricing/types.ts';
import type { HostDatabase } from '../../server/db/types.ts';
import { freshPglite, type TestDatabase } from '../../tests/support/db.ts';
import { ids, seed } from '../seed.ts';

/** The demo commerce the seed writes (seed/data/commerce.ts), read back as the platform reads it. */

const q = <T = Record<string, unknown>>(db: HostDatabase, text: string, params?: unknown[]) =>
  db.asOwner((sql) => sql.query<T>(text, params));

describe('seed() commerce', () => {
  let t: TestDatabase;
  let db: HostDatabase;
  const student = ids.user('student@demo.test');
  const companyAdmin = ids.user('companyadmin@demo.test');

  beforeAll(async () => {
    t = await freshPglite();
    db = t.db;
    await seed(db);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('publishes at least three bundles whose rules read "Buy 2, get 10% off; 3 or more, 20% off"', async () => {
    const bundles = await db.asCaller({ role: 'anon' }, (sql) =>
      sql.query<{ id: string; rules: { scope: 'bundle'; minQuantity: number; percentBps: number }[] }>(
        `select b.id, coalesce(jsonb_agg(jsonb_build_object('scope', r.scope, 'minQuantity', r.min_quantity,
                  'percentBps', r.percent_bps)) filter (where r.id is not null), '[]') as rules
         from public.bundles b left join public.pricing_rules r on r.bundle_id = b.id
         group by b.id`,
      ),
    );
    const words = bundles.map((b) => describeRules(b.rules));
    expect(words.filter((w) => w === 'Buy 2, get 10% off; 3 or more, 20% off').length).toBeGreaterThanOrEqual(3);
    const tiers = await q<{ scope: string; min_quantity: number }>(
      db,
      `select scope, min_quantity from public.pricing_rules where scope = 'seats' order by min_quantity`,
    );
    expect(tiers.map((r) => r.min_quantity)).toEqual([10, 50, 200]);
  });

  it('has tax rates for DE, GB, FR, AU and US-CA', async () => {
    const rates = await q<{ place: string; label: string; rate_bps: number }>(
      db,
      `select country || coalesce('-' || region, '') as place, label, rate_bps from public.tax_rates order by 1`,
    );
    expect(rates).toEqual([
      { place: 'AU', label: 'GST 10%', rate_bps: 1000 },
      { place: 'DE', label: 'VAT 19%', rate_bps: 1900 },
      { place: 'FR', label: 'VAT 20%', rate_bps: 2000 },
      { place: 'GB', label: 'VAT 20%', rate_bps: 2000 },
      { place: 'US-CA', label: 'Sales tax 7.25%', rate_bps: 725 },
    ]);
  });

  it('has coupons the engine takes (WELCOME10, SAVE20) and refuses (expired, exhausted)', async () => {
    const [bundle] = await q<{ id: string }>(db, `select id from public.bundles where slug = 'full-stack-javascript'`);
    const outcome = async (code: string) => {
      const [row] = await q<{ c: PricingCatalog }>(
        db,
        'select private.commerce_catalog($1, $2, $3, $4, $5, null) as c',
        [[], [bundle!.id], code, ids.user('employee@demo.test'), 'US'],
      );
      try {
        const quote = priceQuote(row!.c, { items: [{ kind: 'bundle', id: bundle!.id }], couponCode: code }, new Date());
        return quote.coupon?.code ?? 'none';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    expect(await outcome('WELCOME10')).toBe('WELCOME10');
    expect(await outcome('SAVE20')).toBe('SAVE20');
    expect(await outcome('SPRING2025')).toBe('coupon_expired');
    expect(await outcome('EARLYBIRD')).toBe('coupon_exhausted');
  });

  it('gives the demo student a paid bundle order with its invoice, and a refunded order with a credit note', async () => {
    const orders = await db.asCaller(
      { role: 'authenticated', claims: { sub: student, role: 'authenticated' } },
      (sql) =>
        sql.query<{ kind: string; status: string; total: number; tax: number; discount: number; docs: string[] }>(
          `select o.kind, o.status, o.total, o.tax, o.discount,
                  array(select i.number from public.invoices i where i.order_id = o.id order by i.kind desc) as docs
           from public.orders o order by o.kind desc`,
        ),
    );
    expect(orders).toEqual([
      {
        kind: 'single',
        status: 'refunded',
        total: expect.any(Number),
        tax: expect.any(Number),
        discount: expect.any(Number),
        docs: [expect.stringMatching(/^INV-\d{4}-\d{4}-\d{3}$/), expect.stringMatching(/^CN-\d{4}-\d{4}-\d{3}$/)],
      },
      {
        kind: 'bundle',
        status: 'paid',
        // 247.00 listed, 20% bundle rule, WELCOME10, VAT 19% (DE)
        total: 21163,
        tax: 3379,
        discount: 6916,
        docs: [expect.stringMatching(/^INV-\d{4}-\d{4}-\d{3}$/)],
      },
    ]);
    const enrollments = await q<{ slug: string; status: string }>(
      db,
      `select c.slug, e.status::text from public.enrollments e join public.courses c on c.id = e.course_id
       where e.user_id = $1 and e.source = 'purchase' order by c.slug`,
      [student],
    );
    expect(enrollments).toEqual([
      { slug: 'machine-learning-fundamentals', status: 'active' },
      { slug: 'sql-for-analysts', status: 'active' },
      { slug: 'statistics-for-data-science', status: 'active' },
      { slug: 'ui-design-principles', status: 'cancelled' },
    ]);
  });

  it('gives Acme 10 seats in each course of a bundle, bought by its company admin', async () => {
    const seats = await db.asCaller(
      { role: 'authenticated', claims: { sub: companyAdmin, role: 'authenticated' } },
      (sql) => sql.query<{ seats: number }>('select seats from public.seat_purchases where order_id is not null'),
    );
    expect(seats).toEqual([{ seats: 10 }, { seats: 10 }, { seats: 10 }]);
    const [demo] = await q<{ n: number }>(db, 'select count(*)::int as n from public.demo_requests');
    expect(demo!.n).toBe(1);
  });
});
