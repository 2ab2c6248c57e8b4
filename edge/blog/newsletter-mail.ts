import type { Mail, Mailer } from '../mail/port.ts';
import { renderMail } from '../mail/templates/index.ts';

/**
 * The double opt-in mail (kind 'newsletter_confirm'), rendered from the shared template
 * (edge/mail/templates/newsletter-confirm.ts): one link that confirms the sign-up.
 */
export function newsletterConfirmMail(to: string, link: string, platformName: string): Mail {
  const siteUrl = URL.canParse(link) ? new URL(link).origin : '';
  return { to, ...renderMail('newsletter_confirm', { link }, { siteUrl, platformName }), kind: 'newsletter_confirm' };
}

/** Sends it; true when the mailer took it (false without a mailer or on a failure, never thrown). */
export async function sendNewsletterConfirm(mailer: Mailer | undefined, mail: Mail): Promise<boolean> {
  if (!mailer) return false;
  try {
    await mailer.send(mail);
    return true;
  } catch {
    return false;
  }
}
