import { describe, expect, it } from 'vitest';
import { quote as quoteSchema } from '../contract/checkout.ts';
import { priceQuote } from './engine.ts';
import { PricingError } from './errors.ts';
import { bundle, catalogOf, coupon, course, germanVat, rule, uid } from './test-catalog.ts';
import type { PricingCatalog, QuoteInput } from './types.ts';

const now = new Date('2026-11-22T12:00:00Z');
const c = (n: number) => ({ kind: 'course' as const, id: uid(n) });
const b = (n: number) => ({ kind: 'bundle' as const, id: uid(n) });

/** A priced quote that also parses against the contract, as POST /api/checkout/quote answers it. */
function price(catalog: PricingCatalog, input: QuoteInput) {
  const q = priceQuote(catalog, input, now);
  expect(quoteSchema.parse(q)).toEqual(q);
  return q;
}

function refusal(catalog: PricingCatalog, input: QuoteInput, at = now): PricingError {
  try {
    priceQuote(catalog, input, at);
  } catch (e) {
    if (e instanceof PricingError) return e;
    throw e;
  }
  throw new Error('expected a PricingError');
}

const courses = [course(1, 3000), course(2, 4000), course(3, 5000), course(4, 2500), course(5, 0)];

describe('bundles and their tiers', () => {
  const catalog = catalogOf({
    courses,
    bundles: [bundle(100, [uid(1), uid(2), uid(3)]), bundle(101, [uid(1), uid(2)])],
    rules: [
      rule(200, 'bundle', 2, 1000, uid(100)),
      rule(201, 'bundle', 3, 2000, uid(100)),
      rule(202, 'bundle', 2, 1000, uid(101)),
    ],
  });

  it('gives a bundle of 3 with "2+: 10%" and "3+: 20%" its 20% (one rule, never both)', () => {
    const q = price(catalog, { items: [b(100)] });
    expect(q.lines).toEqual([
      {
        kind: 'bundle',
        id: uid(100),
        title: 'Bundle 100',
        seats: 1,
        unitAmount: 12000,
        listAmount: 12000,
        rule: { id: uid(201), label: 'Buy 3, get 20% off' },
        ruleDiscount: 2400,
        couponDiscount: 0,
        netAmount: 9600,
        taxAmount: 0,
        totalAmount: 9600,
      },
    ]);
    expect(q).toMatchObject({ currency: 'USD', subtotal: 12000, discount: 2400, tax: 0, total: 9600, savings: 2400 });
    expect(q.coupon).toBeNull();
    expect(q.taxRate).toBeNull();
  });

  it('gives a bundle of 2 the 2+ tier only', () => {
    const q = price(catalog, { items: [b(101)] });
    expect(q.lines[0]).toMatchObject({ listAmount: 7000, ruleDiscount: 700, rule: { label: 'Buy 2, get 10% off' } });
  });

  it('never applies a bundle rule to another bundle', () => {
    const other = catalogOf({ ...catalog, rules: [rule(201, 'bundle', 2, 5000, uid(101))] });
    expect(price(other, { items: [b(100)] }).lines[0]!.rule).toBeNull();
  });
});

describe('seats', () => {
  const catalog = catalogOf({
    courses,
    bundles: [bundle(100, [uid(1), uid(2), uid(3)])],
    rules: [rule(300, 'seats', 10, 1500), rule(301, 'seats', 50, 2500), rule(201, 'bundle', 3, 2000, uid(100))],
  });

  it('multiplies every line and applies the seat tier reached', () => {
    expect(price(catalog, { items: [c(4)], seats: 9 }).lines[0]).toMatchObject({
      seats: 9,
      unitAmount: 2500,
      listAmount: 22500,
      rule: null,
      ruleDiscount: 0,
    });
    const ten = price(catalog, { items: [c(4)], seats: 10 });
    expect(ten.lines[0]).toMatchObject({
      listAmount: 25000,
      rule: { id: uid(300), label: '10+ seats: 15% off' },
      ruleDiscount: 3750,
    });
    expect(price(catalog, { items: [c(4)], seats: 50 }).lines[0]).toMatchObject({
      listAmount: 125000,
      rule: { id: uid(301), label: '50+ seats: 25% off' },
      ruleDiscount: 31250,
    });
  });

  it('applies the better of the bundle rule and the seat rule, not both', () => {
    expect(price(catalog, { items: [b(100)], seats: 10 }).lines[0]).toMatchObject({
      listAmount: 120000,
      rule: { id: uid(201) },
      ruleDiscount: 24000, // 20% beats 15%
    });
    expect(price(catalog, { items: [b(100)], seats: 50 }).lines[0]).toMatchObject({
      listAmount: 600000,
      rule: { id: uid(301) },
      ruleDiscount: 150000, // 25% beats 20%
    });
  });
});

