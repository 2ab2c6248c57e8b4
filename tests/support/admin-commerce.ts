import { Hono } from 'hono';
import { hs256Verifier } from '../../edge/auth/jwt.ts';
import { adminCommerceRoutes } from '../../edge/commerce/admin/routes.ts';
import type { Database, Sql } from '../../edge/db/port.ts';
import { type Env, identify } from '../../edge/http/context.ts';
import { notFound, onError } from '../../edge/http/errors.ts';
import { createLocalProvider } from '../../edge/payments/local.ts';
import type { PaymentProvider } from '../../edge/payments/port.ts';
import { testQuote } from '../../supabase/tests/commerce-quote.ts';
import { type EdgeHarness, ids, makeEdgeHarness, TEST_SECRET } from './edge-harness.ts';

/**
 * The data API as createApp builds it, on the edge harness (tests/support/edge-harness.ts) with
 * the local payment provider, and a little commerce on top of its fixture: a company whose admin
 * is `ids.other`, and orders bought through the checkout's definer functions.
 */

export const admin = {
  company: '60000000-0000-4000-8000-0000000000a1',
  bundle: '70000000-0000-4000-8000-0000000000a1',
} as const;

export const WEBHOOK_SECRET = 'whsec_admin_commerce_tests_0123456789';

// biome-ignore lint/suspicious/noExplicitAny: tests read answers by field after checking them with the contract's schemas
type Json = any;

export interface AdminHarness {
  h: EdgeHarness;
  app: Hono<Env>;
  payments: PaymentProvider;
  /** Request helper: JSON in and out, as `who` (null: a visitor). */
  call(who: string | null, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
  close(): Promise<void>;
}

/** The admin commerce routes alone under /api, as createApp mounts them, refunding through another provider. */
export function adminApp(db: Database, payments: PaymentProvider): Hono<Env> {
  const app = new Hono<Env>().basePath('/api');
  app.onError(onError);
  app.notFound(() => {
    throw notFound('route');
  });
  app.use(identify(hs256Verifier(TEST_SECRET)));
  app.route('/', adminCommerceRoutes({ db, payments }));
  return app;
}

export async function makeAdminHarness(opts: Parameters<typeof makeEdgeHarness>[0] = {}): Promise<AdminHarness> {
  const payments = createLocalProvider({ siteUrl: 'http://localhost:8787', webhookSecret: WEBHOOK_SECRET });
  const h = await makeEdgeHarness({ ...opts, payments });
  await h.db.runScript(`
    insert into public.companies (id, slug, name) values ('${admin.company}', 'acme', 'Acme Corp');
    insert into public.company_members (company_id, user_id, role) values ('${admin.company}', '${ids.other}', 'admin');
  `);
  const app = h.app;
  return {
    h,
    app: app as Hono<Env>,
    payments,
    async call(who, method, path, body) {
      const headers: Record<string, string> = who ? await h.as(who) : {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await app.request(path, {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    close: () => h.close(),
  };
}

const PAID_COURSE = { kind: 'course' as const, id: ids.paid, title: 'Pandas in Practice', unitAmount: 4900 };

export interface OrderOptions {
  /** More than one makes it corporate, for the harness's company (its admin is `ids.other`). */
  seats?: number;
  taxBps?: number;
  /** false: left pending. */
  pay?: boolean;
  /** A bundle instead of the paid course, listed at `bundleAmount`. */
  bundleId?: string;
  bundleAmount?: number;
  /** A 10% coupon, by code. */
  coupon?: string;
}

/**
 * An order bought by `buyer` as the checkout buys it (private.create_order, then the provider's
 * paid event through private.record_payment_event); answers its id.
 */
export async function paidOrder(h: EdgeHarness, buyer: string, key: string, opts: OrderOptions = {}): Promise<string> {
  const taxRate = opts.taxBps ? { label: 'VAT', rateBps: opts.taxBps, country: 'DE', region: null } : undefined;
  const line = opts.bundleId
    ? { kind: 'bundle' as const, id: opts.bundleId, title: 'A bundle', unitAmount: opts.bundleAmount ?? 24800 }
    : PAID_COURSE;
  const quote = testQuote([{ ...line, seats: opts.seats ?? 1, couponBps: opts.coupon ? 1000 : undefined }], {
    taxRate,
    coupon: opts.coupon ? { code: opts.coupon, label: '10% off' } : undefined,
  });
  return h.db.asService(async (sql: Sql) => {
    const [created] = await sql.query<{ r: { order_id: string } }>('select private.create_order($1, $2, $3) as r', [
      buyer,
      key,
      JSON.stringify({
        quote,
        seats: opts.seats ?? 1,
        ...(opts.seats && opts.seats > 1 ? { companyId: admin.company } : {}),
        ...(taxRate ? { country: 'DE' } : {}),
      }),
    ]);
    const orderId = created!.r.order_id;
    if (opts.pay !== false) {
      await sql.query('select private.record_payment_event($1, $2, $3, $4, $5, $6, $7)', [
        `evt_${key}`,
        'paid',
        orderId,
        quote.total,
        'usd',
        `pi_${key}`,
        null,
      ]);
    }
    return orderId;
  });
}
