import { confirmSignup, emailChange, type LinkVars, resetPassword, type WelcomeVars, welcome } from './auth.ts';
import { type CreditNoteVars, creditNote, type InvoiceVars, invoice, type ReceiptVars, receipt } from './commerce.ts';
import { type CompanyInvitationVars, companyInvitation } from './company-invitation.ts';
import { type ContactMessageVars, contactMessage } from './contact-message.ts';
import { type DigestVars, digest } from './digest.ts';
import type { MailContext, RenderedMail } from './layout.ts';
import { certificateIssued, gradePosted, questionAnswered } from './learning.ts';
import { type NewsletterConfirmVars, newsletterConfirm } from './newsletter-confirm.ts';
import { type NewsletterPostVars, newsletterPost } from './newsletter-post.ts';
import { type NotificationVars, notification } from './notification.ts';
import { sessionChanged, sessionReminder } from './sessions.ts';

export type { MailContext, RenderedMail } from './layout.ts';

/** Every mail the platform sends, by name, with the variables each takes (docs/mail.md). */
export interface TemplateVars {
  welcome: WelcomeVars;
  confirm_signup: LinkVars;
  reset_password: LinkVars;
  email_change: LinkVars;
  receipt: ReceiptVars;
  invoice: InvoiceVars;
  credit_note: CreditNoteVars;
  certificate_issued: NotificationVars;
  grade_posted: NotificationVars;
  session_reminder: NotificationVars;
  session_changed: NotificationVars;
  question_answered: NotificationVars;
  company_invitation: CompanyInvitationVars;
  newsletter_confirm: NewsletterConfirmVars;
  newsletter_post: NewsletterPostVars;
  contact_message: ContactMessageVars;
  digest: DigestVars;
  notification: NotificationVars;
}

export type TemplateName = keyof TemplateVars;

const TEMPLATES: { [N in TemplateName]: (vars: TemplateVars[N], ctx: MailContext) => RenderedMail } = {
  welcome,
  confirm_signup: confirmSignup,
  reset_password: resetPassword,
  email_change: emailChange,
  receipt,
  invoice,
  credit_note: creditNote,
  certificate_issued: certificateIssued,
  grade_posted: gradePosted,
  session_reminder: sessionReminder,
  session_changed: sessionChanged,
  question_answered: questionAnswered,
  company_invitation: companyInvitation,
  newsletter_confirm: newsletterConfirm,
  newsletter_post: newsletterPost,
  contact_message: contactMessage,
  digest,
  notification: (v, ctx) => {
    const special = NOTIFICATION_TEMPLATES[v.kind];
    return special ? TEMPLATES[special](v, ctx) : notification(v, ctx);
  },
};

/** Notification kinds with a template of their own; the others use the generic 'notification'. */
export const NOTIFICATION_TEMPLATES: Record<
  string,
  'certificate_issued' | 'grade_posted' | 'session_reminder' | 'session_changed' | 'question_answered'
> = {
  certificate_issued: 'certificate_issued',
  grade_posted: 'grade_posted',
  session_starting: 'session_reminder',
  session_changed: 'session_changed',
  question_answered: 'question_answered',
};

export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];

/**
 * Mails a person may turn off: they carry an unsubscribe link (and a List-Unsubscribe header);
 * transactional mail (sign-up, password, receipts, invoices, invitations) does not.
 */
export const UNSUBSCRIBABLE: ReadonlySet<TemplateName> = new Set<TemplateName>([
  'digest',
  'newsletter_post',
  'notification',
  'certificate_issued',
  'grade_posted',
  'session_reminder',
  'session_changed',
  'question_answered',
]);

/** Renders one mail: `{subject, text, html}`, every user value escaped in html and the subject on one line. */
export function renderMail<N extends TemplateName>(name: N, vars: TemplateVars[N], ctx: MailContext): RenderedMail {
  const render = TEMPLATES[name] as (vars: TemplateVars[N], ctx: MailContext) => RenderedMail;
  if (!render) throw new Error(`unknown mail template: ${String(name)}`);
  return render(vars, ctx);
}
