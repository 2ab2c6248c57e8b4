import { layout, type MailContext, oneLine, type RenderedMail, utcText } from './layout.ts';

export interface CompanyInvitationVars {
  /** The inviting admin's name ('' when none: the company's name stands in). */
  adminName: string;
  companyName: string;
  link: string;
  /** ISO timestamp. */
  expiresAt: string;
}

export const companyInvitation = (v: CompanyInvitationVars, ctx: MailContext): RenderedMail => {
  const company = oneLine(v.companyName);
  const who = oneLine(v.adminName) || company;
  const platform = oneLine(ctx.platformName);
  return layout({
    ctx,
    subject: `${who} invited you to ${company} on ${platform}`,
    heading: `Join ${company} on ${platform}`,
    blocks: [
      { p: `${who} invited you to join ${company} on ${platform}.` },
      { p: 'Open this link to sign up or sign in and join:' },
      { action: 'Accept the invitation', href: v.link },
      {
        note: `The link works once and expires on ${utcText(v.expiresAt)}. If you did not expect this invitation, ignore this mail.`,
      },
    ],
  });
};
