import type {
  CompanyBundleRef,
  CompanyDashboard,
  CompanyOrder,
  CompanySeatPurchase,
  CompanySeats,
} from '../../contract/bundles.ts';
import type { DemoRequestInput } from '../../contract/checkout.ts';
import type { Sql } from '../../db/port.ts';

/** At most this many of the company's orders, newest first. */
export const COMPANY_ORDERS_LIMIT = 50;
/** At most this many seat purchases, newest first. */
export const COMPANY_SEAT_PURCHASES_LIMIT = 200;

const iso = (v: unknown): string | null => (v == null ? null : new Date(v as string).toISOString());

/**
 * The company the caller administers: `companyId` when given (null unless they administer it),
 * else the first by name; null when none. Read as the caller: private.my_admin_company_ids() is
 * their active admin memberships, and RLS shows the rest.
 */
export async function adminCompany(sql: Sql, companyId?: string): Promise<CompanyDashboard['company'] | null> {
  const [row] = await sql.query<{ id: string; slug: string; name: string }>(
    `select c.id, c.slug, c.name from public.companies c
     where c.id in (select private.my_admin_company_ids()) and ($1::uuid is null or c.id = $1::uuid)
     order by c.name, c.id
     limit 1`,
    [companyId ?? null],
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

/**
 * The company's seat purchases, newest first: per order and course, with the order's invoice
 * number; seats a platform admin added have no order and carry a note.
 */
export async function companySeatPurchases(sql: Sql, companyId: string): Promise<CompanySeatPurchase[]> {
  const rows = await sql.query<{
    id: string;
    course_id: string;
    title: string | null;
    seats: number;
    seats_revoked: number;
    order_id: string | null;
    number: string | null;
    note: string | null;
    created_at: unknown;
  }>(
    `select sp.id, sp.course_id, c.title, sp.seats, sp.seats_revoked, sp.order_id, sp.note, sp.created_at,
            (select i.number from public.invoices i
             where i.order_id = sp.order_id and i.kind = 'invoice' order by i.issued_at desc limit 1) as number
     from public.seat_purchases sp
     left join public.courses c on c.id = sp.course_id
     where sp.company_id = $1
     order by sp.created_at desc, c.title nulls last, sp.id
     limit ${COMPANY_SEAT_PURCHASES_LIMIT}`,
    [companyId],
  );
  return rows.map((r) => ({
    id: r.id,
    courseId: r.course_id,
    courseTitle: r.title ?? 'A course no longer in the catalog',
    seats: Number(r.seats),
    seatsRevoked: Number(r.seats_revoked),
    orderId: r.order_id,
    orderNumber: r.number,
    note: r.note,
    createdAt: iso(r.created_at)!,
  }));
}

/**
 * The bundles (those the caller may read) the company bought seats of (its paid orders' bundle
 * lines) or that its active assignments name, by title, with their courses: the overview shows
 * seats per bundle from the moment a bundle's seats are bought, before anyone is assigned.
 */
export async function companyBundles(sql: Sql, companyId: string): Promise<CompanyBundleRef[]> {
  const rows = await sql.query<{ id: string; slug: string; title: string; course_ids: string[] | null }>(
    `select b.id, b.slug, b.title,
            array(select bc.course_id from public.bundle_courses bc
                  where bc.bundle_id = b.id order by bc.position, bc.course_id) as course_ids
     from public.bundles b
     where b.id in (select a.bundle_id from public.company_assignments a
                    where a.company_id = $1 and a.unassigned_at is null and a.bundle_id is not null)
        or b.id in (select oi.bundle_id from public.order_items oi
                    join public.orders o on o.id = oi.order_id
                    where o.company_id = $1 and o.status in ('paid', 'partially_refunded')
                      and oi.bundle_id is not null)
     order by b.title, b.id`,
    [companyId],
  );
  return rows.map((r) => ({ id: r.id, slug: r.slug, title: r.title, courseIds: r.course_ids ?? [] }));
}

/**
 * The company dashboard (`companyId`, else the caller's first company by name), or null when the
 * caller does not administer it (or any company).
 */
export async function companyDashboard(sql: Sql, companyId?: string): Promise<CompanyDashboard | null> {
  const company = await adminCompany(sql, companyId);
  if (!company) return null;
  const seats = await companySeats(sql, company.id);
  const seatPurchases = await companySeatPurchases(sql, company.id);
  const bundles = await companyBundles(sql, company.id);
  const orders = await companyOrders(sql, company.id);
  const totals = await companyTotals(sql, company.id);
  return { company, seats, seatPurchases, bundles, orders, totals };
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
