import type { Context } from 'hono';
import type { Database } from '../../db/port.ts';
import { asCaller, type Env, requireUser } from '../../http/context.ts';
import { forbidden } from '../../http/errors.ts';

/**
 * The admin screens' gate: visitors get 401, anyone signed in but not an admin 403. The writes
 * that follow run as the caller too, so RLS (the admins' policies) has the last word either way.
 */
export async function requireAdmin(db: Database, c: Context<Env>): Promise<string> {
  const userId = requireUser(c);
  const [row] = await asCaller(db, c, (sql) =>
    sql.query<{ role: string }>('select role::text as role from public.profiles where id = $1', [userId]),
  );
  if (row?.role !== 'admin') throw forbidden('only admins manage commerce');
  return userId;
}
