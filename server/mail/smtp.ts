import nodemailer from 'nodemailer';
import type { SmtpConfig } from './config.ts';
import type { Mailer } from './port.ts';

export interface SmtpMailer extends Mailer {
  close(): void;
}

/**
 * The SMTP transport (nodemailer): one pooled connection set, mail sent with its text and HTML
 * parts and any extra headers (List-Unsubscribe). A refused or failed send throws, so the
 * queue retries it (server/mail/queue.ts).
 */
export function smtpMailer(config: SmtpConfig): SmtpMailer {
  const transport = config.url
    ? nodemailer.createTransport(config.url)
    : nodemailer.createTransport({
        host: config.host,
        port: config.port,
        secure: config.secure,
        auth: config.user ? { user: config.user, pass: config.pass ?? '' } : undefined,
      });
  return {
    async send(mail) {
      await transport.sendMail({
        from: config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
      });
    },
    close() {
      transport.close();
    },
  };
}
