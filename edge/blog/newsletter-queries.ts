import { iso } from '../catalog/rows.ts';
import {
  type AdminNewsletterQuery,
  type AdminSubscriber,
  type AdminSubscriberList,
  BLOG_LIMITS,
} from '../contract/blog.ts';
import type { Sql } from '../db/port.ts';

/** The newsletter: the admin's list of subscribers, and sign-up and confirm (private functions, as the service role). */

const SUBSCRIBER_STATUS: Record<AdminNewsletterQuery['status'], string> = {
  all: 'true',
  confirmed: 'n.confirmed_at is not null and n.unsubscribed_at is null',
  pending: 'n.confirmed_at is null and n.unsubscribed_at is null',
  unsubscribed: 'n.unsubscribed_at is not null',
};

interface SubscriberRow {
  id: string;
  email: string;
  created_at: unknown;
  confirmed_at: unknown;
  unsubscribed_at: unknown;
}

const toSubscriber = (r: SubscriberRow): AdminSubscriber => ({
  id: r.id,
  email: r.email,
  status: r.unsubscribed_at ? 'unsubscribed' : r.confirmed_at ? 'confirmed' : 'pending',
  createdAt: iso(r.created_at)!,
  confirmedAt: iso(r.confirmed_at),
});

/** GET /api/admin/newsletter: subscribers, newest first; `all` (for CSV) ignores the page. */
export async function subscribers(sql: Sql, query: AdminNewsletterQuery, all = false): Promise<AdminSubscriberList> {
  const size = BLOG_LIMITS.adminPageSize;
  const where = `${SUBSCRIBER_STATUS[query.status]} and ($1::text is null or strpos(n.email, lower($1)) > 0)`;
  const q = query.q?.trim() || null;
  const rows = await sql.query<SubscriberRow>(
    `select n.id, n.email, n.created_at, n.confirmed_at, n.unsubscribed_at from public.newsletter_subscribers n
     where ${where} order by n.created_at desc, n.id ${all ? 'limit 100000' : 'limit $2 offset $3'}`,
    all ? [q] : [q, size, (query.page - 1) * size],
  );
  const [n] = await sql.query<{ n: number }>(
    `select count(*)::int as n from public.newsletter_subscribers n where ${where}`,
    [q],
  );
  return {
    items: rows.map(toSubscriber),
    page: all ? 1 : query.page,
    pageSize: all ? rows.length || 1 : size,
    total: n?.n ?? 0,
  };
}

/** A sign-up through private.newsletter_sign_up (service_role): whether to mail the confirm link. */
export async function signUp(sql: Sql, email: string, senderKey: string, hash: string): Promise<boolean> {
  const [row] = await sql.query<{ r: { mail: boolean } }>('select private.newsletter_sign_up($1, $2, $3) as r', [
    email,
    senderKey,
    hash,
  ]);
  return row!.r.mail;
}

export async function confirm(sql: Sql, hash: string): Promise<{ confirmed: true; confirmedAt: string }> {
  const [row] = await sql.query<{ r: { confirmedAt: string } }>('select private.newsletter_confirm($1) as r', [hash]);
  return { confirmed: true, confirmedAt: iso(row!.r.confirmedAt)! };
}
