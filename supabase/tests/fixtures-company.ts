import type { HostDatabase } from '../../server/db/types.ts';
import { COMPANY, COURSE, USER } from './fixtures.ts';

/**
 * The company-learning part of the RLS matrix's fixtures (migration 20261125000200): groups
 * (acme: Engineering with the employee in it; globex: Sales), the employee's active assignment of
 * the paid course (the seat fixtures.ts gives them as a company enrollment), and an open acme
 * invitation for newhire@example.test holding a seat of the paid course. Rows are the owner's,
 * with fixed ids so the matrix can name them; company-functions.test.ts covers the functions.
 */

const id = (group: number, n: number) =>
  `00000000-0000-4000-8${group.toString().padStart(3, '0')}-${n.toString().padStart(12, '0')}`;

export const COMPANY_GROUP = { acmeEngineering: id(70, 1), globexSales: id(70, 2) };
export const COMPANY_INVITATION = { acmeNewHire: id(71, 1) };
export const COMPANY_ASSIGNMENT = { employeePaid: id(72, 1), newHirePaid: id(72, 2) };
/** The token of the acme invitation (only its SHA-256 is stored). */
export const COMPANY_INVITATION_TOKEN = 'fixture-invitation-token-acme-new-hire-0000000';

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function seedCompanyFixtures(db: HostDatabase): Promise<void> {
  await db.runScript(`
    insert into public.company_groups (id, company_id, name) values
      (${q(COMPANY_GROUP.acmeEngineering)}, ${q(COMPANY.acme)}, 'Engineering'),
      (${q(COMPANY_GROUP.globexSales)}, ${q(COMPANY.globex)}, 'Sales');
    update public.company_members set group_id = ${q(COMPANY_GROUP.acmeEngineering)}
      where company_id = ${q(COMPANY.acme)} and user_id = ${q(USER.employee)};

    insert into public.company_invitations (id, company_id, email, name, group_id, token_sha256, created_by) values
      (${q(COMPANY_INVITATION.acmeNewHire)}, ${q(COMPANY.acme)}, 'newhire@example.test', 'New Hire',
       ${q(COMPANY_GROUP.acmeEngineering)}, sha256(convert_to(${q(COMPANY_INVITATION_TOKEN)}, 'UTF8')),
       ${q(USER.companyAdmin)});

    insert into public.company_assignments (id, company_id, course_id, user_id, invitation_id, due_at, assigned_by) values
      (${q(COMPANY_ASSIGNMENT.employeePaid)}, ${q(COMPANY.acme)}, ${q(COURSE.paid)}, ${q(USER.employee)}, null,
       now() + interval '30 days', ${q(USER.companyAdmin)}),
      (${q(COMPANY_ASSIGNMENT.newHirePaid)}, ${q(COMPANY.acme)}, ${q(COURSE.paid)}, null,
       ${q(COMPANY_INVITATION.acmeNewHire)}, null, ${q(USER.companyAdmin)});
  `);
}
