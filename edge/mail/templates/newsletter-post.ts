import { layout, type MailContext, oneLine, type RenderedMail } from './layout.ts';

export interface NewsletterPostVars {
  title: string;
  excerpt: string;
  /** The post's page. */
  link: string;
}

/** A new blog post, to the newsletter's confirmed subscribers (with the unsubscribe link). */
export const newsletterPost = ({ title, excerpt, link }: NewsletterPostVars, ctx: MailContext): RenderedMail =>
  layout({
    ctx,
    subject: oneLine(title),
    heading: title,
    blocks: [...(excerpt ? [{ p: excerpt }] : []), { action: 'Read the post', href: link }],
    reason: `You get this mail because you subscribed to the ${oneLine(ctx.platformName)} blog.`,
  });
