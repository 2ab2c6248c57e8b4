import { Hono } from 'hono';
import type { Database } from '../../db/port.ts';
import type { Env } from '../../http/context.ts';
import type { PaymentProvider } from '../../payments/port.ts';
import { adminBundleRoutes } from './bundles.ts';
import { adminCouponRoutes } from './coupons.ts';
import { adminDemoRequestRoutes } from './demo-requests.ts';
import { adminOrderRoutes } from './orders.ts';
import { adminPricingRuleRoutes } from './pricing-rules.ts';
import { adminTaxRateRoutes } from './tax-rates.ts';

export interface AdminCommerceDeps {
  db: Database;
  /** The provider refunds go through; a function, so a host may wire it after the routes exist. */
  payments: PaymentProvider | null | undefined | (() => PaymentProvider | null | undefined);
  now?: () => Date;
}

/**
 * The admin commerce API under /api/admin (admins only: 401 for visitors, 403 for anyone else):
 * bundles, pricing rules, coupons, tax rates, orders and refunds, revenue, demo requests. Reads
 * and writes run as the admin under RLS; only the refund's record runs as service_role (the
 * private.refund_order definer function).
 */
export function adminCommerceRoutes(deps: AdminCommerceDeps): Hono<Env> {
  const { db } = deps;
  const payments =
    typeof deps.payments === 'function' ? deps.payments : () => deps.payments as PaymentProvider | null | undefined;
  const app = new Hono<Env>();
  app.route('/', adminBundleRoutes(db));
  app.route('/', adminPricingRuleRoutes(db));
  app.route('/', adminCouponRoutes(db));
  app.route('/', adminTaxRateRoutes(db));
  app.route('/', adminOrderRoutes(db, payments, deps.now ?? (() => new Date())));
  app.route('/', adminDemoRequestRoutes(db));
  return app;
}
