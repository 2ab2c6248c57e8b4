import { layout, type MailContext, oneLine, type RenderedMail } from './layout.ts';

/** The auth mails, in Supabase's default wording; the links are made by server/auth and kept as they are. */

export interface LinkVars {
  link: string;
}

const once = 'If you did not ask for this, you can ignore this mail. The link works once, for one hour.';

export const confirmSignup = ({ link }: LinkVars, ctx: MailContext): RenderedMail =>
  layout({
    ctx,
    subject: 'Confirm your signup',
    heading: 'Confirm your signup',
    blocks: [
      { p: 'Follow this link to confirm your user.' },
      { action: 'Confirm your mail', href: link },
      { note: once },
    ],
  });

export const resetPassword = ({ link }: LinkVars, ctx: MailContext): RenderedMail =>
  layout({
    ctx,
    subject: 'Reset your password',
    heading: 'Reset your password',
    blocks: [
      { p: 'Follow this link to reset the password for your user.' },
      { action: 'Reset password', href: link },
      { note: once },
    ],
  });

export const emailChange = ({ link }: LinkVars, ctx: MailContext): RenderedMail =>
  layout({
    ctx,
    subject: 'Confirm email change',
    heading: 'Confirm email change',
    blocks: [
      { p: 'Follow this link to confirm the update of your email.' },
      { action: 'Change email', href: link },
      { note: once },
    ],
  });

export interface WelcomeVars {
  firstName?: string;
}

export const welcome = ({ firstName }: WelcomeVars, ctx: MailContext): RenderedMail => {
  const name = oneLine(firstName);
  const platform = oneLine(ctx.platformName);
  return layout({
    ctx,
    subject: `Welcome to ${platform}`,
    heading: name ? `Welcome, ${name}!` : `Welcome to ${platform}!`,
    blocks: [
      {
        p: 'Your account is confirmed. Browse the catalog, start a course and pick up where you left off on any device.',
      },
      { action: 'Browse courses', href: `${ctx.siteUrl}/courses` },
    ],
  });
};
