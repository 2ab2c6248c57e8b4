import { describe, expect, it } from 'vitest';
import {
  bundleInput,
  checkoutRequest,
  couponInput,
  demoRequestInput,
  idempotencyKey,
  pricingRuleInput,
  quoteRequest,
  refundInput,
  taxRateInput,
} from './checkout.ts';

const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
const id2 = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const ok = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) => schema.safeParse(v).success;

describe('the checkout contract', () => {
  it('drops client-sent prices and totals, and normalises the coupon and ids', () => {
    expect(
      quoteRequest.parse({
        items: [{ kind: 'course', id: id.toUpperCase(), price: 1 }],
        seats: 3,
        coupon: ' save10 ',
        country: 'DE',
        total: 0,
        discount: 99999,
      }),
    ).toEqual({ items: [{ kind: 'course', id }], seats: 3, coupon: 'SAVE10', country: 'DE' });
  });

  it('bounds a quote request', () => {
    const item = { kind: 'course', id };
    expect(ok(quoteRequest, { items: [] })).toBe(false);
    expect(ok(quoteRequest, { items: Array(51).fill(item) })).toBe(false);
    expect(ok(quoteRequest, { items: Array(50).fill(item) })).toBe(true); // duplicates are the engine's 422
    expect(ok(quoteRequest, { items: [{ kind: 'lesson', id }] })).toBe(false);
    expect(ok(quoteRequest, { items: [{ kind: 'course', id: 'x' }] })).toBe(false);
    expect(ok(quoteRequest, { items: [item], seats: 0 })).toBe(false);
    expect(ok(quoteRequest, { items: [item], seats: 10_001 })).toBe(false);
    expect(ok(quoteRequest, { items: [item], seats: 2.5 })).toBe(false);
    expect(ok(quoteRequest, { items: [item], seats: '2' })).toBe(false);
    expect(ok(quoteRequest, { items: [item], coupon: '   ' })).toBe(false);
    expect(ok(quoteRequest, { items: [item], coupon: 'X'.repeat(33) })).toBe(false);
    expect(ok(quoteRequest, { items: [item], country: 'de' })).toBe(false);
    expect(ok(quoteRequest, { items: [item], country: 'DEU' })).toBe(false);
    expect(ok(quoteRequest, { items: [item], country: 'US', region: 'CA' })).toBe(true);
  });

  it('defaults the payment method and checks the company name', () => {
    const items = [{ kind: 'bundle', id }];
    expect(checkoutRequest.parse({ items })).toEqual({ items, method: 'card' });
    expect(checkoutRequest.parse({ items, method: 'paypal', seats: 20, company: { name: ' Acme ' } })).toMatchObject({
      method: 'paypal',
      company: { name: 'Acme' },
    });
    expect(ok(checkoutRequest, { items, method: 'cash' })).toBe(false);
    expect(ok(checkoutRequest, { items, company: { name: 'A' } })).toBe(false);
    // The company to buy for: a UUID, lower-cased as the database writes them; the quote drops it.
    const companyId = '64000000-0000-4000-8000-0000000000AB';
    expect(checkoutRequest.parse({ items, seats: 2, companyId }).companyId).toBe(companyId.toLowerCase());
    expect(ok(checkoutRequest, { items, companyId: 'acme' })).toBe(false);
    expect(quoteRequest.parse({ items, companyId })).toEqual({ items });
    expect(ok(idempotencyKey, 'short')).toBe(false);
    expect(ok(idempotencyKey, 'a'.repeat(201))).toBe(false);
    expect(ok(idempotencyKey, 'has a space')).toBe(false);
    expect(ok(idempotencyKey, crypto.randomUUID())).toBe(true);
  });
});

