import { Hono } from 'hono';
import { couponInput } from '../../contract/checkout.ts';
import { couponPatch } from '../../contract/commerce-admin.ts';
import { uuid } from '../../contract/primitives.ts';
import type { Database } from '../../db/port.ts';
import { asCaller, type Env } from '../../http/context.ts';
import { AppError, badRequest, notFound } from '../../http/errors.ts';
import { jsonBody, param } from '../../http/validate.ts';
import { requireAdmin } from './access.ts';
import {
  checkCouponTarget,
  couponAsInput,
  getCoupon,
  insertCoupon,
  listCoupons,
  updateCoupon,
} from './coupon-queries.ts';
import { mapDbErrors, unprocessable } from './errors.ts';
import { mergePatch, names } from './patch.ts';

const codeTaken = new AppError(409, 'coupon_code_taken', 'another coupon has that code', [
  { path: 'code', message: 'another coupon has that code' },
]);

/**
 * Coupons (admins only, by RLS too). A change may switch a coupon on or off, move its dates,
 * change its limits, code or label; its discount stays what buyers were offered.
 */
export function adminCouponRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();

  app.get('/admin/coupons', async (c) => {
    await requireAdmin(db, c);
    return c.json({ items: await asCaller(db, c, listCoupons) });
  });

  app.post('/admin/coupons', async (c) => {
    await requireAdmin(db, c);
    const input = await jsonBody(c, couponInput);
    const coupon = await mapDbErrors(
      () =>
        asCaller(db, c, async (sql) => {
          await checkCouponTarget(sql, input);
          return getCoupon(sql, await insertCoupon(sql, input));
        }),
      { '23505': codeTaken },
    );
    return c.json(coupon, 201);
  });

  app.patch('/admin/coupons/:id', async (c) => {
    await requireAdmin(db, c);
    const id = param(c, 'id', uuid, badRequest('coupon id must be a UUID'));
    const patch = await jsonBody(c, couponPatch);
    const coupon = await mapDbErrors(
      () =>
        asCaller(db, c, async (sql) => {
          const current = await getCoupon(sql, id);
          if (!current) throw notFound('coupon');
          const next = mergePatch(couponInput, couponAsInput(current), patch);
          if (names(patch, 'maxRedemptions') && next.maxRedemptions !== null && next.maxRedemptions < current.used) {
            throw unprocessable(
              'limit_below_use',
              `this coupon is already used ${current.used} times: the limit cannot be lower`,
              'maxRedemptions',
            );
          }
          await updateCoupon(sql, id, next);
          return getCoupon(sql, id);
        }),
      { '23505': codeTaken },
    );
    return c.json(coupon);
  });

  return app;
}
