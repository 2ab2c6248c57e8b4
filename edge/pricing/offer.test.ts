import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceQuote } from './engine.ts';
import { bundleOffer } from './offer.ts';
import { bundle, catalogOf, course, rule, uid } from './test-catalog.ts';

describe('a bundle card', () => {
  it('shows the list total, the bundle price after its best tier, the savings and the tiers in words', () => {
    const rules = [rule(1, 'bundle', 3, 2000, uid(9)), rule(2, 'bundle', 2, 1000, uid(9))];
    expect(bundleOffer([3000, 4000, 5000], rules)).toEqual({
      listTotal: 12000,
      bundlePrice: 9600,
      savings: 2400,
      rulesText: 'Buy 2, get 10% off; 3 or more, 20% off',
    });
    expect(bundleOffer([3000, 4000], rules)).toMatchObject({ bundlePrice: 6300, savings: 700 });
    expect(bundleOffer([3000], [])).toEqual({ listTotal: 3000, bundlePrice: 3000, savings: 0, rulesText: null });
  });

  it('prices a bundle exactly as a one-seat quote of it does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 200_000 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.record({ min: fc.integer({ min: 1, max: 10 }), bps: fc.integer({ min: 1, max: 10_000 }) }), {
          maxLength: 5,
        }),
        (prices, tiers) => {
          const courses = prices.map((p, i) => course(i + 1, p));
          const rules = tiers.map((t, i) => rule(50 + i, 'bundle', t.min, t.bps, uid(9)));
          const catalog = catalogOf({
            courses,
            bundles: [
              bundle(
                9,
                courses.map((c) => c.id),
              ),
            ],
            rules,
          });
          const line = priceQuote(catalog, { items: [{ kind: 'bundle', id: uid(9) }] }, new Date()).lines[0]!;
          const offer = bundleOffer(prices, rules);
          expect([offer.listTotal, offer.bundlePrice, offer.savings]).toEqual([
            line.listAmount,
            line.listAmount - line.ruleDiscount,
            line.ruleDiscount,
          ]);
        },
      ),
    );
  });
});
