import type { CompanyDashboard, CompanyOrder, CompanySeats } from '../../api-types.ts';
import type { DemoRequestInput } from '../../contract/checkout.ts';
import type { Sql } from '../../db/port.ts';

/** At most this many of the company's orders, newest first. */
export const COMPANY_ORDERS_LIMIT = 50;

const iso = (v: unknown): string | null => (v == null ? null : new Date(v as string).toISOString());

/**
 * The company the caller administers (the first by name when several), or null. Read as the
 * caller: private.my_admin_company_ids() is their admin memberships, and RLS shows the rest.
 */
export async function adminCompany(sql: Sql): Promise<CompanyDashboard['company'] | null> {
  const [row] = await sql.query<{ id: string; slug: string; name: string }>(
    `select c.id, c.slug, c.name from public.companies c
     where c.id in (select private.my_admin_company_ids())
     order by c.name, c.id
     limit 1`,
  );
  return row ?? null;
}

/**
 * Seats bought per course (seat_purchases, summed over orders), those a full refund revoked, and
 * those assigned: the company's active assignments of the course (members and pending invitees).
 */
export async function companySeats(sql: Sql, companyId: string): Promise<CompanySeats[]> {
  const rows = await sql.query<{
    course_id: string;
    slug: string | null;
    title: string | null;
    bought: number;
    revoked: number;
    assigned: number;
  }>(
    `with bought as (
       select sp.course_id, sum(sp.seats)::int as bought, sum(sp.seats_revoked)::int as revoked
       from public.seat_purchases sp
       where sp.company_id = $1
       group by sp.course_id
     )
     select b.course_id, c.slug, c.title, b.bought, b.revoked,
            (select count(*)::int
             from public.company_assignments a
             where a.company_id = $1 and a.course_id = b.course_id and a.unassigned_at is null) as assigned
     from bought b
     left join public.courses c on c.id = b.course_id
     order by c.title nulls last, b.course_id`,
    [companyId],
  );
  return rows.map((r) => {
    const bought = Number(r.bought);
    const revoked = Number(r.revoked);
    const assigned = Number(r.assigned);
    return {
      courseId: r.course_id,
      courseSlug: r.slug,
      courseTitle: r.title ?? 'A course no longer in the catalog',
      bought,
      revoked,
      assigned,
      remaining: Math.max(0, bought - revoked - assigned),
    };
  });
}

/** The company's orders, newest first, with their invoice number and what they were for. */
export async function companyOrders(sql: Sql, companyId: string): Promise<CompanyOrder[]> {
  const rows = await sql.query<{
    id: string;
    kind: CompanyOrder['kind'];
    status: CompanyOrder['status'];
    currency: string;
    total: number;
    seats: number;
    created_at: unknown;
    paid_at: unknown;
    number: string | null;
    title: string | null;
  }>(
    `select o.id, o.kind, o.status, o.currency::text as currency, o.total, o.seats, o.created_at, o.paid_at,
            (select i.number from public.invoices i
             where i.order_id = o.id and i.kind = 'invoice' order by i.issued_at desc limit 1) as number,
            (select string_agg(oi.title, ', ' order by oi.position) from public.order_items oi
             where oi.order_id = o.id) as title
     from public.orders o
     where o.company_id = $1
     order by o.created_at desc, o.id
     limit ${COMPANY_ORDERS_LIMIT}`,
    [companyId],
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    kind: r.kind,
    status: r.status,
    currency: r.currency,
    total: Number(r.total),
    seats: Number(r.seats),
    title: r.title ?? '',
    createdAt: iso(r.created_at)!,
    paidAt: iso(r.paid_at),
  }));
}

/** How many orders the company has, and per currency what its paid orders cost and what was refunded. */
export async function companyTotals(sql: Sql, companyId: string): Promise<CompanyDashboard['totals']> {
  const [count] = await sql.query<{ n: number }>(
    'select count(*)::int as n from public.orders o where o.company_id = $1',
    [companyId],
  );
  const spent = await sql.query<{ currency: string; paid: number; refunded: number }>(
    `select o.currency::text as currency, sum(o.total)::int as paid,
            coalesce(sum((select sum(r.amount) from public.refunds r
                          where r.order_id = o.id and r.status = 'succeeded')), 0)::int as refunded
     from public.orders o
     where o.company_id = $1 and o.status in ('paid', 'partially_refunded', 'refunded')
     group by o.currency
     order by o.currency`,
    [companyId],
  );
  return {
    orders: Number(count?.n ?? 0),
    spent: spent.map((s) => ({ currency: s.currency, paid: Number(s.paid), refunded: Number(s.refunded) })),
  };
}

/** The company dashboard's first part, or null when the caller administers no company. */
export async function companyDashboard(sql: Sql): Promise<CompanyDashboard | null> {
  const company = await adminCompany(sql);
  if (!company) return null;
  const seats = await companySeats(sql, company.id);
  const orders = await companyOrders(sql, company.id);
  const totals = await companyTotals(sql, company.id);
  return { company, seats, orders, totals };
}

/** Stores a "Request a demo" lead through private.create_demo_request (service_role); returns its id. */
export async function createDemoRequest(sql: Sql, lead: DemoRequestInput): Promise<string> {
  const [row] = await sql.query<{ id: string }>('select private.create_demo_request($1, $2, $3, $4, $5) as id', [
    lead.name,
    lead.email,
    lead.company,
    lead.teamSize,
    lead.message,
  ]);
  return row!.id;
}
