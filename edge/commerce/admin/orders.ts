import { Hono } from 'hono';
import { ADMIN_LIMITS, adminOrderQuery } from '../../contract/commerce-admin.ts';
import type { Database } from '../../db/port.ts';
import { asCaller, type Env } from '../../http/context.ts';
import { queryParams } from '../../http/validate.ts';
import type { PaymentProvider } from '../../payments/port.ts';
import { requireAdmin } from './access.ts';
import { listOrders, revenue } from './order-queries.ts';
import { refundHandler } from './refunds.ts';

/** Orders (every buyer's: admins read all), the revenue chart's numbers, and refunds. */
export function adminOrderRoutes(
  db: Database,
  payments: () => PaymentProvider | null | undefined,
  now: () => Date,
): Hono<Env> {
  const app = new Hono<Env>();

  app.get('/admin/orders', async (c) => {
    await requireAdmin(db, c);
    const query = queryParams(c, adminOrderQuery);
    return c.json(await asCaller(db, c, (sql) => listOrders(sql, query)));
  });

  app.get('/admin/revenue', async (c) => {
    await requireAdmin(db, c);
    return c.json(await asCaller(db, c, (sql) => revenue(sql, now(), ADMIN_LIMITS.revenueDays)));
  });

  app.post('/admin/orders/:id/refunds', refundHandler(db, payments));

  return app;
}
