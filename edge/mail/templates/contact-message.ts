import { layout, type MailContext, oneLine, type RenderedMail } from './layout.ts';

/** A contact form message, to the admins. Name, address and message are user text. */
export interface ContactMessageVars {
  name: string;
  email: string;
  topic: string;
  message: string;
  /** The admins' inbox (/admin/faq). */
  inboxUrl: string;
}

export const contactMessage = (v: ContactMessageVars, ctx: MailContext): RenderedMail => {
  const who = oneLine(v.name).slice(0, 80);
  const topic = oneLine(v.topic);
  return layout({
    ctx,
    subject: `Contact form (${topic}): ${who}`,
    heading: `Contact form: ${topic}`,
    blocks: [
      { p: `${who} <${oneLine(v.email)}> wrote about ${topic}:` },
      { quote: v.message },
      { p: 'Reply to them by email; mark the message handled in the inbox.' },
      { action: 'Open the inbox', href: v.inboxUrl },
    ],
  });
};
