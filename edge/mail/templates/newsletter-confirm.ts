import { layout, type MailContext, oneLine, type RenderedMail } from './layout.ts';

export interface NewsletterConfirmVars {
  link: string;
}

/** The blog's double opt-in (no unsubscribe: nothing is sent until the link is followed). */
export const newsletterConfirm = ({ link }: NewsletterConfirmVars, ctx: MailContext): RenderedMail => {
  const platform = oneLine(ctx.platformName);
  return layout({
    ctx,
    subject: `Confirm your subscription to the ${platform} blog`,
    heading: 'Confirm your subscription',
    blocks: [
      { p: `Someone (hopefully you) asked to get new posts from the ${platform} blog at this address.` },
      { action: 'Confirm your subscription', href: link },
      {
        note: 'The link works for 7 days. If you did not ask for this, ignore this mail: nothing is sent until you confirm.',
      },
    ],
  });
};