describe('cart rules', () => {
  const catalog = catalogOf({
    courses,
    bundles: [bundle(100, [uid(1), uid(2)])],
    rules: [rule(400, 'cart', 2, 1000), rule(401, 'cart', 3, 1500)],
  });

  it('discount each course line once the cart holds enough course items', () => {
    const one = price(catalog, { items: [c(3)] });
    expect(one.lines[0]!.rule).toBeNull();
    const two = price(catalog, { items: [c(3), c(4)] });
    expect(two.lines.map((l) => l.ruleDiscount)).toEqual([500, 250]);
    const three = price(catalog, { items: [c(3), c(4), b(100)] });
    // A bundle is not a course item: two course items, 10%; the bundle line gets no cart rule.
    expect(three.lines.map((l) => l.ruleDiscount)).toEqual([500, 250, 0]);
  });

  it('gives a free course no rule at all', () => {
    const q = price(catalog, { items: [c(3), c(4), c(5)] });
    expect(q.lines[2]).toMatchObject({ listAmount: 0, rule: null, ruleDiscount: 0, totalAmount: 0 });
    expect(q.lines[0]).toMatchObject({ rule: { id: uid(401), label: 'Buy 3, get 15% off' }, ruleDiscount: 750 });
  });

  it('breaks a tie between rules giving the same discount by the lowest id', () => {
    const tie = catalogOf({
      courses,
      rules: [rule(402, 'cart', 1, 1000), rule(401, 'cart', 1, 1000), rule(403, 'seats', 1, 1000)],
    });
    expect(price(tie, { items: [c(3)] }).lines[0]!.rule!.id).toBe(uid(401));
    // 10 and 12 bps of 4000: 4 and 4.8 -> 5: the larger discount wins over the lower id.
    const larger = catalogOf({ courses, rules: [rule(410, 'cart', 1, 10), rule(411, 'cart', 1, 12)] });
    expect(price(larger, { items: [c(2)] }).lines[0]).toMatchObject({ rule: { id: uid(411) }, ruleDiscount: 5 });
    // 150 and 200 bps of 100: 1.5 -> 2 and 2: rounding makes them equal, so the lowest id wins.
    const equal = catalogOf({
      courses: [course(8, 100)],
      rules: [rule(421, 'cart', 1, 200), rule(420, 'cart', 1, 150)],
    });
    expect(price(equal, { items: [c(8)] }).lines[0]).toMatchObject({ rule: { id: uid(420) }, ruleDiscount: 2 });
    // A rule that saves nothing (10 bps of 40 is 0.04) is not shown as applied.
    const nothing = catalogOf({ courses: [course(8, 40)], rules: [rule(410, 'cart', 1, 10)] });
    expect(price(nothing, { items: [c(8)] }).lines[0]!.rule).toBeNull();
  });
});

