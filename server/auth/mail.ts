import type { Mail } from '../mail/port.ts';
import { queryValue } from './redirect.ts';

/**
 * The auth mails, with Supabase's default wording. Signup and email-change links go through
 * GET /auth/v1/verify (which redirects with a session); the recovery link opens our
 * /reset-password page, which calls verifyOtp({ token_hash, type: 'recovery' }).
 */

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function mail(to: string, kind: string, subject: string, lead: string, action: string, link: string): Mail {
  return {
    to,
    kind,
    subject,
    text: `${lead}\n\n${action}: ${link}\n\nIf you did not ask for this, you can ignore this mail. The link works once, for one hour.\n`,
    html: `<h2>${escapeHtml(subject)}</h2><p>${escapeHtml(lead)}</p><p><a href="${escapeHtml(link)}">${escapeHtml(action)}</a></p>`,
  };
}

export function confirmationMail(siteUrl: string, to: string, token: string, redirectTo: string): Mail {
  const link = `${siteUrl}/auth/v1/verify?token=${token}&type=signup&redirect_to=${queryValue(redirectTo)}`;
  return mail(to, 'signup', 'Confirm your signup', 'Follow this link to confirm your user.', 'Confirm your mail', link);
}

export function recoveryMail(siteUrl: string, to: string, token: string): Mail {
  const link = `${siteUrl}/reset-password?token_hash=${token}&type=recovery`;
  return mail(
    to,
    'recovery',
    'Reset your password',
    'Follow this link to reset the password for your user.',
    'Reset password',
    link,
  );
}

export function emailChangeMail(siteUrl: string, to: string, token: string, redirectTo: string): Mail {
  const link = `${siteUrl}/auth/v1/verify?token=${token}&type=email_change&redirect_to=${queryValue(redirectTo)}`;
  return mail(
    to,
    'email_change',
    'Confirm email change',
    'Follow this link to confirm the update of your email.',
    'Change email',
    link,
  );
}
