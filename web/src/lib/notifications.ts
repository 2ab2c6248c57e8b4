import type { Notification, NotificationKind } from '../../../edge/api-types.ts';

/**
 * Notifications as the bell keeps them. A live message (the `notification` broadcast on
 * `user:<uid>`) is checked here before it is shown: it comes over a socket, not from the API
 * client, so its shape is not taken on trust. A link must be a path on this site.
 */

const KINDS: readonly NotificationKind[] = [
  'enrollment',
  'course_completed',
  'announcement',
  'system',
  'question_answered',
  'grade_posted',
  'certificate_issued',
  'session_starting',
  'session_changed',
];

const isString = (v: unknown): v is string => typeof v === 'string';

/** A path on this site: "/x", never "//host" or "/\host". */
export const isSitePath = (v: string) => /^\/(?![/\\])/.test(v) || v === '/';

/** The notification in a live message's payload, or null if it is not one. */
export function toNotification(payload: unknown): Notification | null {
  if (!payload || typeof payload !== 'object') return null;
  const p = payload as Record<string, unknown>;
  if (!isString(p.id) || !isString(p.title) || !isString(p.createdAt)) return null;
  if (!KINDS.includes(p.kind as NotificationKind)) return null;
  const link = p.link === null || p.link === undefined ? null : p.link;
  if (link !== null && !(isString(link) && isSitePath(link))) return null;
  const readAt = p.readAt === null || p.readAt === undefined ? null : p.readAt;
  if (readAt !== null && !isString(readAt)) return null;
  return {
    id: p.id,
    kind: p.kind as NotificationKind,
    title: p.title,
    body: isString(p.body) ? p.body : '',
    link,
    createdAt: p.createdAt,
    readAt,
  };
}

/** The list with `incoming` first, unless it is already there; at most `max` kept. */
export function addNotification(list: readonly Notification[], incoming: Notification, max = 20): Notification[] {
  if (list.some((n) => n.id === incoming.id)) return [...list];
  return [incoming, ...list].slice(0, max);
}

/** The list with `ids` (all when null) marked read at `at`. */
export function markedRead(list: readonly Notification[], ids: readonly string[] | null, at: string): Notification[] {
  return list.map((n) => (n.readAt === null && (ids === null || ids.includes(n.id)) ? { ...n, readAt: at } : n));
}

/** The bell button's accessible name: "Notifications, 3 unread". */
export function bellLabel(unread: number): string {
  if (unread <= 0) return 'Notifications';
  return `Notifications, ${unread} unread`;
}
