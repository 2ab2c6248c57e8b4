import { Hono } from 'hono';
import type { Database } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { notFound } from '../http/errors.ts';
import { dashboard } from './queries.ts';

export function dashboardRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();
  app.get('/me/dashboard', async (c) => {
    const userId = requireUser(c);
    const result = await asCaller(db, c, (sql) => dashboard(sql, userId));
    if (!result) throw notFound('profile');
    return c.json(result);
  });
  return app;
}
