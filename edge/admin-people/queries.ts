import {
  type AdminUser,
  type AdminUserList,
  type AdminUserQuery,
  type AppRole,
  type AuditEntry,
  type AuditList,
  type AuditQuery,
  PEOPLE_LIMITS,
  type RoleChangeResult,
  type SuspensionResult,
} from '../contract/index.ts';
import type { Sql } from '../db/port.ts';

/**
 * People and the audit log, read and written as the caller: the definer functions of migration
 * 20261128000100 check that the caller is an admin (403 not_admin otherwise) and write the audit
 * entry in the same transaction; the audit log is read under RLS (admins only).
 */

type Timestamp = Date | string;
const iso = (t: Timestamp) => new Date(t).toISOString();
const isoOrNull = (t: Timestamp | null) => (t === null ? null : iso(t));
const fullName = (first: string, last: string, email: string) => `${first} ${last}`.trim() || email;

export async function listUsers(sql: Sql, query: AdminUserQuery): Promise<AdminUserList> {
  const pageSize = PEOPLE_LIMITS.pageSize;
  const rows = await sql.query<{
    id: string;
    email: string;
    first_name: string;
    last_name: string;
    role: AppRole;
    suspended_at: Timestamp | null;
    suspended_reason: string | null;
    created_at: Timestamp;
    last_sign_in_at: Timestamp | null;
    enrollments: number;
    total: number;
  }>('select * from public.admin_list_users($1, $2::public.app_role, $3, $4, $5)', [
    query.q ?? '',
    query.role ?? null,
    query.status ?? null,
    pageSize,
    (query.page - 1) * pageSize,
  ]);
  let total = rows[0]?.total ?? 0;
  // Past the last page the function returns no row (and so no total): count without a page.
  if (rows.length === 0 && query.page > 1) {
    const [first] = await sql.query<{ total: number }>(
      'select total from public.admin_list_users($1, $2::public.app_role, $3, 1, 0)',
      [query.q ?? '', query.role ?? null, query.status ?? null],
    );
    total = first?.total ?? 0;
  }
  const items: AdminUser[] = rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: fullName(r.first_name, r.last_name, r.email),
    role: r.role,
    status: r.suspended_at === null ? 'active' : 'suspended',
    suspendedAt: isoOrNull(r.suspended_at),
    suspendedReason: r.suspended_reason,
    createdAt: iso(r.created_at),
    lastSignInAt: isoOrNull(r.last_sign_in_at),
    enrollments: r.enrollments,
  }));
  return { items, page: query.page, pageSize, total };
}

export async function setRole(sql: Sql, id: string, role: AppRole): Promise<RoleChangeResult> {
  const [row] = await sql.query<{ r: { id: string; role: AppRole } }>(
    'select public.admin_set_user_role($1, $2::public.app_role) as r',
    [id, role],
  );
  return { id: row!.r.id, role: row!.r.role };
}

type Suspension = { id: string; suspendedAt: string | null; reason: string | null };
const suspension = (s: Suspension): SuspensionResult => ({
  id: s.id,
  status: s.suspendedAt === null ? 'active' : 'suspended',
  suspendedAt: s.suspendedAt === null ? null : iso(s.suspendedAt),
  suspendedReason: s.reason,
});

export async function suspend(sql: Sql, id: string, reason: string): Promise<SuspensionResult> {
  const [row] = await sql.query<{ r: Suspension }>('select public.admin_suspend_user($1, $2) as r', [id, reason]);
  return suspension(row!.r);
}

export async function restore(sql: Sql, id: string): Promise<SuspensionResult> {
  const [row] = await sql.query<{ r: Suspension }>('select public.admin_restore_user($1) as r', [id]);
  return suspension(row!.r);
}

const DAY_MS = 86_400_000;

/** The audit log, newest first: filtered by actor, action (`user.suspend`, or a kind: `user`) and days (UTC). */
export async function auditPage(sql: Sql, query: AuditQuery): Promise<AuditList> {
  const pageSize = PEOPLE_LIMITS.pageSize;
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (clause: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (query.actor) add((n) => `a.actor_id = ${n}`, query.actor);
  if (query.action) {
    if (query.action.includes('.')) add((n) => `a.action = ${n}`, query.action);
    else add((n) => `a.action like ${n}`, `${query.action}.%`);
  }
  if (query.from) add((n) => `a.created_at >= ${n}::timestamptz`, `${query.from}T00:00:00Z`);
  if (query.to) {
    add(
      (n) => `a.created_at < ${n}::timestamptz`,
      new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS).toISOString(),
    );
  }
  const filter = where.length ? `where ${where.join(' and ')}` : '';
  params.push(pageSize, (query.page - 1) * pageSize);
  const rows = await sql.query<{
    id: string;
    action: string;
    actor_id: string | null;
    actor_first: string | null;
    actor_last: string | null;
    actor_email: string | null;
    target_type: string;
    target_id: string | null;
    target_label: string | null;
    details: Record<string, unknown>;
    created_at: Timestamp;
  }>(
    `select a.id, a.action, a.actor_id, p.first_name as actor_first, p.last_name as actor_last, p.email as actor_email,
            a.target_type, a.target_id, a.details, a.created_at,
            case a.target_type
              when 'user' then (select nullif(btrim(t.first_name || ' ' || t.last_name), '')
                                  from public.profiles t where t.id = a.target_id)
              when 'course' then (select c.title from public.courses c where c.id = a.target_id)
              when 'company' then (select co.name from public.companies co where co.id = a.target_id)
              when 'bundle' then (select b.title from public.bundles b where b.id = a.target_id)
              when 'coupon' then (select k.code from public.coupons k where k.id = a.target_id)
              when 'tax_rate' then (select r.label from public.tax_rates r where r.id = a.target_id)
              when 'faq_theme' then (select f.title from public.faq_themes f where f.id = a.target_id)
              when 'faq_article' then (select f.question from public.faq_articles f where f.id = a.target_id)
            end as target_label
       from public.admin_audit_log a
       left join public.profiles p on p.id = a.actor_id
       ${filter}
      order by a.created_at desc, a.id desc
      limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  const [count] = await sql.query<{ n: number }>(
    `select count(*)::int as n from public.admin_audit_log a ${filter}`,
    params.slice(0, -2),
  );
  const items: AuditEntry[] = rows.map((r) => ({
    id: r.id,
    action: r.action,
    actor:
      r.actor_id === null
        ? null
        : {
            id: r.actor_id,
            name: fullName(r.actor_first ?? '', r.actor_last ?? '', r.actor_email ?? ''),
            email: r.actor_email ?? '',
          },
    targetType: r.target_type,
    targetId: r.target_id,
    targetLabel: r.target_label,
    details: r.details,
    createdAt: iso(r.created_at),
  }));
  return { items, page: query.page, pageSize, total: count?.n ?? 0 };
}
