import { escapeHtml } from '../companies/invitation-mail.ts';
import type { Mail, Mailer } from '../mail/port.ts';

/** The double opt-in mail (kind 'newsletter_confirm'): one link that confirms the sign-up. */
export function newsletterConfirmMail(to: string, link: string, platformName: string): Mail {
  const subject = `Confirm your subscription to the ${platformName} blog`;
  const text = [
    `Someone (hopefully you) asked to get new posts from the ${platformName} blog at this address.`,
    '',
    `Confirm your subscription: ${link}`,
    '',
    'The link works for 7 days. If you did not ask for this, ignore this mail: nothing is sent until you confirm.',
  ].join('\n');
  const html = [
    `<p>Someone (hopefully you) asked to get new posts from the ${escapeHtml(platformName)} blog at this address.</p>`,
    `<p><a href="${escapeHtml(link)}">Confirm your subscription</a></p>`,
    '<p>The link works for 7 days. If you did not ask for this, ignore this mail: nothing is sent until you confirm.</p>',
  ].join('\n');
  return { to, subject, text, html, kind: 'newsletter_confirm' };
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
