import type {
  OrderInvoice,
  OrderItem,
  OrderKind,
  OrderPayment,
  OrderRefund,
  OrderStatus,
  OrderSummary,
  PaymentMethod,
} from '../../contract/checkout.ts';
import type { Sql } from '../../db/port.ts';
import type { InvoiceDocument } from '../../invoices/types.ts';

/**
 * Orders and invoices, read as the caller: RLS decides (the buyer their own, a company admin
 * their company's, admins all). Lists show the caller's own and their companies' orders only.
 */

/** GET /api/orders answers at most this many, newest first. */
export const ORDER_LIST_LIMIT = 100;

type Stamp = Date | string;
const iso = (t: Stamp) => new Date(t).toISOString();
const isoOrNull = (t: Stamp | null) => (t === null ? null : iso(t));

const ITEMS = `coalesce((
    select jsonb_agg(jsonb_build_object(
      'id', it.id, 'kind', it.kind, 'courseId', it.course_id, 'bundleId', it.bundle_id, 'title', it.title,
      'seats', it.seats, 'unitAmount', it.unit_amount, 'listAmount', it.list_amount,
      'discountAmount', it.discount_amount, 'taxAmount', it.tax_amount, 'totalAmount', it.total_amount)
      order by it.position)
    from public.order_items it where it.order_id = o.id), '[]'::jsonb)`;

const SUMMARY_COLUMNS = `o.id, o.user_id, o.kind, o.status, o.currency::text as currency, o.subtotal, o.discount,
  o.tax, o.total, o.seats, o.created_at, o.paid_at,
  (select i.number from public.invoices i where i.order_id = o.id and i.kind = 'invoice') as number,
  ${ITEMS} as items`;

interface SummaryRow {
  id: string;
  user_id: string;
  kind: OrderKind;
  status: OrderStatus;
  currency: string;
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
  seats: number;
  created_at: Stamp;
  paid_at: Stamp | null;
  number: string | null;
  items: OrderItem[];
}

function toSummary(r: SummaryRow): OrderSummary {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    status: r.status,
    currency: r.currency,
    subtotal: r.subtotal,
    discount: r.discount,
    tax: r.tax,
    total: r.total,
    seats: r.seats,
    createdAt: iso(r.created_at),
    paidAt: isoOrNull(r.paid_at),
    items: r.items,
  };
}

/** The caller's orders and their companies' (not every order an admin may read: that is the admin area's). */
export async function listOrders(sql: Sql, userId: string): Promise<OrderSummary[]> {
  const rows = await sql.query<SummaryRow>(
    `select ${SUMMARY_COLUMNS}
       from public.orders o
      where o.user_id = $1 or o.company_id in (select private.my_admin_company_ids())
      order by o.created_at desc, o.id
      limit ${ORDER_LIST_LIMIT}`,
    [userId],
  );
  return rows.map(toSummary);
}

/** One order with what the refund policy needs to know about it. */
export interface OrderFacts {
  summary: OrderSummary;
  userId: string;
  courseIds: string[];
  /** The buyer's progress in each of the order's courses they are enrolled in (percent). */
  progress: { courseId: string; title: string; percent: number }[];
  refunded: number;
  gatewayPaymentId: string | null;
}

export async function orderFacts(sql: Sql, orderId: string): Promise<OrderFacts | null> {
  const [row] = await sql.query<
    SummaryRow & {
      course_ids: string[] | null;
      refunded: number;
      gateway_payment_id: string | null;
      progress: { courseId: string; title: string; percent: number }[];
    }
  >(
    `select ${SUMMARY_COLUMNS},
       (select coalesce(jsonb_agg(distinct c), '[]'::jsonb)
          from public.order_items it cross join unnest(it.course_ids) c where it.order_id = o.id) as course_ids,
       (select coalesce(sum(r.amount), 0)::int from public.refunds r
         where r.order_id = o.id and r.status = 'succeeded') as refunded,
       (select p.gateway_payment_id from public.payments p
         where p.order_id = o.id and p.status in ('succeeded', 'partially_refunded')
         order by p.created_at desc limit 1) as gateway_payment_id,
       coalesce((
         select jsonb_agg(jsonb_build_object('courseId', e.course_id, 'title', c.title,
                                             'percent', e.progress_percentage::float8) order by c.title)
           from public.enrollments e join public.courses c on c.id = e.course_id
          where e.user_id = o.user_id and e.status <> 'cancelled'
            and e.course_id in (select unnest(it.course_ids) from public.order_items it where it.order_id = o.id)
       ), '[]'::jsonb) as progress
       from public.orders o
      where o.id = $1`,
    [orderId],
  );
  if (!row) return null;
  return {
    summary: toSummary(row),
    userId: row.user_id,
    courseIds: (row.course_ids as unknown as string[] | null) ?? [],
    progress: row.progress,
    refunded: row.refunded,
    gatewayPaymentId: row.gateway_payment_id,
  };
}

export interface OrderRecords {
  payments: OrderPayment[];
  invoices: OrderInvoice[];
  refunds: OrderRefund[];
}

