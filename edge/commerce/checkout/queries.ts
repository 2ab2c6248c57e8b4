import type { OrderKind, OrderStatus, PaymentMethod, PaymentProvider, Quote } from '../../contract/checkout.ts';
import type { Sql } from '../../db/port.ts';
import type { PricingCatalog } from '../../pricing/types.ts';

/**
 * The checkout's statements. The private definer functions run as service_role (the caller of
 * these passes a transaction from `db.asService`); the reads marked "as the caller" run under RLS
 * in the caller's transaction. UUID arrays travel as JSON (the same on pg and PGlite).
 */

export interface CatalogRequest {
  courseIds: string[];
  bundleIds: string[];
  coupon: string | null;
  buyer: string | null;
  country: string | null;
  region: string | null;
}

/** private.commerce_catalog: the pricing engine's input. */
export async function commerceCatalog(sql: Sql, r: CatalogRequest): Promise<PricingCatalog> {
  const [row] = await sql.query<{ c: PricingCatalog }>(
    `select private.commerce_catalog(
       array(select jsonb_array_elements_text($1::jsonb)::uuid),
       array(select jsonb_array_elements_text($2::jsonb)::uuid),
       $3, $4::uuid, $5, $6) as c`,
    [JSON.stringify(r.courseIds), JSON.stringify(r.bundleIds), r.coupon, r.buyer, r.country, r.region],
  );
  return row!.c;
}

/** What private.create_order takes (built from the engine's quote, never from a client). */
export interface OrderInput {
  quote: Quote;
  seats: number;
  corporate: boolean;
  /** The company to buy for (create_order checks that the buyer actively administers it). */
  companyId: string | null;
  companyName: string | null;
  country: string | null;
  region: string | null;
  provider: PaymentProvider;
  method: PaymentMethod;
  /** ISO timestamp. */
  expiresAt: string;
}

export async function createOrder(
  sql: Sql,
  buyer: string,
  key: string,
  input: OrderInput,
): Promise<{ orderId: string; created: boolean }> {
  const [row] = await sql.query<{ r: { order_id: string; created: boolean } }>(
    'select private.create_order($1::uuid, $2, $3::jsonb) as r',
    [buyer, key, JSON.stringify(input)],
  );
  return { orderId: row!.r.order_id, created: row!.r.created };
}

/** An order as a payment provider needs it (private.order_for_payment). */
export interface PaymentOrder {
  id: string;
  userId: string;
  buyerEmail: string | null;
  kind: OrderKind;
  status: OrderStatus;
  currency: string;
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
  seats: number;
  provider: PaymentProvider;
  method: PaymentMethod;
  checkoutSessionId: string | null;
  expiresAt: string;
  createdAt: string;
  lines: { title: string; seats: number; totalAmount: number }[];
}

export async function orderForPayment(
  sql: Sql,
  by: { orderId: string } | { sessionId: string },
): Promise<PaymentOrder | null> {
  const [row] = await sql.query<{ o: PaymentOrder | null }>('select private.order_for_payment($1::uuid, $2) as o', [
    'orderId' in by ? by.orderId : null,
    'sessionId' in by ? by.sessionId : null,
  ]);
  return row?.o ?? null;
}

export async function setCheckoutSession(sql: Sql, orderId: string, sessionId: string): Promise<boolean> {
  const [row] = await sql.query<{ ok: boolean }>('select private.set_checkout_session($1::uuid, $2) as ok', [
    orderId,
    sessionId,
  ]);
  return row!.ok;
}

export interface PaymentEventRecord {
  eventId: string;
  kind: 'paid' | 'failed' | 'ignored';
  type: string;
  orderId: string | null;
  amount: number | null;
  currency: string | null;
  gatewayPaymentId: string | null;
  failure: { code: string; message: string } | null;
}

export type EventResult = 'duplicate' | 'fulfilled' | 'mismatch' | 'failed' | 'ignored';

/** private.record_payment_event: the event, exactly once, and what it does to its order. */
export async function recordPaymentEvent(sql: Sql, e: PaymentEventRecord): Promise<EventResult> {
  const [row] = await sql.query<{ r: EventResult }>(
    'select private.record_payment_event($1, $2, $3::uuid, $4::int, $5, $6, $7::jsonb) as r',
    [
      e.eventId,
      // The function acts on 'paid' and 'failed'; any other value is kept as the event's type.
      e.kind === 'ignored' ? e.type : e.kind,
      e.orderId,
      e.amount,
      e.currency,
      e.gatewayPaymentId,
      e.failure ? JSON.stringify(e.failure) : null,
    ],
  );
  return row!.r;
}

/** private.expire_orders at the database's clock: how many pending orders expired. */
export async function expireOrders(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ n: number }>('select private.expire_orders(now()) as n');
  return row!.n;
}

/** As the caller: their order made with this idempotency key, if any. */
export async function orderIdByKey(sql: Sql, buyer: string, key: string): Promise<string | null> {
  const [row] = await sql.query<{ id: string }>(
    'select o.id from public.orders o where o.user_id = $1 and o.idempotency_key = $2',
    [buyer, key],
  );
  return row?.id ?? null;
}

/** As the caller: the companies they administer, oldest first (a corporate order buys for the first). */
export async function adminCompanies(sql: Sql): Promise<{ id: string; name: string }[]> {
  return sql.query<{ id: string; name: string }>(
    `select c.id, c.name from public.companies c
      where c.id in (select private.my_admin_company_ids())
      order by c.created_at, c.id`,
  );
}
