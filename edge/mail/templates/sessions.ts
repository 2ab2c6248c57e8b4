import type { MailContext, RenderedMail } from './layout.ts';
import { type NotificationVars, notificationMail } from './notification.ts';

/** Live session notifications (kinds session_starting and session_changed). */

export const sessionReminder = (v: NotificationVars, ctx: MailContext): RenderedMail =>
  notificationMail(v, ctx, {
    subject: (t) => `Starting soon: ${t}`,
    lead: 'Your live session starts soon.',
    action: 'Join the session',
  });

export const sessionChanged = (v: NotificationVars, ctx: MailContext): RenderedMail =>
  notificationMail(v, ctx, {
    subject: (t) => `Session changed: ${t}`,
    lead: 'A live session you attend has changed.',
    action: 'See the new details',
  });
