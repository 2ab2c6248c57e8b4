import { escapeHtml } from '../companies/invitation-mail.ts';
import type { ContactTopic } from '../contract/faq-center.ts';
import type { Mail, Mailer } from '../mail/port.ts';

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

const oneLine = (s: string) =>
  s
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Pure: the sender's name, address and message are user text, escaped in HTML, on one line in the subject. */
export function contactMail({ to, name, email, topic, message, inboxUrl }: ContactMailInput): Mail {
  const who = oneLine(name).slice(0, 80);
  const subject = `Contact form (${topic}): ${who}`;
  const text = [
    `${who} <${oneLine(email)}> wrote about ${topic}:`,
    '',
    message,
    '',
    `Reply to them by email; mark the message handled at ${inboxUrl}`,
  ].join('\n');
  const html = [
    `<p><strong>${escapeHtml(who)}</strong> &lt;${escapeHtml(oneLine(email))}&gt; wrote about ${escapeHtml(topic)}:</p>`,
    `<blockquote style="white-space: pre-wrap">${escapeHtml(message)}</blockquote>`,
    `<p>Reply to them by email; <a href="${escapeHtml(inboxUrl)}">mark the message handled</a>.</p>`,
  ].join('\n');
  return { to, subject, text, html, kind: 'contact_message' };
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
