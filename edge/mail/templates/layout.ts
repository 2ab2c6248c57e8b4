/**
 * The shared mail layout: HTML with inline styles (mail clients drop <style>) and a plain-text
 * twin. Every value that reaches it may be user text: escaped in HTML, kept on one line where a
 * line matters (subjects, headings). Pure and web-standard: edge/ routes and the Node host both
 * render mails with it.
 */

/** What every template is rendered with: the site's origin, its name, and (for mail a person may
 * turn off) the one-click unsubscribe link made by the Node host (server/mail/unsubscribe.ts). */
export interface MailContext {
  siteUrl: string;
  platformName: string;
  unsubscribeUrl?: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content and quoted attribute values. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);

/** Line breaks and other control characters out of one-line text (subjects, names). */
export const oneLine = (s: unknown) =>
  String(s ?? '')
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Control characters (but line breaks) out of multi-line user text for the text part. */
export const plain = (s: unknown) =>
  String(s ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');

/**
 * A link a mail may carry: a site path (made absolute on siteUrl) or an http(s) URL. Anything
 * else (javascript:, data:, protocol-relative) becomes the site's home page.
 */
export function safeLink(link: unknown, siteUrl: string): string {
  const s = String(link ?? '').trim();
  if (s.startsWith('/') && !s.startsWith('//')) return `${siteUrl.replace(/\/$/, '')}${s}`;
  if (/^https?:\/\/[^\s]+$/i.test(s)) return s;
  return siteUrl;
}

/** `2026-12-08 23:59 UTC` */
export const utcText = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? oneLine(iso) : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
};

/** A block of the mail's body. Strings are user-safe text: the layout escapes them. */
export type Block =
  | { p: string }
  | { quote: string }
  | { action: string; href: string }
  | { rows: [string, string][] }
  | { note: string };

export interface LayoutInput {
  ctx: MailContext;
  subject: string;
  heading: string;
  blocks: Block[];
  /** Why the person gets this mail (shown above the unsubscribe link). */
  reason?: string;
}

const S = {
  body: 'margin:0;padding:24px;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2933',
  card: 'max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px',
  h1: 'font-size:20px;margin:0 0 16px',
  p: 'font-size:15px;line-height:1.5;margin:0 0 12px;white-space:pre-wrap',
  quote:
    'font-size:15px;line-height:1.5;margin:0 0 12px;padding:8px 12px;border-left:3px solid #cbd2d9;white-space:pre-wrap',
  button:
    'display:inline-block;background:#1d4ed8;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:6px;font-weight:bold',
  td: 'padding:4px 12px 4px 0;font-size:14px;vertical-align:top',
  note: 'font-size:13px;color:#52606d;margin:12px 0 0',
  footer: 'max-width:560px;margin:16px auto 0;font-size:12px;color:#7b8794;text-align:center',
  link: 'color:#52606d',
};

function blockHtml(b: Block): string {
  if ('p' in b) return `<p style="${S.p}">${escapeHtml(b.p)}</p>`;
  if ('quote' in b) return `<blockquote style="${S.quote}">${escapeHtml(b.quote)}</blockquote>`;
  if ('action' in b) {
    return `<p style="margin:16px 0"><a href="${escapeHtml(b.href)}" style="${S.button}">${escapeHtml(b.action)}</a></p>`;
  }
  if ('rows' in b) {
    const rows = b.rows
      .map(
        ([k, v]) =>
          `<tr><td style="${S.td};color:#52606d">${escapeHtml(k)}</td><td style="${S.td}">${escapeHtml(v)}</td></tr>`,
      )
      .join('');
    return `<table role="presentation" style="border-collapse:collapse;margin:0 0 12px">${rows}</table>`;
  }
  return `<p style="${S.note}">${escapeHtml(b.note)}</p>`;
}

function blockText(b: Block): string {
  if ('p' in b) return plain(b.p);
  if ('quote' in b) return plain(b.quote).replace(/^/gm, '> ');
  if ('action' in b) return `${oneLine(b.action)}: ${b.href}`;
  if ('rows' in b) return b.rows.map(([k, v]) => `${oneLine(k)}: ${oneLine(v)}`).join('\n');
  return plain(b.note);
}

/** Renders the layout: subject on one line, the same blocks as HTML and as text. */
export function layout({ ctx, subject, heading, blocks, reason }: LayoutInput): RenderedMail {
  const platform = oneLine(ctx.platformName);
  const footerText = [
    reason ? plain(reason) : '',
    ctx.unsubscribeUrl ? `Unsubscribe: ${ctx.unsubscribeUrl}` : '',
    `${platform} · ${ctx.siteUrl}`,
  ].filter(Boolean);
  const footerHtml = [
    reason ? `<p style="margin:0 0 6px">${escapeHtml(reason)}</p>` : '',
    ctx.unsubscribeUrl
      ? `<p style="margin:0 0 6px"><a href="${escapeHtml(ctx.unsubscribeUrl)}" style="${S.link}">Unsubscribe</a></p>`
      : '',
    `<p style="margin:0"><a href="${escapeHtml(ctx.siteUrl)}" style="${S.link}">${escapeHtml(platform)}</a></p>`,
  ].join('');
  const html = [
    '<!doctype html>',
    `<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(oneLine(subject))}</title></head>`,
    `<body style="${S.body}"><div style="${S.card}">`,
    `<h1 style="${S.h1}">${escapeHtml(oneLine(heading))}</h1>`,
    ...blocks.map(blockHtml),
    `</div><div style="${S.footer}">${footerHtml}</div></body></html>`,
  ].join('\n');
  const text = [oneLine(heading), '', ...blocks.flatMap((b) => [blockText(b), '']), '--', ...footerText, ''].join('\n');
  return { subject: oneLine(subject), text, html };
}
