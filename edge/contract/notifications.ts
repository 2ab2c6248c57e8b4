import { z } from 'zod';
import { isoDateTime, uuid } from './primitives.ts';

/**
 * Notifications: GET /api/notifications and POST /api/notifications/read. The same shape is
 * pushed live on the private Realtime topic `user:<uid>` (event `notification`) by the
 * database trigger in supabase/migrations/20261123000700_notifications.sql.
 */

/** How many notifications GET /api/notifications returns. */
export const NOTIFICATION_PAGE_SIZE = 20;

export const notificationKind = z.enum([
  'enrollment',
  'course_completed',
  'announcement',
  'system',
  'question_answered',
  'grade_posted',
  'certificate_issued',
  'session_starting',
  'session_changed',
]);

export const notification = z.strictObject({
  id: uuid,
  kind: notificationKind,
  title: z.string().min(1).max(200),
  body: z.string().max(2000),
  /** A path on this site ("/learn/intro-to-html"), never another origin. */
  link: z.string().startsWith('/').nullable(),
  createdAt: isoDateTime,
  readAt: isoDateTime.nullable(),
});

/** The latest notifications (newest first) and how many of all of them are unread. */
export const notificationList = z.strictObject({
  items: z.array(notification).max(NOTIFICATION_PAGE_SIZE),
  unreadCount: z.int().min(0),
});

/** POST /api/notifications/read: some (by id, up to 100) or all of the caller's notifications. */
export const markReadRequest = z.union([
  z.strictObject({ ids: z.array(uuid).min(1).max(100) }),
  z.strictObject({ all: z.literal(true) }),
]);

export const markReadResponse = z.strictObject({
  /** Notifications this call marked read (already read ones and other users' are not counted). */
  updated: z.int().min(0),
  unreadCount: z.int().min(0),
});

export type NotificationKind = z.infer<typeof notificationKind>;
export type Notification = z.infer<typeof notification>;
export type NotificationList = z.infer<typeof notificationList>;
export type MarkReadRequest = z.infer<typeof markReadRequest>;
export type MarkReadResponse = z.infer<typeof markReadResponse>;
