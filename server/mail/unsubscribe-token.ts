import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What a link may turn off: a notification category, the digest, or everything but essential mail
 * (the id is a user's); or the blog's newsletter (the id is a newsletter subscriber's).
 */
export const UNSUBSCRIBE_CATEGORIES = [
  'learning',
  'grades',
  'live',
  'announcements',
  'account',
  'digest',
  'all',
  'newsletter',
] as const;
export type UnsubscribeCategory = (typeof UNSUBSCRIBE_CATEGORIES)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const sign = (secret: string, userId: string, category: string) =>
  createHmac('sha256', secret).update(`unsubscribe:${userId}:${category}`).digest('base64url');

/** `<user id>.<category>.<HMAC-SHA256 of both>`: it names whom and what, and only the host can make one. */
export function unsubscribeToken(secret: string, userId: string, category: UnsubscribeCategory): string {
  return `${userId}.${category}.${sign(secret, userId, category)}`;
}

/** The user and category a token names, or null when it is malformed or not ours. */
export function readUnsubscribeToken(
  secret: string,
  token: string | undefined | null,
): { userId: string; category: UnsubscribeCategory } | null {
  const [userId, category, mac, extra] = (token ?? '').split('.');
  if (extra !== undefined || !userId || !category || !mac) return null;
  if (!UUID.test(userId) || !(UNSUBSCRIBE_CATEGORIES as readonly string[]).includes(category)) return null;
  const expected = Buffer.from(sign(secret, userId, category));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, category: category as UnsubscribeCategory };
}

/** The link and the headers (RFC 2369 and RFC 8058 one-click) a mail carries. */
export function unsubscribeLink(siteUrl: string, secret: string, userId: string, category: UnsubscribeCategory) {
  const url = `${siteUrl.replace(/\/+$/, '')}/api/mail/unsubscribe?t=${unsubscribeToken(secret, userId, category)}`;
  return {
    url,
    headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