describe('the admin bodies', () => {
  it('take a coupon, percent or fixed, with a consistent scope and dates', () => {
    expect(couponInput.parse({ code: ' spring-25 ', label: 'Spring', kind: 'percent', percentBps: 2500 })).toEqual({
      code: 'SPRING-25',
      label: 'Spring',
      kind: 'percent',
      percentBps: 2500,
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
    });
    const fixed = { code: 'TENOFF', label: '$10 off', kind: 'fixed', amountOff: 1000, currency: 'USD' };
    expect(ok(couponInput, fixed)).toBe(true);
    expect(ok(couponInput, { ...fixed, currency: null })).toBe(false);
    expect(ok(couponInput, { ...fixed, percentBps: 100 })).toBe(false);
    expect(ok(couponInput, { ...fixed, code: 'NO' })).toBe(false);
    expect(ok(couponInput, { ...fixed, code: 'BAD CODE' })).toBe(false);
    expect(ok(couponInput, { ...fixed, scope: 'course' })).toBe(false);
    expect(ok(couponInput, { ...fixed, scope: 'course', courseId: id })).toBe(true);
    expect(ok(couponInput, { ...fixed, bundleId: id })).toBe(false);
    expect(
      ok(couponInput, { ...fixed, startsAt: '2026-12-01T00:00:00+01:00', expiresAt: '2026-11-30T22:30:00Z' }),
    ).toBe(false);
    expect(
      ok(couponInput, { ...fixed, startsAt: '2026-12-01T00:00:00+01:00', expiresAt: '2026-12-01T00:00:00Z' }),
    ).toBe(true);
    expect(ok(couponInput, { ...fixed, total: 5 })).toBe(false);
  });

  it('take a bundle with distinct courses and tiers', () => {
    const body = { title: 'Web', slug: 'web', courseIds: [id, id2], rules: [{ minQuantity: 2, percentBps: 1000 }] };
    expect(bundleInput.parse(body)).toMatchObject({
      description: '',
      imageUrl: null,
      categoryId: null,
      status: 'draft',
    });
    expect(ok(bundleInput, { ...body, courseIds: [id] })).toBe(false);
    expect(ok(bundleInput, { ...body, courseIds: [id, id.toUpperCase()] })).toBe(false);
    expect(ok(bundleInput, { ...body, rules: [body.rules[0], { minQuantity: 2, percentBps: 2000 }] })).toBe(false);
    expect(ok(bundleInput, { ...body, rules: [{ minQuantity: 2, percentBps: 0 }] })).toBe(false);
  });

  it('take pricing rules, tax rates, refunds and demo requests', () => {
    expect(ok(pricingRuleInput, { scope: 'seats', minQuantity: 10, percentBps: 1500 })).toBe(true);
    expect(ok(pricingRuleInput, { scope: 'bundle', minQuantity: 2, percentBps: 1000 })).toBe(false);
    expect(ok(pricingRuleInput, { scope: 'cart', bundleId: id, minQuantity: 2, percentBps: 1000 })).toBe(false);
    const vat = { country: 'DE', kind: 'vat', label: 'VAT 19%', rateBps: 1900, effectiveFrom: '2026-01-01' };
    expect(taxRateInput.parse(vat)).toMatchObject({ region: null, effectiveTo: null });
    expect(ok(taxRateInput, { ...vat, effectiveTo: '2025-12-31' })).toBe(false);
    expect(ok(taxRateInput, { ...vat, rateBps: 10_001 })).toBe(false);
    expect(ok(taxRateInput, { ...vat, effectiveFrom: '2026-02-30' })).toBe(false);
    expect(refundInput.parse({ reason: ' duplicate purchase ' })).toEqual({ reason: 'duplicate purchase' });
    expect(ok(refundInput, { amount: 0, reason: 'x' })).toBe(false);
    expect(ok(refundInput, { reason: '' })).toBe(false);
    const demo = { name: 'Ada Lovelace', email: 'ada@example.com', company: 'Analytical', teamSize: 40 };
    expect(demoRequestInput.parse(demo)).toEqual({ ...demo, message: '' });
    expect(ok(demoRequestInput, { ...demo, email: 'nope' })).toBe(false);
    expect(ok(demoRequestInput, { ...demo, teamSize: 0 })).toBe(false);
  });
});
