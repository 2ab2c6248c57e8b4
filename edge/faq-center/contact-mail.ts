import { DEFAULT_SELLER } from '../commerce/checkout/config.ts';
import type { ContactTopic } from '../contract/faq-center.ts';
import type { Mail, Mailer } from '../mail/port.ts';
import { renderMail } from '../mail/templates/index.ts';

/** A contact message as the admins receive it (kind 'contact_message'). */
export interface ContactMailInput {
  to: string;
  name: string;
  email: string;
  topic: ContactTopic;
  message: string;
  /** The admins' inbox (/admin/faq), linked from the mail. */
  inboxUrl: string;
}

/**
 * Pure, rendered from the shared template (edge/mail/templates/contact-message.ts): the sender's
 * name, address and message are user text, escaped in HTML, on one line in the subject.
 */
export function contactMail({ to, name, email, topic, message, inboxUrl }: ContactMailInput): Mail {
  const siteUrl = URL.canParse(inboxUrl) ? new URL(inboxUrl).origin : '';
  const rendered = renderMail(
    'contact_message',
    { name, email, topic, message, inboxUrl },
    { siteUrl, platformName: DEFAULT_SELLER.name },
  );
  return { to, ...rendered, kind: 'contact_message' };
}

/** Mails the message to every admin; true when every send was taken (false without a mailer or on a failure). */
export async function mailAdmins(
  mailer: Mailer | undefined,
  recipients: string[],
  input: Omit<ContactMailInput, 'to'>,
): Promise<boolean> {
  if (!mailer || recipients.length === 0) return false;
  const sent = await Promise.allSettled(recipients.map((to) => mailer.send(contactMail({ ...input, to }))));
  return sent.every((s) => s.status === 'fulfilled');
}
