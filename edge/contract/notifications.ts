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

/**
 * Notification preferences (docs/notifications.md, migration 20261129000200):
 * GET and PUT /api/me/notification-preferences. Per category a person understands, the bell
 * (inApp) and email; per user a digest and "essential account mail only".
 */
export const NOTIFICATION_CATEGORIES = ['learning', 'grades', 'live', 'announcements', 'account'] as const;
export const notificationCategory = z.enum(NOTIFICATION_CATEGORIES);
export type NotificationCategory = z.infer<typeof notificationCategory>;

/** The kinds each category covers (the database's private.notification_category says the same). */
export const CATEGORY_KINDS: Record<NotificationCategory, readonly NotificationKind[]> = {
  learning: ['enrollment', 'course_completed', 'certificate_issued'],
  grades: ['grade_posted'],
  live: ['session_starting', 'session_changed', 'question_answered'],
  announcements: ['announcement'],
  account: ['system'],
};

/** Email when the user never chose (private.notification_email_default). The bell is on by default. */
export const EMAIL_DEFAULTS: Record<NotificationCategory, boolean> = {
  learning: true,
  grades: true,
  live: true,
  announcements: false,
  account: false,
};

/** Categories whose bell notices cannot be turned off (security and payment notices). */
export const ESSENTIAL_IN_APP: readonly NotificationCategory[] = ['account'];

export const digestFrequency = z.enum(['off', 'daily', 'weekly']);
export type DigestFrequency = z.infer<typeof digestFrequency>;

export const notificationPreference = z.strictObject({
  category: notificationCategory,
  inApp: z.boolean(),
  email: z.boolean(),
});

export const notificationPreferences = z.strictObject({
  /** Every category, in NOTIFICATION_CATEGORIES order, with the defaults where the user never chose. */
  categories: z.array(notificationPreference).length(NOTIFICATION_CATEGORIES.length),
  digest: digestFrequency,
  /** Email nothing but essential account mail (sign-in, password, receipts): no notification mail, no digest. */
  essentialOnly: z.boolean(),
});

/**
 * PUT /api/me/notification-preferences: the categories given (others stay as they are), and the
 * digest and essential-only switch when given. A category is checked by the route, so an unknown
 * one (or turning off the account bell, or a category twice) is a 422, not a 400.
 */
export const notificationPreferencesUpdate = z.strictObject({
  categories: z
    .array(z.strictObject({ category: z.string().min(1).max(40), inApp: z.boolean(), email: z.boolean() }))
    .max(NOTIFICATION_CATEGORIES.length * 2)
    .optional(),
  digest: digestFrequency.optional(),
  essentialOnly: z.boolean().optional(),
});

export type NotificationPreference = z.infer<typeof notificationPreference>;
export type NotificationPreferences = z.infer<typeof notificationPreferences>;
export type NotificationPreferencesUpdate = z.infer<typeof notificationPreferencesUpdate>;
