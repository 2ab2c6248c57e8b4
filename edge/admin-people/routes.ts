import { Hono } from 'hono';
import { adminUserQuery, auditQuery, roleChangeInput, suspendInput } from '../contract/admin-people.ts';
import { uuid } from '../contract/primitives.ts';
import type { Database, Sql } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { badRequest, forbidden } from '../http/errors.ts';
import { jsonBody, param, queryParams } from '../http/validate.ts';
import { callerRole } from '../teaching/queries.ts';
import { auditPage, listUsers, restore, setRole, suspend } from './queries.ts';

async function requireAdmin(sql: Sql, userId: string) {
  if ((await callerRole(sql, userId)) !== 'admin') throw forbidden('only admins manage people');
}

/**
 * The admin's People screen and audit log (docs/admin.md). Admins only: 401 for visitors, 403
 * for anyone else. Each change runs one definer function that writes its audit entry in the
 * same transaction.
 */
export function adminPeopleRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();
  const userId = (c: Parameters<typeof requireUser>[0]) => param(c, 'id', uuid, badRequest('user id must be a UUID'));

  app.get('/admin/users', async (c) => {
    const me = requireUser(c);
    const query = queryParams(c, adminUserQuery);
    return c.json(
      await asCaller(db, c, async (sql) => {
        await requireAdmin(sql, me);
        return listUsers(sql, query);
      }),
    );
  });

  app.patch('/admin/users/:id/role', async (c) => {
    const me = requireUser(c);
    const id = userId(c);
    const body = await jsonBody(c, roleChangeInput);
    return c.json(
      await asCaller(db, c, async (sql) => {
        await requireAdmin(sql, me);
        return setRole(sql, id, body.role);
      }),
    );
  });

  app.post('/admin/users/:id/suspend', async (c) => {
    const me = requireUser(c);
    const id = userId(c);
    const body = await jsonBody(c, suspendInput);
    return c.json(
      await asCaller(db, c, async (sql) => {
        await requireAdmin(sql, me);
        return suspend(sql, id, body.reason);
      }),
    );
  });

  app.post('/admin/users/:id/restore', async (c) => {
    const me = requireUser(c);
    const id = userId(c);
    return c.json(
      await asCaller(db, c, async (sql) => {
        await requireAdmin(sql, me);
        return restore(sql, id);
      }),
    );
  });

  app.get('/admin/audit', async (c) => {
    const me = requireUser(c);
    const query = queryParams(c, auditQuery);
    if (query.from && query.to && query.from > query.to) throw badRequest('from must not be after to');
    return c.json(
      await asCaller(db, c, async (sql) => {
        await requireAdmin(sql, me);
        return auditPage(sql, query);
      }),
    );
  });

  return app;
}
