import { iso } from '../../catalog/rows.ts';
import type { AdminOrder, AdminOrderList, AdminRevenue } from '../../contract/commerce-admin.ts';
import type { Sql } from '../../db/port.ts';

interface OrderRow {
  id: string;
  number: string | null;
  kind: AdminOrder['kind'];
  status: AdminOrder['status'];
  currency: string;
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
  refunded: number;
  seats: number;
  user_id: string;
  buyer_name: string;
  buyer_email: string;
  company_id: string | null;
  company_name: string | null;
  items: AdminOrder['items'];
  credit_notes: { id: string; number: string; total: number; issuedAt: string }[];
  created_at: unknown;
  paid_at: unknown;
}

const SELECT = `
  select o.id, o.kind, o.status, o.currency::text as currency, o.subtotal, o.discount, o.tax, o.total, o.seats,
         o.user_id, o.created_at, o.paid_at,
         coalesce(nullif(btrim(p.first_name || ' ' || p.last_name), ''), p.email, '') as buyer_name,
         coalesce(p.email, '') as buyer_email,
         co.id as company_id, co.name as company_name,
         (select i.number from public.invoices i where i.order_id = o.id and i.kind = 'invoice') as number,
         (select coalesce(sum(r.amount), 0)::int from public.refunds r
          where r.order_id = o.id and r.status = 'succeeded') as refunded,
         coalesce((select jsonb_agg(jsonb_build_object('kind', it.kind, 'title', it.title, 'seats', it.seats,
                                                       'totalAmount', it.total_amount) order by it.position, it.id)
                   from public.order_items it where it.order_id = o.id), '[]'::jsonb) as items,
         coalesce((select jsonb_agg(jsonb_build_object('id', i.id, 'number', i.number, 'total', i.total,
                                                       'issuedAt', i.issued_at) order by i.issued_at, i.number)
                   from public.invoices i where i.order_id = o.id and i.kind = 'credit_note'), '[]'::jsonb)
           as credit_notes
  from public.orders o
  left join public.profiles p on p.id = o.user_id
  left join public.companies co on co.id = o.company_id`;

