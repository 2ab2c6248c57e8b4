import { Hono } from 'hono';
import { iso } from '../../catalog/rows.ts';
import { ADMIN_LIMITS, type AdminDemoRequest } from '../../contract/commerce-admin.ts';
import type { Database } from '../../db/port.ts';
import { asCaller, type Env } from '../../http/context.ts';
import { requireAdmin } from './access.ts';

interface DemoRow {
  id: string;
  name: string;
  email: string;
  company: string;
  team_size: number;
  message: string;
  created_at: unknown;
}

/** The company page's "Request a demo" leads, newest first (admins read them; nobody writes them directly). */
export function adminDemoRequestRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();
  app.get('/admin/demo-requests', async (c) => {
    await requireAdmin(db, c);
    const rows = await asCaller(db, c, (sql) =>
      sql.query<DemoRow>(
        `select id, name, email, company, team_size, message, created_at from public.demo_requests
         order by created_at desc, id limit ${ADMIN_LIMITS.list}`,
      ),
    );
    const items: AdminDemoRequest[] = rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      company: r.company,
      teamSize: r.team_size,
      message: r.message,
      createdAt: iso(r.created_at)!,
    }));
    return c.json({ items });
  });
  return app;
}
