import type {
  AcceptedInvitation,
  AdminCompany,
  AdminCompanyAdmin,
  AdminCompanySeats,
  CompanyGroup,
  CompanyReport,
  MyCompany,
} from '../contract/companies.ts';
import type { Sql } from '../db/port.ts';

/**
 * Company learning's reads and writes, run as the caller. Writes go through the definer
 * functions of docs/company.md, which check who may act (a company's active admins, platform
 * admins) and answer `404:company_not_found` to anyone else; reads here are RLS-scoped.
 */

/** One definer function's jsonb answer: `select public.<fn>($1, ...)`. */
export async function call<T>(sql: Sql, fn: string, args: unknown[]): Promise<T> {
  const params = args.map((_, i) => `$${i + 1}`).join(', ');
  const [row] = await sql.query<{ r: T }>(`select public.${fn}(${params}) as r`, args);
  return row!.r;
}

/** The companies the caller is an active member of, with their role, by name. */
export async function myCompanies(sql: Sql): Promise<MyCompany[]> {
  return sql.query<MyCompany>(
    `select c.id, c.slug, c.name, m.role::text as role
     from public.company_members m
     join public.companies c on c.id = m.company_id
     where m.user_id = (select auth.uid()) and m.status = 'active'
     order by c.name, c.id`,
  );
}

/**
 * The company, when the caller administers it (an active admin) or is a platform admin; else
 * null, which routes answer with a 404 whether or not the company exists.
 */
export async function administeredCompany(
  sql: Sql,
  companyId: string,
): Promise<{ id: string; slug: string; name: string } | null> {
  const [row] = await sql.query<{ id: string; slug: string; name: string }>(
    `select c.id, c.slug, c.name from public.companies c
     where c.id = $1 and (c.id in (select private.my_admin_company_ids()) or (select private.is_admin()))`,
    [companyId],
  );
  return row ?? null;
}

export const companyReport = (sql: Sql, companyId: string) => call<CompanyReport>(sql, 'company_report', [companyId]);

/** The company's groups with their active members, by name (RLS: its admins, platform admins). */
export async function companyGroups(sql: Sql, companyId: string): Promise<CompanyGroup[]> {
  const rows = await sql.query<{ id: string; name: string; members: number }>(
    `select g.id, g.name,
            (select count(*)::int from public.company_members m
             where m.group_id = g.id and m.status = 'active') as members
     from public.company_groups g
     where g.company_id = $1
     order by lower(g.name), g.id`,
    [companyId],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, members: Number(r.members) }));
}

/** The company a group belongs to, when the caller may see the group; else null. */
export async function groupCompany(sql: Sql, groupId: string): Promise<string | null> {
  const [row] = await sql.query<{ company_id: string }>('select company_id from public.company_groups where id = $1', [
    groupId,
  ]);
  return row?.company_id ?? null;
}

/** The company an invitation belongs to, when the caller may see it; else null. */
export async function invitationCompany(sql: Sql, invitationId: string): Promise<string | null> {
  const [row] = await sql.query<{ company_id: string }>(
    'select company_id from public.company_invitations where id = $1',
    [invitationId],
  );
  return row?.company_id ?? null;
}

/**
 * The corporate checkout for more seats of what was assigned, for this company:
 * `/checkout?course=<id>&seats=<n>&company=<company id>` (or `?bundle=<id>`), `n` the number of
 * people left without a seat. Null when the item is gone.
 */
export async function buyMoreSeatsLink(
  sql: Sql,
  company: string,
  item: { courseId?: string; bundleId?: string },
  missing: number,
): Promise<string | null> {
  const [kind, table, id] = item.courseId
    ? (['course', 'courses', item.courseId] as const)
    : (['bundle', 'bundles', item.bundleId] as const);
  const [row] = await sql.query<{ id: string }>(`select id from public.${table} where id = $1`, [id]);
  return row
    ? `/checkout?${kind}=${encodeURIComponent(row.id)}&seats=${Math.max(1, missing)}&company=${encodeURIComponent(company)}`
    : null;
}

export const acceptInvitation = (sql: Sql, token: string) =>
  call<AcceptedInvitation>(sql, 'accept_company_invitation', [token]);

/** Every company with its active members, admins and seat pools (platform admins; RLS shows them all). */
export async function adminCompanies(sql: Sql): Promise<AdminCompany[]> {
  const rows = await sql.query<{
    id: string;
    slug: string;
    name: string;
    members: number;
    admins: AdminCompany['admins'] | null;
    seats: AdminCompany['seats'] | null;
    usage: AdminCompany['usage'];
  }>(
    `with pools as (
       select sp.company_id, sp.course_id, sum(sp.seats - sp.seats_revoked)::int as pool
       from public.seat_purchases sp
       group by sp.company_id, sp.course_id
     ), used as (
       select a.company_id, a.course_id, count(*)::int as used
       from public.company_assignments a
       where a.unassigned_at is null
       group by a.company_id, a.course_id
     )
     select c.id, c.slug, c.name,
            (select count(*)::int from public.company_members m
             where m.company_id = c.id and m.status = 'active') as members,
            (select jsonb_agg(jsonb_build_object('userId', m.user_id, 'email', p.email,
                                                 'name', coalesce(nullif(btrim(p.first_name || ' ' || p.last_name), ''),
                                                                  m.name))
                              order by p.email)
             from public.company_members m
             join public.profiles p on p.id = m.user_id
             where m.company_id = c.id and m.role = 'admin' and m.status = 'active') as admins,
            (select jsonb_agg(jsonb_build_object('courseId', p.course_id, 'courseTitle', coalesce(co.title, ''),
                                                 'pool', p.pool, 'used', coalesce(u.used, 0),
                                                 'free', p.pool - coalesce(u.used, 0))
                              order by co.title)
             from pools p
             left join used u on u.company_id = p.company_id and u.course_id = p.course_id
             left join public.courses co on co.id = p.course_id
             where p.company_id = c.id) as seats,
            (select jsonb_build_object(
                      'seatsUsed', coalesce((select sum(u.used) from used u where u.company_id = c.id), 0),
                      'seatsTotal', coalesce((select sum(p.pool) from pools p where p.company_id = c.id), 0),
                      'activeLearners30d', count(distinct e.user_id)
                        filter (where e.last_activity_at >= now() - interval '30 days'),
                      'assignedEnrollments', count(e.id),
                      'completions', count(e.id) filter (where e.status = 'completed'))
             from public.company_assignments a
             join public.company_members m
               on m.company_id = a.company_id and m.user_id = a.user_id and m.status = 'active'
             join public.enrollments e
               on e.user_id = a.user_id and e.course_id = a.course_id and e.status <> 'cancelled'
             where a.company_id = c.id and a.unassigned_at is null) as usage
     from public.companies c
     order by c.name, c.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    members: Number(r.members),
    admins: r.admins ?? [],
    seats: r.seats ?? [],
    usage: {
      seatsUsed: Number(r.usage.seatsUsed),
      seatsTotal: Number(r.usage.seatsTotal),
      activeLearners30d: Number(r.usage.activeLearners30d),
      assignedEnrollments: Number(r.usage.assignedEnrollments),
      completions: Number(r.usage.completions),
    },
  }));
}

export const adminAddSeats = (sql: Sql, companyId: string, courseId: string, seats: number, note: string | null) =>
  call<AdminCompanySeats>(sql, 'admin_add_company_seats', [companyId, courseId, seats, note]);

export const adminAddAdmin = (sql: Sql, companyId: string, email: string) =>
  call<AdminCompanyAdmin>(sql, 'admin_add_company_admin', [companyId, email]);
