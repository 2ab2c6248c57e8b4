import { layout, type MailContext, oneLine, type RenderedMail, safeLink } from './layout.ts';

/** An in-app notification as mail (what private.mail_requests carries): its kind, title, body and link. */
export interface NotificationVars {
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
}

const REASON = 'You get this mail because email is on for these notifications in your settings.';

export interface NotificationMailSpec {
  subject: (title: string) => string;
  lead?: string;
  action: string;
}

/** Renders a notification with a specialised wording (or the generic one). */
export function notificationMail(v: NotificationVars, ctx: MailContext, spec: NotificationMailSpec): RenderedMail {
  const title = oneLine(v.title);
  return layout({
    ctx,
    subject: spec.subject(title),
    heading: title,
    blocks: [
      ...(spec.lead ? [{ p: spec.lead }] : []),
      ...(v.body ? [{ p: String(v.body) }] : []),
      { action: spec.action, href: safeLink(v.link ?? '/', ctx.siteUrl) },
      { note: `Manage notifications: ${ctx.siteUrl}/account/notifications` },
    ],
    reason: REASON,
  });
}

export const notification = (v: NotificationVars, ctx: MailContext): RenderedMail =>
  notificationMail(v, ctx, { subject: (t) => t, action: 'Open' });
