import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminHarness, makeAdminHarness } from '../../../tests/support/admin-commerce.ts';
import { ids } from '../../../tests/support/edge-harness.ts';

/** Who may use the admin commerce API: admins; everyone else is refused before anything is read. */

const SOME_ID = '99999999-0000-4000-8000-000000000001';

const ROUTES: [method: string, path: string, body?: unknown][] = [
  ['GET', '/api/admin/bundles'],
  ['GET', '/api/admin/categories'],
  ['POST', '/api/admin/bundles', { title: 'X', slug: 'x', courseIds: [ids.free, ids.paid] }],
  ['PATCH', `/api/admin/bundles/${SOME_ID}`, { title: 'Y' }],
  ['DELETE', `/api/admin/bundles/${SOME_ID}`],
  ['GET', '/api/admin/pricing-rules'],
  ['POST', '/api/admin/pricing-rules', { scope: 'cart', minQuantity: 2, percentBps: 500 }],
  ['PATCH', `/api/admin/pricing-rules/${SOME_ID}`, { active: false }],
  ['DELETE', `/api/admin/pricing-rules/${SOME_ID}`],
  ['GET', '/api/admin/coupons'],
  ['POST', '/api/admin/coupons', { code: 'NOPE10', label: 'Nope', kind: 'percent', percentBps: 1000 }],
  ['PATCH', `/api/admin/coupons/${SOME_ID}`, { active: false }],
  ['GET', '/api/admin/tax-rates'],
  [
    'POST',
    '/api/admin/tax-rates',
    { country: 'FR', kind: 'vat', label: 'TVA', rateBps: 2000, effectiveFrom: '2026-01-01' },
  ],
  ['PATCH', `/api/admin/tax-rates/${SOME_ID}`, { rateBps: 1 }],
  ['DELETE', `/api/admin/tax-rates/${SOME_ID}`],
  ['GET', '/api/admin/orders'],
  ['GET', '/api/admin/revenue'],
  ['POST', `/api/admin/orders/${SOME_ID}/refunds`, { reason: 'test' }],
  ['GET', '/api/admin/demo-requests'],
];

let a: AdminHarness;
beforeAll(async () => {
  a = await makeAdminHarness();
});
afterAll(() => a.close());

describe('the admin commerce API refuses everyone but admins', () => {
  it('answers visitors 401 on every route', async () => {
    for (const [method, path, body] of ROUTES) {
      const res = await a.call(null, method, path, body);
      expect([method, path, res.status, res.body.error.code]).toEqual([method, path, 401, 'unauthorized']);
    }
  });

  it('answers a student, an instructor and a company admin 403 on every route, and changes nothing', async () => {
    // ids.other administers the harness's company (test-support.ts).
    for (const who of [ids.student, ids.teacher, ids.other]) {
      for (const [method, path, body] of ROUTES) {
        const res = await a.call(who, method, path, body);
        expect([who, method, path, res.status, res.body.error.code]).toEqual([who, method, path, 403, 'forbidden']);
      }
    }
    const [counts] = await a.h.db.asOwner((sql) =>
      sql.query<{ n: number }>(
        `select (select count(*) from public.bundles) + (select count(*) from public.pricing_rules)
              + (select count(*) from public.coupons) + (select count(*) from public.tax_rates) as n`,
      ),
    );
    expect(Number(counts!.n)).toBe(0);
  });

  it('lets an admin read every list', async () => {
    for (const [method, path] of ROUTES.filter(([m]) => m === 'GET')) {
      const res = await a.call(ids.admin, method, path);
      expect([path, res.status]).toEqual([path, 200]);
    }
  });

  it('answers a malformed id 400 and an unknown one 404, as JSON', async () => {
    for (const path of ['/api/admin/bundles/nope', '/api/admin/tax-rates/nope', '/api/admin/pricing-rules/nope']) {
      const res = await a.call(ids.admin, 'DELETE', path);
      expect([path, res.status, res.body.error.code]).toEqual([path, 400, 'bad_request']);
    }
    for (const [method, path, body] of ROUTES.filter(([, p]) => p.includes(SOME_ID))) {
      const res = await a.call(ids.admin, method, path, body);
      expect([method, path, res.status, res.body.error.code]).toEqual([method, path, 404, 'not_found']);
    }
  });

  it('answers a body that is not JSON 415 and malformed JSON 400', async () => {
    const res = await a.app.request('/api/admin/coupons', {
      method: 'POST',
      headers: { ...(await a.h.as(ids.admin)), 'content-type': 'text/plain' },
      body: 'code=X',
    });
    expect(res.status).toBe(415);
    const bad = await a.call(ids.admin, 'POST', '/api/admin/coupons', '{"code": ');
    expect([bad.status, bad.body.error.code]).toEqual([400, 'bad_request']);
  });
});
