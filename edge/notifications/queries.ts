import type { MarkReadRequest, Notification, NotificationList } from '../api-types.ts';
import { iso } from '../catalog/rows.ts';
import { NOTIFICATION_PAGE_SIZE } from '../contract/notifications.ts';
import type { Sql } from '../db/port.ts';

interface NotificationRow {
  id: string;
  kind: Notification['kind'];
  title: string;
  body: string;
  link: string | null;
  created_at: unknown;
  read_at: unknown;
}

const toNotification = (r: NotificationRow): Notification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: iso(r.created_at)!,
  readAt: iso(r.read_at),
});

/**
 * The caller's latest notifications and their unread count. RLS limits every read to the
 * caller's own rows; the explicit `user_id` lets the planner use the (user_id, created_at) index.
 */
export async function listNotifications(sql: Sql, userId: string): Promise<NotificationList> {
  const rows = await sql.query<NotificationRow>(
    `select id, kind, title, body, link, created_at, read_at from public.notifications
     where user_id = $1 order by created_at desc, id desc limit $2`,
    [userId, NOTIFICATION_PAGE_SIZE],
  );
  const [count] = await sql.query<{ unread: number }>(
    'select count(*)::int as unread from public.notifications where user_id = $1 and read_at is null',
    [userId],
  );
  return { items: rows.map(toNotification), unreadCount: count?.unread ?? 0 };
}

/** Marks some or all of the caller's unread notifications read; returns how many, and what is left. */
export async function markRead(
  sql: Sql,
  userId: string,
  which: MarkReadRequest,
): Promise<{ updated: number; unreadCount: number }> {
  const ids = 'ids' in which ? which.ids : null;
  const [row] = await sql.query<{ updated: number; unread: number }>(
    `with marked as (
       update public.notifications set read_at = now()
       where user_id = $1 and read_at is null and ($2::uuid[] is null or id = any($2::uuid[]))
       returning id
     )
     select (select count(*)::int from marked) as updated,
            (select count(*)::int from public.notifications
             where user_id = $1 and read_at is null) - (select count(*)::int from marked) as unread`,
    [userId, ids],
  );
  return { updated: row?.updated ?? 0, unreadCount: Math.max(0, row?.unread ?? 0) };
}
