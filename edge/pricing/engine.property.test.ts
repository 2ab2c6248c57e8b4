import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quote as quoteSchema } from '../contract/checkout.ts';
import { priceQuote } from './engine.ts';
import { PricingError } from './errors.ts';
import { bundle, catalogOf, coupon, course, rule, uid } from './test-catalog.ts';
import type { PricingCatalog, Quote, QuoteInput, QuoteItem } from './types.ts';

/**
 * Properties of the engine over random catalogs and carts, checked against an independent oracle
 * (BigInt half-up, the qualifying rules recomputed from the catalog): never negative, lines that
 * sum exactly, the best single rule, consistent rounding, and a quote that depends on the items,
 * not on their order.
 */

const now = new Date('2026-11-22T12:00:00Z');
const halfUp = (amount: number, bps: number) => Number((BigInt(amount) * BigInt(bps) + 5000n) / 10000n);

interface Scenario {
  catalog: PricingCatalog;
  input: QuoteInput;
  /** Sort keys to shuffle the items with. */
  shuffle: number[];
}

const scenario: fc.Arbitrary<Scenario> = fc
  .array(fc.oneof(fc.constant(0), fc.constantFrom(100, 999, 3333), fc.integer({ min: 1, max: 500_000 })), {
    minLength: 1,
    maxLength: 15,
  })
  .chain((prices) => {
    const n = prices.length;
    return fc.record({
      prices: fc.constant(prices),
      bundles: fc.array(fc.uniqueArray(fc.nat({ max: n - 1 }), { minLength: 1, maxLength: Math.min(5, n) }), {
        maxLength: 4,
      }),
      rules: fc.array(
        fc.record({
          scope: fc.constantFrom('bundle' as const, 'cart' as const, 'seats' as const),
          bundle: fc.nat({ max: 3 }),
          minQuantity: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 200 })),
          percentBps: fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom(1000, 1500, 2000, 2500)),
          id: fc.nat({ max: 999 }),
        }),
        { maxLength: 8 },
      ),
      seats: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 10_000 })),
      coupon: fc.option(
        fc.record({
          kind: fc.constantFrom('percent' as const, 'fixed' as const),
          percentBps: fc.integer({ min: 1, max: 10_000 }),
          amountOff: fc.oneof(
            fc.integer({ min: 1, max: 10 }),
            fc.integer({ min: 1, max: 10_000 }),
            fc.integer({ min: 1, max: 1e10 }),
          ),
          scope: fc.constantFrom('all' as const, 'course' as const, 'bundle' as const),
          target: fc.nat(),
        }),
      ),
      taxBps: fc.option(fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(1900, 2000, 700))),
      picks: fc.array(fc.record({ bundle: fc.boolean(), index: fc.nat({ max: 14 }) }), { minLength: 1, maxLength: 20 }),
      shuffle: fc.array(fc.double({ noNaN: true }), { minLength: 20, maxLength: 20 }),
    });
  })
  .map((s) => {
    const courses = s.prices.map((p, i) => course(i + 1, p));
    const bundles = s.bundles.map((ix, j) =>
      bundle(
        100 + j,
        ix.map((i) => uid(i + 1)),
      ),
    );
    const seenIds = new Set<number>();
    const rules = s.rules
      .filter((r) => (r.scope !== 'bundle' || r.bundle < bundles.length) && !seenIds.has(r.id) && seenIds.add(r.id))
      .map((r) =>
        rule(200 + r.id, r.scope, r.minQuantity, r.percentBps, r.scope === 'bundle' ? uid(100 + r.bundle) : null),
      );

    // A cart without conflicts: each pick is taken unless it repeats a course already in the cart.
    const covered = new Set<string>();
    const items: QuoteItem[] = [];
    for (const pick of s.picks) {
      const ids = pick.bundle ? bundles[pick.index]?.courseIds : [courses[pick.index]?.id];
      if (!ids || ids.some((id) => id === undefined || covered.has(id))) continue;
      for (const id of ids) covered.add(id!);
      items.push({ kind: pick.bundle ? 'bundle' : 'course', id: pick.bundle ? uid(100 + pick.index) : ids[0]! });
    }
    if (items.length === 0) items.push({ kind: 'course', id: courses[0]!.id });

    let theCoupon = null;
    if (s.coupon) {
      const targets = items.filter((i) => i.kind === s.coupon!.scope);
      const scope = targets.length ? s.coupon.scope : 'all';
      const target = targets.length ? targets[s.coupon.target % targets.length]!.id : null;
      theCoupon = coupon({
        code: 'PROP',
        kind: s.coupon.kind,
        percentBps: s.coupon.kind === 'percent' ? s.coupon.percentBps : null,
        amountOff: s.coupon.kind === 'fixed' ? s.coupon.amountOff : null,
        currency: s.coupon.kind === 'fixed' ? 'USD' : null,
        scope,
        courseId: scope === 'course' ? target : null,
        bundleId: scope === 'bundle' ? target : null,
      });
    }
    const taxRate =
      s.taxBps === null
        ? null
        : { id: uid(8000), country: 'DE', region: null, kind: 'vat' as const, label: 'VAT', rateBps: s.taxBps };
    const catalog = catalogOf({ courses, bundles, rules, coupon: theCoupon, taxRate });
    return {
      catalog,
      input: { items, seats: s.seats, couponCode: theCoupon ? 'prop' : undefined },
      shuffle: s.shuffle,
    };
  });