describe('coupons', () => {
  const base = {
    courses,
    bundles: [bundle(100, [uid(1), uid(2), uid(3)])],
    rules: [rule(201, 'bundle', 3, 2000, uid(100))],
  };
  const items = [b(100), c(4)];

  it('apply a percentage to the post-rule amount of every line', () => {
    const q = price(catalogOf({ ...base, coupon: coupon() }), { items, couponCode: ' save10 ' });
    expect(q.lines.map((l) => [l.ruleDiscount, l.couponDiscount, l.netAmount])).toEqual([
      [2400, 960, 8640],
      [0, 250, 2250],
    ]);
    expect(q.coupon).toEqual({ code: 'SAVE10', label: '10% off everything' });
    expect(q).toMatchObject({ subtotal: 14500, discount: 3610, total: 10890, savings: 3610 });
  });

  it('apply only within their scope', () => {
    const forCourse = coupon({ scope: 'course', courseId: uid(4) });
    expect(
      price(catalogOf({ ...base, coupon: forCourse }), { items, couponCode: 'SAVE10' }).lines.map(
        (l) => l.couponDiscount,
      ),
    ).toEqual([0, 250]);
    const forBundle = coupon({ scope: 'bundle', bundleId: uid(100) });
    expect(
      price(catalogOf({ ...base, coupon: forBundle }), { items, couponCode: 'SAVE10' }).lines.map(
        (l) => l.couponDiscount,
      ),
    ).toEqual([960, 0]);
    // A course coupon does not reach that course inside a bundle: foreign scope.
    const inBundle = coupon({ scope: 'course', courseId: uid(1) });
    expect(refusal(catalogOf({ ...base, coupon: inBundle }), { items, couponCode: 'SAVE10' })).toMatchObject({
      code: 'coupon_invalid',
      message: 'the coupon SAVE10 does not apply to these items',
    });
  });

  it('cap a fixed amount at the eligible amount', () => {
    const big = coupon({ code: 'FIFTY', kind: 'fixed', percentBps: null, amountOff: 50_000, currency: 'USD' });
    const q = price(catalogOf({ ...base, coupon: big, taxRate: germanVat }), { items, couponCode: 'fifty' });
    expect(q.lines.map((l) => l.netAmount)).toEqual([0, 0]);
    expect(q).toMatchObject({ subtotal: 14500, discount: 14500, tax: 0, total: 0 });
  });

  it('spread a fixed amount pro rata over the eligible lines, summing exactly', () => {
    const three = catalogOf({
      courses: [course(1, 3333), course(2, 3333), course(3, 3334)],
      coupon: coupon({ code: 'TEN', kind: 'fixed', percentBps: null, amountOff: 1000, currency: 'USD' }),
    });
    const q = price(three, { items: [c(3), c(1), c(2)], couponCode: 'TEN' });
    expect(q.lines.map((l) => l.couponDiscount)).toEqual([334, 333, 333]);
    const odd = catalogOf({
      courses: [course(1, 100), course(2, 100), course(3, 100)],
      coupon: coupon({ code: 'TEN', kind: 'fixed', percentBps: null, amountOff: 100, currency: 'USD' }),
    });
    // 33.33 each: the one spare unit goes to the first line by (kind, id), whatever the items' order.
    expect(price(odd, { items: [c(3), c(2), c(1)], couponCode: 'TEN' }).lines.map((l) => l.couponDiscount)).toEqual([
      33, 33, 34,
    ]);
    expect(price(odd, { items: [c(1), c(2), c(3)], couponCode: 'TEN' }).lines.map((l) => l.couponDiscount)).toEqual([
      34, 33, 33,
    ]);
  });

  it('spread a fixed amount over the post-rule amounts', () => {
    const q = price(
      catalogOf({
        ...base,
        coupon: coupon({ code: 'OFF', kind: 'fixed', percentBps: null, amountOff: 1210, currency: 'USD' }),
      }),
      { items, couponCode: 'OFF' },
    );
    // weights 9600 and 2500 (sum 12100): 960 and 250.
    expect(q.lines.map((l) => l.couponDiscount)).toEqual([960, 250]);
  });

  it('refuse with the reason', () => {
    const at = (extra: Parameters<typeof coupon>[0]) => catalogOf({ ...base, coupon: coupon(extra) });
    const input = { items, couponCode: 'SAVE10' };
    expect(refusal(catalogOf(base), input).code).toBe('coupon_invalid'); // unknown
    expect(refusal(at({ code: 'OTHER' }), input).code).toBe('coupon_invalid');
    expect(refusal(at({ active: false }), input).code).toBe('coupon_invalid');
    expect(refusal(at({ usedByBuyer: 1 }), input).code).toBe('coupon_invalid');
    expect(refusal(at({ kind: 'fixed', percentBps: null, amountOff: 500, currency: 'EUR' }), input).code).toBe(
      'coupon_invalid',
    );
    expect(refusal(at({ minSubtotal: 14501 }), input).code).toBe('coupon_invalid');
    expect(price(at({ minSubtotal: 14500 }), input).coupon).not.toBeNull();
    expect(price(at({ usedByBuyer: 1, perUserLimit: null }), input).coupon).not.toBeNull();

    expect(refusal(at({ startsAt: '2026-11-23T00:00:00Z' }), input)).toMatchObject({
      code: 'coupon_expired',
      message: 'the coupon SAVE10 is not valid yet',
    });
    expect(refusal(at({ expiresAt: '2026-11-22T11:59:59Z' }), input)).toMatchObject({
      code: 'coupon_expired',
      message: 'the coupon SAVE10 has expired',
    });
    expect(refusal(at({ expiresAt: now.toISOString() }), input).code).toBe('coupon_expired'); // the instant it expires
    expect(price(at({ startsAt: now.toISOString(), expiresAt: '2026-11-22T12:00:01Z' }), input).coupon).not.toBeNull();

    expect(refusal(at({ maxRedemptions: 10, used: 10 }), input)).toMatchObject({
      code: 'coupon_exhausted',
      status: 422,
      details: { code: 'SAVE10' },
    });
    expect(price(at({ maxRedemptions: 10, used: 9 }), input).coupon).not.toBeNull();
  });

  it('is no coupon when the code is blank', () => {
    expect(price(catalogOf(base), { items, couponCode: '  ' }).coupon).toBeNull();
  });
});

