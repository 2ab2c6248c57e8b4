import type { MailContext, RenderedMail } from './layout.ts';
import { type NotificationVars, notificationMail } from './notification.ts';

/** Learning notifications with their own wording; vars as the in-app notification has them. */

export const certificateIssued = (v: NotificationVars, ctx: MailContext): RenderedMail =>
  notificationMail(v, ctx, {
    subject: (t) => `Your certificate: ${t}`,
    lead: 'Congratulations! Your certificate is ready to download and share.',
    action: 'View certificate',
  });

export const gradePosted = (v: NotificationVars, ctx: MailContext): RenderedMail =>
  notificationMail(v, ctx, {
    subject: (t) => `Grade posted: ${t}`,
    lead: 'Your instructor graded your work.',
    action: 'See your grade',
  });

export const questionAnswered = (v: NotificationVars, ctx: MailContext): RenderedMail =>
  notificationMail(v, ctx, {
    subject: (t) => `Your question was answered: ${t}`,
    action: 'Read the answer',
  });
