import { layout, type MailContext, oneLine, type RenderedMail, safeLink, utcText } from './layout.ts';

/** The daily or weekly digest of unread notifications (private.collect_digests makes its vars). */
export interface DigestVars {
  period: string;
  items: { title: string; body?: string | null; link?: string | null; created_at?: string }[];
}

export const digest = (v: DigestVars, ctx: MailContext): RenderedMail => {
  const period = oneLine(v.period) === 'weekly' ? 'weekly' : 'daily';
  const n = v.items.length;
  return layout({
    ctx,
    subject: `Your ${period} digest: ${n} unread notification${n === 1 ? '' : 's'}`,
    heading: `Your ${period} digest`,
    blocks: [
      { p: `You have ${n} unread notification${n === 1 ? '' : 's'}.` },
      ...v.items.flatMap((item) => [
        {
          rows: [[item.created_at ? utcText(item.created_at) : '', oneLine(item.title)] as [string, string]],
        },
        ...(item.body ? [{ quote: String(item.body) }] : []),
        { action: 'Open', href: safeLink(item.link ?? '/', ctx.siteUrl) },
      ]),
      { note: `Change how often you get this: ${ctx.siteUrl}/account/notifications` },
    ],
    reason: `You get this mail because you asked for a ${period} digest.`,
  });
};
