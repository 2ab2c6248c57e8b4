/**
 * Scale company learning (migration 20261125000200), so supabase/tests/perf-guard.test.ts reads
 * company_groups, company_invitations and company_assignments at size: 4 groups per company, every
 * member in one of them, an assignment of each course the company holds seats in for its first
 * members (at most the seats bought), and 5 open invitations per company.
 *
 * Deterministic and idempotent like the rest of the fixture (md5 ids, `on conflict do nothing`),
 * set-based, as the owner; after commerce (the seats). Assignments are written as recorded history,
 * not through public.assign_company_learning; enrollments are left as the enrollments step wrote them.
 */
import type { Sql } from '../../edge/db/port.ts';
import type { ScaleShape } from './shape.ts';

export const GROUPS_PER_COMPANY = 4;
export const INVITATIONS_PER_COMPANY = 5;

export async function seedScaleCompanyLearning(sql: Sql, shape: ScaleShape): Promise<void> {
  await sql.query(
    `insert into public.company_groups (id, company_id, name)
     select md5('scale-company-group-' || c || '-' || g)::uuid, co.id, 'Team ' || g
     from generate_series(1, $1::int) c cross join generate_series(1, $2::int) g
     join public.companies co on co.id = md5('scale-company-' || c)::uuid
     on conflict do nothing`,
    [shape.companies, GROUPS_PER_COMPANY],
  );
  await sql.query(
    `update public.company_members m
     set group_id = (select g.id from public.company_groups g
                     where g.company_id = m.company_id
                       and g.name = 'Team ' || (abs(hashtext(m.user_id::text)) % $1 + 1))
     where m.group_id is null
       and m.company_id in (select md5('scale-company-' || c)::uuid from generate_series(1, $2::int) c)`,
    [GROUPS_PER_COMPANY, shape.companies],
  );
  await sql.query(
    `insert into public.company_invitations (id, company_id, email, name, group_id, token_sha256, created_at)
     select md5('scale-company-invitation-' || c || '-' || i)::uuid, co.id,
            'invitee-' || c || '-' || i || '@scale-invite.example', 'Invitee ' || i,
            md5('scale-company-group-' || c || '-' || ((i - 1) % $3 + 1))::uuid,
            sha256(convert_to('scale-invitation-' || c || '-' || i, 'UTF8')), now() - interval '1 day'
     from generate_series(1, $1::int) c cross join generate_series(1, $2::int) i
     join public.companies co on co.id = md5('scale-company-' || c)::uuid
     on conflict do nothing`,
    [shape.companies, INVITATIONS_PER_COMPANY, GROUPS_PER_COMPANY],
  );
  await sql.query(
    `with seats as (
       select sp.company_id, sp.course_id, sum(sp.seats - sp.seats_revoked)::int as pool
       from public.seat_purchases sp
       where sp.company_id in (select md5('scale-company-' || c)::uuid from generate_series(1, $1::int) c)
       group by sp.company_id, sp.course_id
     ), ranked as (
       select m.company_id, m.user_id, m.created_at,
              row_number() over (partition by m.company_id order by m.user_id) as r
       from public.company_members m
       where m.role = 'employee'
         and m.company_id in (select md5('scale-company-' || c)::uuid from generate_series(1, $1::int) c)
     )
     insert into public.company_assignments (id, company_id, course_id, user_id, due_at, assigned_at)
     select md5('scale-company-assignment-' || s.company_id || '-' || s.course_id || '-' || k.user_id)::uuid,
            s.company_id, s.course_id, k.user_id,
            case when k.r % 3 = 0 then null else k.created_at + interval '30 days' end, k.created_at
     from seats s join ranked k on k.company_id = s.company_id and k.r <= s.pool
     on conflict do nothing`,
    [shape.companies],
  );
}
