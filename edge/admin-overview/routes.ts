import { Hono } from 'hono';
import { adminOverviewQuery } from '../contract/admin-overview.ts';
import type { Database, Sql } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { forbidden } from '../http/errors.ts';
import { queryParams } from '../http/validate.ts';
import { callerRole } from '../teaching/queries.ts';
import { overviewCsv } from './csv.ts';
import { overview } from './queries.ts';
import { resolveRange } from './range.ts';

async function requireAdmin(sql: Sql, userId: string) {
  if ((await callerRole(sql, userId)) !== 'admin') throw forbidden('only admins see the overview');
}

/**
 * The admin's Overview (docs/admin.md): the platform's numbers over a date range, as JSON or
 * as CSV. Admins only: 401 for visitors, 403 for anyone else; a bad range is a 400.
 */
export function adminOverviewRoutes(db: Database, now: () => Date): Hono<Env> {
  const app = new Hono<Env>();

  const load = async (c: Parameters<typeof requireUser>[0]) => {
    const me = requireUser(c);
    const query = queryParams(c, adminOverviewQuery);
    const at = now();
    const range = resolveRange(query, at);
    return asCaller(db, c, async (sql) => {
      await requireAdmin(sql, me);
      return overview(sql, range, at);
    });
  };

  app.get('/admin/overview', async (c) => c.json(await load(c)));

  app.get('/admin/overview.csv', async (c) => {
    const o = await load(c);
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="overview-${o.from}-to-${o.to}-${o.bucket}.csv"`);
    c.header('cache-control', 'no-store');
    return c.body(overviewCsv(o));
  });

  return app;
}
