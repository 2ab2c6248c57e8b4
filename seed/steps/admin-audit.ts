import { seedId } from '../ids.ts';
import { ADMIN_EMAIL } from './admin-account.ts';
import type { SeedStep } from './context.ts';
import { DAY } from './dates.ts';

/**
 * A few audit log entries by the demo admin (docs/admin.md), so the Audit log page has history:
 * the demo instructor made an instructor a month ago, and the approval of their published courses
 * (at the time each was published). Written after the admin account (the actor) and only once:
 * the log is never edited, so a second run inserts nothing (`on conflict do nothing`). Targets
 * that a user removed are skipped.
 */
export const INSTRUCTOR_EMAIL = 'instructor@demo.test';

export const seedAdminAudit: SeedStep = async (sql, ctx) => {
  const [admin] = await sql.query<{ id: string }>('select id from auth.users where lower(email) = $1', [ADMIN_EMAIL]);
  const [teacher] = await sql.query<{ id: string; created_at: Date | string }>(
    `select p.id, p.created_at from public.profiles p where lower(p.email) = $1 and p.role = 'instructor'`,
    [INSTRUCTOR_EMAIL],
  );
  if (!admin || !teacher) return;
  const entries: { key: string; action: string; type: string; target: string; details: unknown; at: Date }[] = [
    {
      key: 'role:instructor',
      action: 'user.role_change',
      type: 'user',
      target: teacher.id,
      details: { from: 'student', to: 'instructor' },
      at: new Date(ctx.now.getTime() - 30 * DAY),
    },
  ];
  const courses = await sql.query<{ id: string; slug: string; published_at: Date | string }>(
    `select c.id, c.slug, c.published_at from public.courses c
       join public.instructors i on i.id = c.instructor_id
      where i.user_id = $1 and c.status = 'published' and c.published_at is not null
      order by c.published_at, c.slug limit 3`,
    [teacher.id],
  );
  for (const c of courses) {
    entries.push({
      key: `approve:${c.slug}`,
      action: 'course.approve',
      type: 'course',
      target: c.id,
      details: { reason: '' },
      at: new Date(c.published_at),
    });
  }
  for (const e of entries) {
    await sql.query(
      `insert into public.admin_audit_log (id, actor_id, action, target_type, target_id, details, created_at)
       values ($1, $2, $3, $4, $5, $6::jsonb, $7)
       on conflict (id) do nothing`,
      [seedId(`admin-audit:${e.key}`), admin.id, e.action, e.type, e.target, JSON.stringify(e.details), e.at],
    );
  }
};