/** The rules that qualify for a line, recomputed from the catalog. */
function qualifying(catalog: PricingCatalog, input: QuoteInput, line: Quote['lines'][number]) {
  const seats = input.seats ?? 1;
  const courseItems = input.items.filter((i) => i.kind === 'course').length;
  const size = line.kind === 'bundle' ? catalog.bundles.find((b) => b.id === line.id)!.courseIds.length : 1;
  return catalog.rules.filter(
    (r) =>
      (r.scope === 'seats' && seats >= r.minQuantity) ||
      (r.scope === 'cart' && line.kind === 'course' && courseItems >= r.minQuantity) ||
      (r.scope === 'bundle' && line.kind === 'bundle' && r.bundleId === line.id && size >= r.minQuantity),
  );
}

const byKey = (a: { kind: string; id: string }, b: { kind: string; id: string }) =>
  `${a.kind}:${a.id}` < `${b.kind}:${b.id}` ? -1 : 1;

describe('the pricing engine, on random catalogs and carts', () => {
  it('never goes negative, and every line and total sums exactly', () => {
    fc.assert(
      fc.property(scenario, ({ catalog, input }) => {
        const q = priceQuote(catalog, input, now);
        expect(quoteSchema.safeParse(q).success).toBe(true);
        let subtotal = 0;
        let discount = 0;
        let tax = 0;
        let total = 0;
        for (const l of q.lines) {
          for (const v of [l.listAmount, l.ruleDiscount, l.couponDiscount, l.netAmount, l.taxAmount, l.totalAmount]) {
            expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
          }
          expect(l.listAmount).toBe(l.unitAmount * l.seats);
          expect(l.netAmount).toBe(l.listAmount - l.ruleDiscount - l.couponDiscount);
          expect(l.totalAmount).toBe(l.netAmount + l.taxAmount);
          subtotal += l.listAmount;
          discount += l.ruleDiscount + l.couponDiscount;
          tax += l.taxAmount;
          total += l.totalAmount;
        }
        expect(q.lines).toHaveLength(input.items.length);
        expect(q).toMatchObject({ subtotal, discount, tax, total, savings: discount });
        expect(q.total).toBe(q.subtotal - q.discount + q.tax);
        expect(q.total).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('prices each line at its list price and applies exactly the best single rule', () => {
    fc.assert(
      fc.property(scenario, ({ catalog, input }) => {
        const q = priceQuote(catalog, input, now);
        const price = new Map(catalog.courses.map((c) => [c.id, c.priceAmount]));
        for (const l of q.lines) {
          const unit =
            l.kind === 'course'
              ? price.get(l.id)!
              : catalog.bundles.find((b) => b.id === l.id)!.courseIds.reduce((s, id) => s + price.get(id)!, 0);
          expect(l.unitAmount).toBe(unit);
          const rules = qualifying(catalog, input, l);
          const best = Math.max(0, ...rules.map((r) => halfUp(l.listAmount, r.percentBps)));
          // No other single rule gives a bigger discount on this line, and rules never add up.
          expect(l.ruleDiscount).toBe(best);
          if (l.rule) {
            const applied = rules.find((r) => r.id === l.rule!.id);
            expect(applied).toBeDefined();
            expect(halfUp(l.listAmount, applied!.percentBps)).toBe(l.ruleDiscount);
            const tiedLower = rules.filter((r) => r.id < applied!.id && halfUp(l.listAmount, r.percentBps) === best);
            expect(tiedLower).toEqual([]);
          } else {
            expect(best).toBe(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rounds every percentage half-up on its own line, and spreads a fixed coupon exactly', () => {
    fc.assert(
      fc.property(scenario, ({ catalog, input }) => {
        const q = priceQuote(catalog, input, now);
        const c = catalog.coupon;
        const eligible = q.lines.filter(
          (l) => c && (c.scope === 'all' || (l.kind === c.scope && l.id === (c.courseId ?? c.bundleId))),
        );
        for (const l of q.lines) {
          const afterRule = l.listAmount - l.ruleDiscount;
          if (!eligible.includes(l)) expect(l.couponDiscount).toBe(0);
          else if (c!.kind === 'percent') expect(l.couponDiscount).toBe(halfUp(afterRule, c!.percentBps!));
          else expect(l.couponDiscount).toBeLessThanOrEqual(afterRule);
          expect(l.taxAmount).toBe(catalog.taxRate ? halfUp(l.netAmount, catalog.taxRate.rateBps) : 0);
        }
        if (c?.kind === 'fixed') {
          const room = eligible.reduce((s, l) => s + l.listAmount - l.ruleDiscount, 0);
          const given = Math.min(c.amountOff!, room);
          expect(eligible.reduce((s, l) => s + l.couponDiscount, 0)).toBe(given);
          for (const l of eligible) {
            // Within one unit of the exact pro-rata share.
            const exact = (BigInt(given) * BigInt(l.listAmount - l.ruleDiscount) * 2n) / BigInt(Math.max(room, 1));
            expect(Math.abs(2 * l.couponDiscount - Number(exact))).toBeLessThanOrEqual(2);
          }
        }
        expect(q.coupon).toEqual(c ? { code: 'PROP', label: c.label } : null);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and does not depend on the order of the items (up to the order of the lines)', () => {
    fc.assert(
      fc.property(scenario, ({ catalog, input, shuffle }) => {
        const q = priceQuote(catalog, input, now);
        expect(priceQuote(catalog, input, now)).toEqual(q);
        const shuffled = input.items
          .map((item, i) => ({ item, k: shuffle[i % shuffle.length]! + i / 1e9 }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.item);
        const reversed = [...input.items].reverse();
        for (const items of [shuffled, reversed]) {
          const other = priceQuote(catalog, { ...input, items }, now);
          expect(other.lines.map((l) => l.id)).toEqual(items.map((i) => i.id));
          expect({ ...other, lines: [...other.lines].sort(byKey) }).toEqual({ ...q, lines: [...q.lines].sort(byKey) });
        }
      }),
      { numRuns: 200 },
    );
  });

  it('splits a fixed coupon over equal lines the same way whatever the order of the items', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.double({ noNaN: true }), { minLength: 8, maxLength: 8 }),
        (n, price, off, shuffle) => {
          const catalog = catalogOf({
            courses: Array.from({ length: n }, (_, i) => course(i + 1, price)),
            coupon: coupon({ code: 'EVEN', kind: 'fixed', percentBps: null, amountOff: off, currency: 'USD' }),
          });
          const items = catalog.courses.map((c) => ({ kind: 'course' as const, id: c.id }));
          const shuffled = items.map((item, i) => ({ item, k: shuffle[i]! })).sort((a, b) => a.k - b.k);
          const split = (list: QuoteItem[]) =>
            Object.fromEntries(
              priceQuote(catalog, { items: list, couponCode: 'EVEN' }, now).lines.map((l) => [l.id, l.couponDiscount]),
            );
          expect(split(shuffled.map((x) => x.item))).toEqual(split(items));
        },
      ),
    );
  });

  it('refuses any item twice', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ catalog, input }, k) => {
        const again = input.items[k % input.items.length]!;
        let error: unknown = null;
        try {
          priceQuote(catalog, { ...input, items: [...input.items, { ...again }] }, now);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(PricingError);
        expect((error as PricingError).code).toBe('duplicate_item');
      }),
      { numRuns: 100 },
    );
  });
});
