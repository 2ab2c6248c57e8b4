import { Hono } from 'hono';
import { PAYOUT_LIMITS, payoutPeriodQuery, recordPayoutInput, revenueShareInput } from '../contract/payouts.ts';
import type { Database, Sql } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { forbidden } from '../http/errors.ts';
import { jsonBody, queryParams } from '../http/validate.ts';
import { requireTeacher } from '../teaching/access.ts';
import { callerRole } from '../teaching/queries.ts';
import { payoutsCsv } from './csv.ts';
import { lastMonths, resolvePeriod } from './period.ts';
import { adminPayouts, recordPayout, setRevenueShare, teachPayouts } from './queries.ts';

async function requireAdmin(sql: Sql, userId: string) {
  if ((await callerRole(sql, userId)) !== 'admin') throw forbidden('only admins manage payouts');
}

/**
 * Instructor payouts (docs/commerce.md "Payouts"): the admins' report per period (JSON and CSV),
 * marking a closed period paid and the platform's share; the instructor's own earnings by month
 * and payouts. 401 for visitors, 403 for anyone else; bad input is a 400; overlaps and open
 * periods 409 (from the database's hints).
 */
export function payoutRoutes(db: Database, now: () => Date): Hono<Env> {
  const app = new Hono<Env>();

  const load = async (c: Parameters<typeof requireUser>[0]) => {
    const me = requireUser(c);
    const period = resolvePeriod(queryParams(c, payoutPeriodQuery), now());
    return asCaller(db, c, async (sql) => {
      await requireAdmin(sql, me);
      return adminPayouts(sql, period);
    });
  };

  app.get('/admin/payouts', async (c) => c.json(await load(c)));

  app.get('/admin/payouts.csv', async (c) => {
    const p = await load(c);
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="payouts-${p.from}-to-${p.to}.csv"`);
    c.header('cache-control', 'no-store');
    return c.body(payoutsCsv(p));
  });

  app.post('/admin/payouts', async (c) => {
    const me = requireUser(c);
    const body = await jsonBody(c, recordPayoutInput);
    resolvePeriod({ from: body.from, to: body.to }, now());
    const out = await asCaller(db, c, async (sql) => {
      await requireAdmin(sql, me);
      return recordPayout(sql, body);
    });
    return c.json(out, 201);
  });

  app.put('/admin/payouts/share', async (c) => {
    const me = requireUser(c);
    const body = await jsonBody(c, revenueShareInput);
    return c.json(
      await asCaller(db, c, async (sql) => {
        await requireAdmin(sql, me);
        return setRevenueShare(sql, body);
      }),
    );
  });

  app.get('/teach/payouts', async (c) => {
    const me = requireUser(c);
    const months = lastMonths(now(), PAYOUT_LIMITS.months);
    return c.json(
      await asCaller(db, c, async (sql) => {
        await requireTeacher(sql, me);
        return teachPayouts(sql, months);
      }),
    );
  });

  return app;
}
