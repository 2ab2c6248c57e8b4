import { describe, expect, it } from 'vitest';
import { commerceConfig } from '../checkout/config.ts';
import { learnerRefund, type RefundFacts } from './policy.ts';

const now = new Date('2026-11-23T12:00:00Z');
const policy = { windowDays: 14, maxProgressPercent: 30 };
const facts = (extra: Partial<RefundFacts> = {}): RefundFacts => ({
  viewerId: 'u1',
  buyerId: 'u1',
  kind: 'single',
  status: 'paid',
  total: 4900,
  paidAt: '2026-11-20T12:00:00Z',
  progress: [{ title: 'Pandas in Practice', percent: 12.5 }],
  ...extra,
});

describe('the learner refund policy', () => {
  it('allows the buyer of a paid order within the window and under the progress limit', () => {
    expect(learnerRefund(facts(), policy, now)).toEqual({ allowed: true, reason: null });
    // Exactly at the limits still counts.
    expect(
      learnerRefund(facts({ paidAt: '2026-11-09T12:00:00Z', progress: [{ title: 'A', percent: 30 }] }), policy, now),
    ).toEqual({ allowed: true, reason: null });
  });

  it('says why not, in words', () => {
    const reason = (f: Partial<RefundFacts>, p = policy) => learnerRefund(facts(f), p, now).reason;
    expect(reason({ viewerId: 'u2' })).toBe('Only the buyer can ask for a refund of this order.');
    expect(reason({ status: 'pending', paidAt: null })).toBe('Only a paid order can be refunded.');
    expect(reason({ status: 'refunded' })).toBe('This order has already been refunded.');
    expect(reason({ status: 'partially_refunded' })).toBe('This order has already been refunded.');
    expect(reason({ total: 0 })).toBe('Nothing was paid for this order.');
    expect(reason({ kind: 'corporate' })).toMatch(/^Team purchases are refunded by our support team/);
    expect(reason({ paidAt: '2026-11-09T11:59:59Z' })).toBe('Refunds can be requested within 14 days of purchase.');
    expect(reason({}, { windowDays: 1, maxProgressPercent: 30 })).toBe(
      'Refunds can be requested within 1 day of purchase.',
    );
    expect(reason({}, { windowDays: 0, maxProgressPercent: 30 })).toBe('Refunds are not available.');
    expect(
      reason({
        progress: [
          { title: 'A', percent: 10 },
          { title: 'B', percent: 30.5 },
        ],
      }),
    ).toBe('Refunds are available up to 30% progress; you have completed 30.5% of B.');
  });
});

describe('commerceConfig', () => {
  it('takes the seller and policy from env, with defaults', () => {
    const c = commerceConfig(
      { SELLER_NAME: 'Acme Learning Ltd', SELLER_ADDRESS: '1 Road, Town\nCountry', REFUND_WINDOW_DAYS: 7 },
      'https://learn.example.com/',
    );
    expect(c.siteUrl).toBe('https://learn.example.com');
    expect(c.seller).toMatchObject({ name: 'Acme Learning Ltd', address: ['1 Road', 'Town', 'Country'] });
    expect(c.refundPolicy).toEqual({ windowDays: 7, maxProgressPercent: 30 });
    expect(commerceConfig({}, 'http://x').seller.name).toBe('Learnwell');
  });
});
