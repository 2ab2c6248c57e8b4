import { describe, expect, it } from 'vitest';
import { quoteRequest } from '../edge/contract/checkout.ts';
import { type CommerceRun, catalogRequest, formatCommerce, orderInput, quoteBodies } from './commerce-report.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('commerce bench', () => {
  it('builds quote bodies of a bundle, a course outside it, the coupon and the country', () => {
    const bundles = [
      { id: uuid(1), courseIds: [uuid(11), uuid(12)] },
      { id: uuid(2), courseIds: [uuid(13), uuid(14)] },
      { id: uuid(3), courseIds: [uuid(11)] },
      { id: uuid(4), courseIds: [uuid(12)] },
    ];
    const bodies = quoteBodies(bundles, [uuid(11), uuid(12), uuid(13), uuid(14)]);
    expect(bodies).toHaveLength(3);
    for (const [i, body] of bodies.entries()) {
      expect(quoteRequest.parse(body)).toEqual(body);
      const [bundle, course] = body.items;
      expect(bundle).toEqual({ kind: 'bundle', id: bundles[i]!.id });
      expect(bundles[i]!.courseIds).not.toContain(course!.id);
      expect(body).toMatchObject({ coupon: 'WELCOME10', country: 'DE' });
    }
    expect(new Set(bodies.map((b) => b.items[1]!.id)).size).toBe(3);
    expect(() => quoteBodies([], [uuid(11)])).toThrow(/seed the database/);
    expect(catalogRequest(bodies[0]!, null)).toEqual({
      courseIds: [bodies[0]!.items[1]!.id],
      bundleIds: [uuid(1)],
      coupon: 'WELCOME10',
      buyer: null,
      country: 'DE',
      region: null,
    });
  });

  it('builds the order input the checkout route sends: one seat, card, local, a 30-minute hold', () => {
    const quote = {
      currency: 'USD',
      lines: [],
      subtotal: 0,
      discount: 0,
      tax: 0,
      total: 0,
      coupon: null,
      taxRate: null,
      savings: 0,
    };
    const input = orderInput(quote, 'DE', new Date('2026-11-23T12:00:00Z'));
    expect(input).toEqual({
      quote,
      seats: 1,
      corporate: false,
      companyId: null,
      companyName: null,
      country: 'DE',
      region: null,
      provider: 'local',
      method: 'card',
      expiresAt: '2026-11-23T12:30:00.000Z',
    });
  });

  it('prints each route beside its floors with the ratio API / floor', () => {
    const run: CommerceRun = {
      engine: 'postgres',
      routes: [
        {
          label: 'POST /api/checkout/quote',
          api: { count: 1, rps: 900, p50: 10, p99: 30.5 },
          floors: [{ label: 'commerce_catalog', measure: { count: 1, rps: 1200, p50: 8, p99: 20 } }],
        },
        {
          label: 'POST /api/checkout (orders/s)',
          api: { count: 1, rps: 200, p50: 50, p99: 90, failures: 3 },
          floors: [{ label: 'create_order', measure: { count: 1, rps: 800, p50: 12, p99: 25 } }],
        },
      ],
      notes: ['a note'],
    };
    const out = formatCommerce(run);
    expect(out).toContain('postgres · commerce (demo seed)');
    expect(out).toMatch(/POST \/api\/checkout\/quote\s+900\s+10\.00\s+30\.50/);
    expect(out).toMatch(/bare SQL: commerce_catalog\s+1,200\s+8\.00\s+20\.00\s+0\.75/);
    expect(out).toMatch(/\(orders\/s\) \(3 failed\)\s+200/);
    expect(out).toMatch(/bare SQL: create_order\s+800\s+12\.00\s+25\.00\s+0\.25/);
    expect(out).toContain('  a note');
  });
});
