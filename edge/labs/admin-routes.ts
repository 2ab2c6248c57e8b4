import { Hono } from 'hono';
import type { Database } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { forbidden } from '../http/errors.ts';
import { requireRunner } from './http.ts';
import type { LabRunner } from './runner.ts';

/** GET /api/admin/labs/queue: the runner pool's depth and counters (admins; 401/403 for others). */
export function adminLabRoutes({ db, runner }: { db: Database; runner?: LabRunner }): Hono<Env> {
  const app = new Hono<Env>();
  app.get('/admin/labs/queue', async (c) => {
    requireUser(c);
    const [row] = await asCaller(db, c, (sql) =>
      sql.query<{ admin: boolean }>('select (select private.is_admin()) as admin'),
    );
    if (!row?.admin) throw forbidden('only admins see the lab queue');
    const pool = requireRunner(runner);
    return c.json(pool.statsNow ? await pool.statsNow() : pool.stats());
  });
  return app;
}
