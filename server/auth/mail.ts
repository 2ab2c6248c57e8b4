import { DEFAULT_SELLER } from '../../edge/commerce/checkout/config.ts';
import { renderMail, type TemplateName, type TemplateVars } from '../../edge/mail/templates/index.ts';
import type { Mail } from '../mail/port.ts';
import { queryValue } from './redirect.ts';

/**
 * The auth mails, with Supabase's default wording, rendered from the shared templates
 * (edge/mail/templates). Signup and email-change links go through GET /auth/v1/verify (which
 * redirects with a session); the recovery link opens our /reset-password page, which calls
 * verifyOtp({ token_hash, type: 'recovery' }).
 */

function mail<N extends TemplateName>(
  to: string,
  kind: string,
  name: N,
  vars: TemplateVars[N],
  siteUrl: string,
  platformName: string,
): Mail {
  return { to, kind, ...renderMail(name, vars, { siteUrl, platformName }) };
}

export function confirmationMail(
  siteUrl: string,
  to: string,
  token: string,
  redirectTo: string,
  platformName = DEFAULT_SELLER.name,
): Mail {
  const link = `${siteUrl}/auth/v1/verify?token=${token}&type=signup&redirect_to=${queryValue(redirectTo)}`;
  return mail(to, 'signup', 'confirm_signup', { link }, siteUrl, platformName);
}

export function recoveryMail(siteUrl: string, to: string, token: string, platformName = DEFAULT_SELLER.name): Mail {
  const link = `${siteUrl}/reset-password?token_hash=${token}&type=recovery`;
  return mail(to, 'recovery', 'reset_password', { link }, siteUrl, platformName);
}

export function emailChangeMail(
  siteUrl: string,
  to: string,
  token: string,
  redirectTo: string,
  platformName = DEFAULT_SELLER.name,
): Mail {
  const link = `${siteUrl}/auth/v1/verify?token=${token}&type=email_change&redirect_to=${queryValue(redirectTo)}`;
  return mail(to, 'email_change', 'email_change', { link }, siteUrl, platformName);
}

/** After a sign-up is confirmed (by its link, or at once with autoconfirm). */
export function welcomeMail(siteUrl: string, to: string, firstName?: string, platformName = DEFAULT_SELLER.name): Mail {
  return mail(to, 'welcome', 'welcome', { firstName }, siteUrl, platformName);
}