describe('tax', () => {
  it('adds German VAT at 19% per line on the net amount, half-up', () => {
    const catalog = catalogOf({ courses: [course(1, 10_000), course(2, 1250), course(3, 1234)], taxRate: germanVat });
    const q = price(catalog, { items: [c(1), c(2), c(3)] });
    expect(q.lines.map((l) => [l.taxAmount, l.totalAmount])).toEqual([
      [1900, 11900],
      [238, 1488], // 237.5
      [234, 1468], // 234.46
    ]);
    expect(q).toMatchObject({ subtotal: 12484, discount: 0, tax: 2372, total: 14856 });
    expect(q.taxRate).toEqual({ label: 'VAT 19%', rateBps: 1900, country: 'DE', region: null });
  });
});

describe('refusals', () => {
  const catalog = catalogOf({
    courses: [...courses, course(6, 1000, { published: false }), course(7, 1000, { currency: 'EUR' })],
    bundles: [
      bundle(100, [uid(1), uid(2), uid(3)]),
      bundle(101, [uid(3), uid(4)]),
      bundle(102, [uid(1)], { published: false }),
      bundle(103, [uid(1), uid(6)]),
      bundle(104, [uid(1), uid(99)]),
      bundle(105, [uid(7)], { currency: 'EUR' }),
      bundle(106, []),
    ],
  });
  const code = (input: QuoteInput) => refusal(catalog, input).code;

  it('names each reason', () => {
    expect(code({ items: [] })).toBe('empty_cart');
    expect(code({ items: [c(99)] })).toBe('unknown_item');
    expect(code({ items: [b(99)] })).toBe('unknown_item');
    expect(code({ items: [b(104)] })).toBe('unknown_item'); // one of its courses is gone
    expect(code({ items: [c(6)] })).toBe('not_for_sale');
    expect(code({ items: [b(102)] })).toBe('not_for_sale');
    expect(code({ items: [b(103)] })).toBe('not_for_sale'); // holds an unpublished course
    expect(code({ items: [b(106)] })).toBe('not_for_sale'); // holds nothing
    expect(code({ items: [c(1), c(1)] })).toBe('duplicate_item');
    expect(code({ items: [c(1), { kind: 'course', id: uid(1).toUpperCase() }] })).toBe('duplicate_item');
    expect(code({ items: [c(1), b(100)] })).toBe('duplicate_item'); // a course also in a chosen bundle
    expect(code({ items: [b(100), c(1)] })).toBe('duplicate_item');
    expect(code({ items: [b(100), b(101)] })).toBe('duplicate_item'); // two bundles sharing a course
    expect(code({ items: [c(1), c(7)] })).toBe('currency_mismatch');
    expect(code({ items: [b(105), c(2)] })).toBe('currency_mismatch');
  });

  it('says which item, for the client to point at', () => {
    expect(refusal(catalog, { items: [c(2), c(6)] })).toMatchObject({
      name: 'PricingError',
      status: 422,
      message: '"Course 6" is not for sale',
      details: { kind: 'course', id: uid(6) },
    });
    expect(refusal(catalog, { items: [c(1), b(100)] })).toMatchObject({
      message: '"Course 1" is in the order twice (a bundle holds it)',
      details: { kind: 'bundle', id: uid(100) },
    });
  });

  it('prices a bundle in the same currency as its courses', () => {
    expect(price(catalog, { items: [b(105)] })).toMatchObject({ currency: 'EUR', total: 1000 });
  });

  it('rejects impossible seats as a programming error (the contract bounds them first)', () => {
    expect(() => priceQuote(catalog, { items: [c(1)], seats: 0 }, now)).toThrow(RangeError);
    expect(() => priceQuote(catalog, { items: [c(1)], seats: 1.5 }, now)).toThrow(RangeError);
  });
});
