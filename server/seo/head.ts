import { escapeHtml, jsonLdScript } from './escape.ts';
import type { JsonLd } from './json-ld.ts';

/**
 * A page's head for crawlers and link previews: title, description, canonical URL, Open Graph,
 * Twitter card and JSON-LD. Written into index.html by the host (server/static.ts); the app keeps
 * the title, description and canonical in step on client navigation (web/src/lib/title.ts).
 */
export interface PageHead {
  /** The whole title ("HTML & CSS Foundations · Learnwell"). */
  title: string;
  description: string;
  /** Absolute; undefined for pages that are not to be indexed. */
  canonical?: string;
  /** Open Graph type: 'website' for most pages, 'article' for a blog post. */
  type?: 'website' | 'article' | 'product';
  /** Absolute image URL for the preview card. */
  image?: string;
  siteName: string;
  jsonLd?: JsonLd[];
  /** `noindex`: not-found pages and anything that is not public. */
  noindex?: boolean;
  /** Other formats of the page (the blog's RSS feed): `<link rel="alternate">`, absolute href. */
  alternates?: { type: string; title: string; href: string }[];
}

const meta = (attr: 'name' | 'property', key: string, value: string) =>
  `<meta ${attr}="${key}" content="${escapeHtml(value)}">`;

/** The tags that go before </head> (the title and description replace index.html's own). */
export function headTags(head: PageHead): string {
  const tags: string[] = [];
  if (head.noindex) tags.push(meta('name', 'robots', 'noindex'));
  if (head.canonical) tags.push(`<link rel="canonical" href="${escapeHtml(head.canonical)}">`);
  for (const alt of head.alternates ?? []) {
    tags.push(
      `<link rel="alternate" type="${escapeHtml(alt.type)}" title="${escapeHtml(alt.title)}" href="${escapeHtml(alt.href)}">`,
    );
  }
  tags.push(meta('property', 'og:site_name', head.siteName));
  tags.push(meta('property', 'og:type', head.type ?? 'website'));
  tags.push(meta('property', 'og:title', head.title));
  tags.push(meta('property', 'og:description', head.description));
  if (head.canonical) tags.push(meta('property', 'og:url', head.canonical));
  if (head.image) tags.push(meta('property', 'og:image', head.image));
  tags.push(meta('name', 'twitter:card', head.image ? 'summary_large_image' : 'summary'));
  tags.push(meta('name', 'twitter:title', head.title));
  tags.push(meta('name', 'twitter:description', head.description));
  if (head.image) tags.push(meta('name', 'twitter:image', head.image));
  for (const doc of head.jsonLd ?? []) tags.push(jsonLdScript(doc));
  return tags.join('');
}

/** index.html with the page's title and description in place of the defaults, and the rest of its head. */
export function applyHead(html: string, head: PageHead): string {
  // Replacer functions: course text may hold `$&`, which a replacement string would expand.
  return html
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(head.title)}</title>`)
    .replace(/<meta name="description" content="[^"]*"\s*\/?>/, () => meta('name', 'description', head.description))
    .replace('</head>', () => `${headTags(head)}</head>`);
}
