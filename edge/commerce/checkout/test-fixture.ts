/**
 * Commerce rows on top of the edge harness's fixture catalog, and the buyer's calls, for the
 * checkout and orders tests (not a test file itself). Catalog rows are the owner's, as an admin
 * would write them; orders only ever come from the API under test.
 */
import type { Sql } from '../../db/port.ts';

/**
 * What these helpers use of tests/support/edge-harness.ts's harness (edge/ code may not import
 * test support, so the shape is restated here), and the harness fixture's ids they refer to.
 */
export interface EdgeHarness {
  app: { request(path: string, init?: RequestInit): Response | Promise<Response> };
  db: { runScript(script: string): Promise<void>; asOwner<T>(fn: (sql: Sql) => Promise<T>): Promise<T> };
  as(userId: string): Promise<Record<string, string>>;
}

const ids = {
  teacher: '00000000-0000-4000-8000-000000000003',
  paid: '30000000-0000-4000-8000-000000000002',
  pricey: '30000000-0000-4000-8000-000000000004',
} as const;

export const commerceIds = {
  bundle: '60000000-0000-4000-8000-000000000001',
  bundleRule: '61000000-0000-4000-8000-000000000001',
  welcome: '62000000-0000-4000-8000-000000000001',
  expired: '62000000-0000-4000-8000-000000000002',
  once: '62000000-0000-4000-8000-000000000003',
  free100: '62000000-0000-4000-8000-000000000004',
  de: '63000000-0000-4000-8000-000000000001',
  company: '64000000-0000-4000-8000-000000000001',
} as const;

/** Bundle "Data pair" (paid + pricey, 10% off for 2), coupons, German VAT, and a company the teacher administers. */
export const COMMERCE_FIXTURE = `
insert into public.bundles (id, slug, title, description, status) values
  ('${commerceIds.bundle}', 'data-pair', 'Data pair', 'Two data courses.', 'published');
insert into public.bundle_courses (bundle_id, course_id, position) values
  ('${commerceIds.bundle}', '${ids.paid}', 1), ('${commerceIds.bundle}', '${ids.pricey}', 2);
insert into public.pricing_rules (id, scope, bundle_id, min_quantity, percent_bps) values
  ('${commerceIds.bundleRule}', 'bundle', '${commerceIds.bundle}', 2, 1000);
insert into public.coupons (id, code, label, kind, percent_bps, scope, expires_at, max_redemptions, per_user_limit) values
  ('${commerceIds.welcome}', 'WELCOME10', '10% off your first order', 'percent', 1000, 'all', null, null, 1),
  ('${commerceIds.expired}', 'OLD2020', 'A 2020 promotion', 'percent', 2000, 'all', '2021-01-01T00:00:00Z', null, 1),
  ('${commerceIds.once}', 'ONCE', 'One use only', 'percent', 3000, 'all', null, 1, 1),
  ('${commerceIds.free100}', 'FREEBIE', 'Everything free', 'percent', 10000, 'all', null, null, null);
insert into public.tax_rates (id, country, kind, label, rate_bps, effective_from) values
  ('${commerceIds.de}', 'DE', 'vat', 'VAT 19%', 1900, '2020-01-01');
insert into public.companies (id, slug, name) values ('${commerceIds.company}', 'acme', 'Acme');
insert into public.company_members (company_id, user_id, role) values ('${commerceIds.company}', '${ids.teacher}', 'admin');
`;

export async function loadCommerceFixture(h: EdgeHarness): Promise<void> {
  await h.db.runScript(COMMERCE_FIXTURE);
}

let keys = 0;
/** A fresh Idempotency-Key: one per checkout attempt. */
export const newKey = () => `test-key-${Date.now()}-${++keys}`;

const json = { 'content-type': 'application/json' };

export async function postJson(h: EdgeHarness, path: string, body: unknown, userId: string | null, extra = {}) {
  return h.app.request(path, {
    method: 'POST',
    headers: { ...json, ...(userId ? await h.as(userId) : {}), ...extra },
    body: JSON.stringify(body),
  });
}

/** POST /api/checkout as `userId`; the key defaults to a fresh one. */
export function checkout(h: EdgeHarness, userId: string, body: unknown, key: string = newKey()) {
  return postJson(h, '/api/checkout', body, userId, { 'idempotency-key': key });
}

/** The session id in a local checkout URL (`.../checkout/test/<id>`). */
export const sessionOf = (checkoutUrl: string) => {
  const m = /\/checkout\/test\/(cs_[A-Za-z0-9_]+)$/.exec(checkoutUrl);
  if (!m) throw new Error(`not a local checkout URL: ${checkoutUrl}`);
  return m[1]!;
};

/** Buys items with the local provider's test card 4242…: returns the order id once paid. */
export async function buy(h: EdgeHarness, userId: string, body: unknown): Promise<string> {
  const res = await checkout(h, userId, body);
  if (res.status !== 200) throw new Error(`checkout failed: ${res.status} ${await res.text()}`);
  const { orderId, checkoutUrl } = (await res.json()) as { orderId: string; checkoutUrl: string };
  const pay = await postJson(
    h,
    `/api/payments/local/sessions/${sessionOf(checkoutUrl)}/pay`,
    { card: '4242 4242 4242 4242' },
    userId,
  );
  const result = (await pay.json()) as { status: string };
  if (result.status !== 'paid') throw new Error(`payment failed: ${JSON.stringify(result)}`);
  return orderId;
}

/** Owner reads for assertions. */
export async function ownerQuery<T>(h: EdgeHarness, text: string, params: unknown[] = []): Promise<T[]> {
  return h.db.asOwner((sql) => sql.query<T>(text, params));
}

export async function enrollmentOf(h: EdgeHarness, userId: string, courseId: string) {
  const [row] = await ownerQuery<{ status: string; source: string }>(
    h,
    'select status::text as status, source::text as source from public.enrollments where user_id = $1 and course_id = $2',
    [userId, courseId],
  );
  return row ?? null;
}

export async function orderRow(h: EdgeHarness, orderId: string) {
  const [row] = await ownerQuery<{ status: string; total: number; kind: string; company_id: string | null }>(
    h,
    'select status, total, kind, company_id from public.orders where id = $1',
    [orderId],
  );
  return row ?? null;
}
