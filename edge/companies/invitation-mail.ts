import type { Sql } from '../db/port.ts';
import type { Mail, Mailer } from '../mail/port.ts';
import { renderMail } from '../mail/templates/index.ts';

/** Who invites: the inviting admin's name ('' when none) and the company's name. */
export interface Inviter {
  adminName: string;
  companyName: string;
}

export interface InvitationMailInput {
  to: string;
  inviter: Inviter;
  platformName: string;
  link: string;
  /** ISO timestamp. */
  expiresAt: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content and quoted attribute values. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);

/** `2026-12-08 23:59 UTC` */
export const expiryText = (iso: string) => `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * The invitation mail (kind 'company_invitation'), rendered from the shared template
 * (edge/mail/templates/company-invitation.ts): the company and admin names are user text,
 * escaped in the HTML part and kept on one line in the subject.
 */
export function invitationMail({ to, inviter, platformName, link, expiresAt }: InvitationMailInput): Mail {
  const siteUrl = URL.canParse(link) ? new URL(link).origin : '';
  const rendered = renderMail(
    'company_invitation',
    { adminName: inviter.adminName, companyName: inviter.companyName, link, expiresAt },
    { siteUrl, platformName },
  );
  return { to, ...rendered, kind: 'company_invitation' };
}

/**
 * Sends one invitation mail; true when the mailer took it. A missing mailer or a failed send
 * answers false (the invitation stands and its link goes back to the admin).
 */
export async function sendInvitationMail(mailer: Mailer | undefined, input: InvitationMailInput): Promise<boolean> {
  if (!mailer) return false;
  try {
    await mailer.send(invitationMail(input));
    return true;
  } catch (err) {
    console.error('companies: the invitation mail was not sent', err instanceof Error ? err.message : err);
    return false;
  }
}

/** The inviting admin's name and the company's (as the caller, in the request's transaction). */
export async function inviterOf(sql: Sql, companyId: string): Promise<Inviter> {
  const [row] = await sql.query<Inviter>(
    `select c.name as "companyName",
            coalesce((select trim(p.first_name || ' ' || p.last_name) from public.profiles p
                      where p.id = (select auth.uid())), '') as "adminName"
     from public.companies c where c.id = $1`,
    [companyId],
  );
  return row ?? { adminName: '', companyName: '' };
}