const toOrder = (r: OrderRow): AdminOrder => ({
  id: r.id,
  number: r.number,
  kind: r.kind,
  status: r.status,
  currency: r.currency,
  subtotal: r.subtotal,
  discount: r.discount,
  tax: r.tax,
  total: r.total,
  refunded: r.refunded,
  seats: r.seats,
  buyer: { id: r.user_id, name: r.buyer_name, email: r.buyer_email },
  company: r.company_id ? { id: r.company_id, name: r.company_name ?? '' } : null,
  items: r.items,
  creditNotes: r.credit_notes.map((n) => ({ ...n, issuedAt: iso(n.issuedAt)! })),
  createdAt: iso(r.created_at)!,
  paidAt: iso(r.paid_at),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `%text%` for ILIKE, with the pattern characters in `text` taken literally. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export interface OrderFilter {
  status?: AdminOrder['status'];
  q?: string;
  page: number;
  pageSize: number;
}

/**
 * Orders, newest first, one page. `q` matches an order id (whole), an invoice or credit note
 * number (whole, any case), or part of the buyer's name or email or the company's name.
 */
export async function listOrders(sql: Sql, f: OrderFilter): Promise<AdminOrderList> {
  const q = f.q?.trim() || null;
  const where = `
    where ($1::text is null or o.status = $1)
      and ($2::text is null
           or o.id = $3::uuid
           or p.email ilike $4 or (p.first_name || ' ' || p.last_name) ilike $4 or co.name ilike $4
           or o.id in (select i.order_id from public.invoices i where i.number = upper($2)))`;
  const params = [f.status ?? null, q, q && UUID.test(q) ? q : null, q ? contains(q) : null];
  const [count] = await sql.query<{ n: number }>(
    `select count(*)::int as n from public.orders o
     left join public.profiles p on p.id = o.user_id
     left join public.companies co on co.id = o.company_id
     ${where}`,
    params,
  );
  const rows = await sql.query<OrderRow>(
    `${SELECT} ${where} order by o.created_at desc, o.id desc limit $5 offset $6`,
    [...params, f.pageSize, (f.page - 1) * f.pageSize],
  );
  return { items: rows.map(toOrder), page: f.page, pageSize: f.pageSize, total: count?.n ?? 0 };
}

export async function getOrder(sql: Sql, id: string): Promise<AdminOrder | null> {
  const [row] = await sql.query<OrderRow>(`${SELECT} where o.id = $1`, [id]);
  return row ? toOrder(row) : null;
}

/** What a refund of this order needs: its state and the payment the provider refunds. */
export interface RefundableOrder {
  id: string;
  status: AdminOrder['status'];
  currency: string;
  total: number;
  refunded: number;
  gatewayPaymentId: string | null;
}

export async function refundableOrder(sql: Sql, id: string): Promise<RefundableOrder | null> {
  const [row] = await sql.query<{
    id: string;
    status: AdminOrder['status'];
    currency: string;
    total: number;
    refunded: number;
    gateway_payment_id: string | null;
  }>(
    `select o.id, o.status, o.currency::text as currency, o.total,
            (select coalesce(sum(r.amount), 0)::int from public.refunds r
             where r.order_id = o.id and r.status = 'succeeded') as refunded,
            (select p.gateway_payment_id from public.payments p
             where p.order_id = o.id and p.status in ('succeeded', 'partially_refunded')
             order by p.created_at desc limit 1) as gateway_payment_id
     from public.orders o where o.id = $1`,
    [id],
  );
  if (!row) return null;
  return {
    id: row.id,
    status: row.status,
    currency: row.currency,
    total: row.total,
    refunded: row.refunded,
    gatewayPaymentId: row.gateway_payment_id,
  };
}

/** The credit note a refund issued. */
export async function creditNote(sql: Sql, id: string) {
  const [row] = await sql.query<{ id: string; number: string; total: number; currency: string }>(
    'select id, number, total, currency::text as currency from public.invoices where id = $1',
    [id],
  );
  return row ?? null;
}

const DAY_MS = 86_400_000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Paid and refunded amounts per currency and UTC day, over `days` days ending today: orders by the
 * time they were paid (whatever happened to them since), refunds by the time they were made.
 */
export async function revenue(sql: Sql, now: Date, days: number): Promise<AdminRevenue> {
  const to = dayOf(now);
  const from = dayOf(new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * DAY_MS));
  const start = `${from}T00:00:00Z`;
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS).toISOString();
  const rows = await sql.query<{ currency: string; day: string; paid: number; refunded: number }>(
    `select currency, day::text as day, sum(paid)::bigint as paid, sum(refunded)::bigint as refunded
     from (
       select o.currency::text as currency, (o.paid_at at time zone 'UTC')::date as day, o.total as paid, 0 as refunded
       from public.orders o where o.paid_at >= $1::timestamptz and o.paid_at < $2::timestamptz
       union all
       select r.currency::text, (coalesce(r.processed_at, r.created_at) at time zone 'UTC')::date, 0, r.amount
       from public.refunds r
       where r.status = 'succeeded'
         and coalesce(r.processed_at, r.created_at) >= $1::timestamptz
         and coalesce(r.processed_at, r.created_at) < $2::timestamptz
     ) t
     group by currency, day`,
    [start, end],
  );
  const dates = Array.from({ length: days }, (_, i) => dayOf(new Date(Date.parse(start) + i * DAY_MS)));
  const byCurrency = new Map<string, Map<string, { paid: number; refunded: number }>>();
  for (const r of rows) {
    const m = byCurrency.get(r.currency) ?? new Map();
    m.set(r.day, { paid: Number(r.paid), refunded: Number(r.refunded) });
    byCurrency.set(r.currency, m);
  }
  const series = [...byCurrency.entries()]
    .map(([currency, m]) => {
      const list = dates.map((date) => ({ date, paid: m.get(date)?.paid ?? 0, refunded: m.get(date)?.refunded ?? 0 }));
      return {
        currency,
        paid: list.reduce((s, d) => s + d.paid, 0),
        refunded: list.reduce((s, d) => s + d.refunded, 0),
        days: list,
      };
    })
    .sort((a, b) => b.paid - a.paid || a.currency.localeCompare(b.currency));
  return { from, to: dates[dates.length - 1]!, series };
}
