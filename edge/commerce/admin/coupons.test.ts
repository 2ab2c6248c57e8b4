import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminHarness, makeAdminHarness, paidOrder } from '../../../tests/support/admin-commerce.ts';
import { ids } from '../../../tests/support/edge-harness.ts';
import { adminCoupon, adminCouponList } from '../../contract/commerce-admin.ts';

let a: AdminHarness;
beforeAll(async () => {
  a = await makeAdminHarness();
});
afterAll(() => a.close());

const spring = {
  code: 'spring25',
  label: 'Spring sale',
  kind: 'percent',
  percentBps: 2500,
  startsAt: '2026-03-01T00:00:00+01:00',
  expiresAt: '2026-06-01T00:00:00Z',
  maxRedemptions: 100,
};

describe('admin coupons', () => {
  let id: string;

  it('creates a coupon (code upper-cased, dates in UTC) and lists it with its uses', async () => {
    const res = await a.call(ids.admin, 'POST', '/api/admin/coupons', spring);
    expect(res.status).toBe(201);
    const coupon = adminCoupon.parse(res.body);
    id = coupon.id;
    expect(coupon).toMatchObject({
      code: 'SPRING25',
      kind: 'percent',
      percentBps: 2500,
      amountOff: null,
      scope: 'all',
      startsAt: '2026-02-28T23:00:00.000Z',
      expiresAt: '2026-06-01T00:00:00.000Z',
      maxRedemptions: 100,
      perUserLimit: 1,
      active: true,
      used: 0,
    });
    const list = adminCouponList.parse((await a.call(ids.admin, 'GET', '/api/admin/coupons')).body);
    expect(list.items.map((c) => c.code)).toEqual(['SPRING25']);
  });

  it('refuses a code another coupon has: 409 coupon_code_taken, on create and on change', async () => {
    const again = await a.call(ids.admin, 'POST', '/api/admin/coupons', { ...spring, code: 'Spring25' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 'coupon_code_taken',
      details: [{ path: 'code', message: 'another coupon has that code' }],
    });
    const other = await a.call(ids.admin, 'POST', '/api/admin/coupons', {
      code: 'FIVEOFF',
      label: '5.00 off',
      kind: 'fixed',
      amountOff: 500,
      currency: 'USD',
      scope: 'course',
      courseId: ids.paid,
    });
    expect(other.status).toBe(201);
    const rename = await a.call(ids.admin, 'PATCH', `/api/admin/coupons/${other.body.id}`, { code: 'spring25' });
    expect([rename.status, rename.body.error.code]).toEqual([409, 'coupon_code_taken']);
  });

  it('switches a coupon off and on, extends its expiry and raises its limits', async () => {
    const off = await a.call(ids.admin, 'PATCH', `/api/admin/coupons/${id}`, { active: false });
    expect(adminCoupon.parse(off.body).active).toBe(false);
    const changed = await a.call(ids.admin, 'PATCH', `/api/admin/coupons/${id}`, {
      active: true,
      expiresAt: '2026-09-01T00:00:00Z',
      maxRedemptions: 500,
      perUserLimit: 2,
    });
    expect(changed.status).toBe(200);
    expect(adminCoupon.parse(changed.body)).toMatchObject({
      active: true,
      expiresAt: '2026-09-01T00:00:00.000Z',
      maxRedemptions: 500,
      perUserLimit: 2,
      percentBps: 2500,
      label: 'Spring sale',
    });
  });

  it('refuses a change that would make the coupon inconsistent, naming the field (400)', async () => {
    const backwards = await a.call(ids.admin, 'PATCH', `/api/admin/coupons/${id}`, {
      expiresAt: '2026-01-01T00:00:00Z',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details).toEqual([{ path: 'expiresAt', message: 'expiresAt must be after startsAt' }]);
    for (const bad of [{}, { percentBps: 10 }, { maxRedemptions: 0 }, { code: 'no spaces' }, { active: 'yes' }]) {
      const res = await a.call(ids.admin, 'PATCH', `/api/admin/coupons/${id}`, bad);
      expect([JSON.stringify(bad), res.status, res.body.error.code]).toEqual([JSON.stringify(bad), 400, 'bad_request']);
    }
  });

  it('refuses a limit below the uses already made (422 limit_below_use)', async () => {
    await a.call(ids.admin, 'POST', '/api/admin/coupons', {
      code: 'ONCE',
      label: 'Once',
      kind: 'percent',
      percentBps: 1000,
      maxRedemptions: 5,
      perUserLimit: null,
    });
    await paidOrder(a.h, ids.student, 'coupon-a', { coupon: 'ONCE' });
    await paidOrder(a.h, ids.other, 'coupon-b', { coupon: 'ONCE', pay: false });
    const once = (await a.call(ids.admin, 'GET', '/api/admin/coupons')).body.items.find(
      (c: { code: string }) => c.code === 'ONCE',
    );
    expect(once.used).toBe(2);
    const lower = await a.call(ids.admin, 'PATCH', `/api/admin/coupons/${once.id}`, { maxRedemptions: 1 });
    expect(lower.status).toBe(422);
    expect(lower.body.error).toMatchObject({ code: 'limit_below_use', details: [{ path: 'maxRedemptions' }] });
    expect((await a.call(ids.admin, 'PATCH', `/api/admin/coupons/${once.id}`, { maxRedemptions: 2 })).status).toBe(200);
  });

  it('refuses a coupon for an unknown course or bundle, or a fixed amount in another currency (422)', async () => {
    const base = { label: 'X', kind: 'fixed', amountOff: 100, currency: 'USD' };
    const course = await a.call(ids.admin, 'POST', '/api/admin/coupons', {
      ...base,
      code: 'GHOST1',
      scope: 'course',
      courseId: '30000000-0000-4000-8000-0000000000ff',
    });
    expect([course.status, course.body.error.code, course.body.error.details[0].path]).toEqual([
      422,
      'unknown_course',
      'courseId',
    ]);
    const bundle = await a.call(ids.admin, 'POST', '/api/admin/coupons', {
      ...base,
      code: 'GHOST2',
      scope: 'bundle',
      bundleId: '70000000-0000-4000-8000-0000000000ff',
    });
    expect([bundle.status, bundle.body.error.code]).toEqual([422, 'unknown_bundle']);
    const euro = await a.call(ids.admin, 'POST', '/api/admin/coupons', {
      ...base,
      code: 'EURO1',
      currency: 'EUR',
      scope: 'course',
      courseId: ids.paid,
    });
    expect([euro.status, euro.body.error.code, euro.body.error.details[0].path]).toEqual([
      422,
      'currency_mismatch',
      'currency',
    ]);
    for (const bad of [
      { ...base, code: 'X' },
      { ...base, code: 'MISSING', amountOff: null },
      { ...base, code: 'BOTH', percentBps: 100 },
      { ...base, code: 'SCOPE', scope: 'course' },
    ]) {
      const res = await a.call(ids.admin, 'POST', '/api/admin/coupons', bad);
      expect([res.status, res.body.error.code]).toEqual([400, 'bad_request']);
    }
  });
});