/** An order's payments, invoices and credit notes, and refunds, oldest first. */
export async function orderRecords(sql: Sql, orderId: string): Promise<OrderRecords> {
  const [row] = await sql.query<{
    payments: (Omit<OrderPayment, 'createdAt'> & { createdAt: Stamp })[];
    invoices: (Omit<OrderInvoice, 'issuedAt'> & { issuedAt: Stamp })[];
    refunds: (Omit<OrderRefund, 'createdAt' | 'processedAt'> & { createdAt: Stamp; processedAt: Stamp | null })[];
  }>(
    `select
       coalesce((select jsonb_agg(jsonb_build_object(
           'id', p.id, 'provider', p.provider, 'method', p.method, 'status', p.status, 'amount', p.amount,
           'currency', p.currency, 'failureCode', p.failure_code, 'failureMessage', p.failure_message,
           'createdAt', p.created_at) order by p.created_at, p.id)
         from public.payments p where p.order_id = $1), '[]'::jsonb) as payments,
       coalesce((select jsonb_agg(jsonb_build_object(
           'id', i.id, 'number', i.number, 'kind', i.kind, 'total', i.total, 'issuedAt', i.issued_at)
           order by i.issued_at, i.number)
         from public.invoices i where i.order_id = $1), '[]'::jsonb) as invoices,
       coalesce((select jsonb_agg(jsonb_build_object(
           'id', r.id, 'amount', r.amount, 'currency', r.currency, 'reason', r.reason, 'kind', r.kind,
           'status', r.status, 'createdAt', r.created_at, 'processedAt', r.processed_at)
           order by r.created_at, r.id)
         from public.refunds r where r.order_id = $1), '[]'::jsonb) as refunds`,
    [orderId],
  );
  return {
    payments: row!.payments.map((p) => ({ ...p, currency: p.currency.trim(), createdAt: iso(p.createdAt) })),
    invoices: row!.invoices.map((i) => ({ ...i, issuedAt: iso(i.issuedAt) })),
    refunds: row!.refunds.map((r) => ({
      ...r,
      currency: r.currency.trim(),
      createdAt: iso(r.createdAt),
      processedAt: isoOrNull(r.processedAt),
    })),
  };
}

interface InvoiceRow {
  id: string;
  number: string;
  kind: 'invoice' | 'credit_note';
  order_id: string;
  issued_at: Stamp;
  currency: string;
  bill_to: { name?: string; email?: string; company?: string | null };
  lines: InvoiceDocument['lines'];
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
  method: PaymentMethod;
  tax_rate: { label?: string; country?: string; region?: string | null } | null;
  relates_to: string | null;
}

const INVOICE_SELECT = `select i.id, i.number, i.kind, i.order_id, i.issued_at, i.currency::text as currency, i.bill_to,
       i.lines, i.subtotal, i.discount, i.tax, i.total, o.method, o.quote -> 'taxRate' as tax_rate,
       case when i.kind = 'credit_note' then
         (select x.number from public.invoices x where x.order_id = i.order_id and x.kind = 'invoice') end as relates_to
  from public.invoices i join public.orders o on o.id = i.order_id`;

/** "VAT 19% (DE)", "Sales tax 7.25% (US-CA)". */
function taxLabel(rate: InvoiceRow['tax_rate']): string | null {
  if (!rate?.label) return null;
  const where = [rate.country, rate.region].filter(Boolean).join('-');
  return where ? `${rate.label} (${where})` : rate.label;
}

function toDocument(r: InvoiceRow): InvoiceDocument {
  return {
    number: r.number,
    kind: r.kind,
    issuedAt: iso(r.issued_at),
    currency: r.currency,
    billTo: { name: r.bill_to.name ?? '', email: r.bill_to.email ?? '', company: r.bill_to.company ?? null },
    lines: r.lines,
    subtotal: r.subtotal,
    discount: r.discount,
    tax: r.tax,
    total: r.total,
    taxLabel: taxLabel(r.tax_rate),
    orderId: r.order_id,
    paymentMethod: r.method,
    relatesTo: r.relates_to,
  };
}

/** The latest invoice (not credit note) of an order the caller may read, or null. */
export async function orderInvoice(sql: Sql, orderId: string): Promise<InvoiceDocument | null> {
  const [row] = await sql.query<InvoiceRow>(
    `${INVOICE_SELECT} where i.order_id = $1 and i.kind = 'invoice' order by i.issued_at desc, i.number desc limit 1`,
    [orderId],
  );
  return row ? toDocument(row) : null;
}

/** An invoice or credit note the caller may read, or null. */
export async function invoiceById(sql: Sql, invoiceId: string): Promise<InvoiceDocument | null> {
  const [row] = await sql.query<InvoiceRow>(`${INVOICE_SELECT} where i.id = $1`, [invoiceId]);
  return row ? toDocument(row) : null;
}

/** private.refund_order as service_role: the refund (the rest of the order), its credit note and what it revokes. */
export async function refundOrder(
  sql: Sql,
  r: { orderId: string; reason: string; requestedBy: string; gatewayRefundId: string },
): Promise<void> {
  await sql.query('select private.refund_order($1::uuid, null, $2, $3, $4::uuid, $5)', [
    r.orderId,
    r.reason,
    'learner',
    r.requestedBy,
    r.gatewayRefundId,
  ]);
}
