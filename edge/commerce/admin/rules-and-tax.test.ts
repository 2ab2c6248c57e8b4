import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminHarness, makeAdminHarness } from '../../../tests/support/admin-commerce.ts';
import { ids } from '../../../tests/support/edge-harness.ts';
import {
  adminPricingRule,
  adminPricingRuleList,
  adminTaxRate,
  adminTaxRateList,
} from '../../contract/commerce-admin.ts';

let a: AdminHarness;
beforeAll(async () => {
  a = await makeAdminHarness();
});
afterAll(() => a.close());

describe('admin pricing rules', () => {
  it('creates cart and seat tiers, lists them in words, switches one off and deletes one', async () => {
    const cart = await a.call(ids.admin, 'POST', '/api/admin/pricing-rules', {
      scope: 'cart',
      minQuantity: 3,
      percentBps: 1000,
    });
    expect(cart.status).toBe(201);
    expect(adminPricingRule.parse(cart.body)).toMatchObject({
      scope: 'cart',
      label: 'Buy 3, get 10% off',
      active: true,
    });
    const seats = await a.call(ids.admin, 'POST', '/api/admin/pricing-rules', {
      scope: 'seats',
      minQuantity: 10,
      percentBps: 1500,
    });
    expect(adminPricingRule.parse(seats.body).label).toBe('10+ seats: 15% off');

    const list = adminPricingRuleList.parse((await a.call(ids.admin, 'GET', '/api/admin/pricing-rules')).body);
    expect(list.items.map((r) => r.label)).toEqual(['Buy 3, get 10% off', '10+ seats: 15% off']);

    const off = await a.call(ids.admin, 'PATCH', `/api/admin/pricing-rules/${cart.body.id}`, { active: false });
    expect([off.status, off.body.active]).toEqual([200, false]);
    expect((await a.call(ids.admin, 'DELETE', `/api/admin/pricing-rules/${seats.body.id}`)).status).toBe(204);
    expect((await a.call(ids.admin, 'DELETE', `/api/admin/pricing-rules/${seats.body.id}`)).status).toBe(404);
    const after = adminPricingRuleList.parse((await a.call(ids.admin, 'GET', '/api/admin/pricing-rules')).body);
    expect(after.items.map((r) => [r.id, r.active])).toEqual([[cart.body.id, false]]);
  });

  it("leaves a bundle's tiers to the bundle (422 bundle_rule) and refuses bad input (400)", async () => {
    const bundle = await a.call(ids.admin, 'POST', '/api/admin/pricing-rules', {
      scope: 'bundle',
      bundleId: '70000000-0000-4000-8000-0000000000a1',
      minQuantity: 2,
      percentBps: 1000,
    });
    expect([bundle.status, bundle.body.error.code, bundle.body.error.details[0].path]).toEqual([
      422,
      'bundle_rule',
      'scope',
    ]);
    for (const bad of [
      { scope: 'cart', minQuantity: 0, percentBps: 1000 },
      { scope: 'cart', minQuantity: 2, percentBps: 10_001 },
      { scope: 'seats', minQuantity: 2, percentBps: 100, bundleId: ids.paid },
      { scope: 'everything', minQuantity: 2, percentBps: 100 },
    ]) {
      const res = await a.call(ids.admin, 'POST', '/api/admin/pricing-rules', bad);
      expect([res.status, res.body.error.code]).toEqual([400, 'bad_request']);
    }
    const patch = await a.call(ids.admin, 'PATCH', '/api/admin/pricing-rules/99999999-0000-4000-8000-000000000001', {
      active: 'no',
    });
    expect(patch.status).toBe(400);
  });
});

describe('admin tax rates', () => {
  it('creates a rate, edits it, and deletes it', async () => {
    const res = await a.call(ids.admin, 'POST', '/api/admin/tax-rates', {
      country: 'DE',
      kind: 'vat',
      label: 'VAT 19%',
      rateBps: 1900,
      effectiveFrom: '2020-01-01',
    });
    expect(res.status).toBe(201);
    const rate = adminTaxRate.parse(res.body);
    expect(rate).toMatchObject({ country: 'DE', region: null, effectiveFrom: '2020-01-01', effectiveTo: null });

    const edited = await a.call(ids.admin, 'PATCH', `/api/admin/tax-rates/${rate.id}`, {
      label: 'VAT 20%',
      rateBps: 2000,
      effectiveTo: '2030-12-31',
    });
    expect(edited.status).toBe(200);
    expect(adminTaxRate.parse(edited.body)).toMatchObject({
      label: 'VAT 20%',
      rateBps: 2000,
      country: 'DE',
      effectiveFrom: '2020-01-01',
      effectiveTo: '2030-12-31',
    });
    await a.call(ids.admin, 'POST', '/api/admin/tax-rates', {
      country: 'US',
      region: 'CA',
      kind: 'sales_tax',
      label: 'California',
      rateBps: 725,
      effectiveFrom: '2024-01-01',
    });
    const list = adminTaxRateList.parse((await a.call(ids.admin, 'GET', '/api/admin/tax-rates')).body);
    expect(list.items.map((t) => `${t.country}/${t.region ?? '-'}`)).toEqual(['DE/-', 'US/CA']);

    expect((await a.call(ids.admin, 'DELETE', `/api/admin/tax-rates/${rate.id}`)).status).toBe(204);
    expect((await a.call(ids.admin, 'PATCH', `/api/admin/tax-rates/${rate.id}`, { rateBps: 1 })).status).toBe(404);
  });

  it('refuses bad rates and changes that end a rate before it starts (400, with the field)', async () => {
    const { body } = await a.call(ids.admin, 'GET', '/api/admin/tax-rates');
    const ca = body.items[0].id;
    const backwards = await a.call(ids.admin, 'PATCH', `/api/admin/tax-rates/${ca}`, { effectiveTo: '2023-01-01' });
    expect([backwards.status, backwards.body.error.details[0].path]).toEqual([400, 'effectiveTo']);
    for (const bad of [
      { country: 'de', kind: 'vat', label: 'x', rateBps: 1, effectiveFrom: '2020-01-01' },
      { country: 'DE', kind: 'income', label: 'x', rateBps: 1, effectiveFrom: '2020-01-01' },
      { country: 'DE', kind: 'vat', label: 'x', rateBps: 10_001, effectiveFrom: '2020-01-01' },
      { country: 'DE', kind: 'vat', label: 'x', rateBps: 1, effectiveFrom: '2020-02-30' },
      { country: 'DE', kind: 'vat', label: '', rateBps: 1, effectiveFrom: '2020-01-01' },
    ]) {
      const res = await a.call(ids.admin, 'POST', '/api/admin/tax-rates', bad);
      expect([JSON.stringify(bad), res.status]).toEqual([JSON.stringify(bad), 400]);
    }
  });
});
