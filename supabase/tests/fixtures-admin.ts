import type { HostDatabase } from '../../server/db/types.ts';
import { COURSE, USER } from './fixtures.ts';

/**
 * The admin console part of the RLS matrix's fixtures (migration 20261128000100): two audit
 * entries by the admin (the employee made an instructor and back, a course rejected). Rows are the
 * owner's, with fixed ids; nobody is suspended here (a suspended caller is refused outright, which
 * would hide every other cell of their column). admin-people.test.ts covers the functions.
 */

const id = (group: number, n: number) =>
  `00000000-0000-4000-8${group.toString().padStart(3, '0')}-${n.toString().padStart(12, '0')}`;

export const AUDIT = { roleChange: id(95, 1), courseReject: id(95, 2) };

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function seedAdminFixtures(db: HostDatabase): Promise<void> {
  await db.runScript(`
    insert into public.admin_audit_log (id, actor_id, action, target_type, target_id, details, created_at) values
      (${q(AUDIT.roleChange)}, ${q(USER.admin)}, 'user.role_change', 'user', ${q(USER.employee)},
       '{"from": "student", "to": "instructor"}', now() - interval '2 days'),
      (${q(AUDIT.courseReject)}, ${q(USER.admin)}, 'course.reject', 'course', ${q(COURSE.draft)},
       '{"reason": "Add a second section."}', now() - interval '1 day');
  `);
}
