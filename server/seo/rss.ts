import type { BlogPostCard } from '../../edge/contract/blog.ts';
import { escapeHtml } from './escape.ts';
import type { Site } from './json-ld.ts';

/**
 * The blog's RSS 2.0 feed (/blog/rss.xml): the latest public posts, newest first, every value
 * escaped (titles and excerpts are admins' text), absolute links, RFC 822 dates, an atom:link to
 * itself as the RSS Advisory Board recommends.
 */

export const RSS_ITEMS = 20;

/** XML text: what escapeHtml escapes, minus characters XML 1.0 forbids outright. */
const x = (value: string) => escapeHtml(value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''));

export function rssXml(site: Site, posts: readonly BlogPostCard[]): string {
  const blog = `${site.origin}/blog`;
  const items = posts
    .map((p) => {
      const link = `${site.origin}/blog/${encodeURIComponent(p.slug)}`;
      return (
        `<item><title>${x(p.title)}</title><link>${x(link)}</link>` +
        `<guid isPermaLink="true">${x(link)}</guid>` +
        `<pubDate>${new Date(p.publishedAt).toUTCString()}</pubDate>` +
        (p.excerpt ? `<description>${x(p.excerpt)}</description>` : '') +
        `<dc:creator>${x(p.author.name)}</dc:creator>` +
        (p.category ? `<category>${x(p.category.name)}</category>` : '') +
        p.tags.map((t) => `<category>${x(t)}</category>`).join('') +
        `</item>`
      );
    })
    .join('\n');
  const built = posts[0] ? `<lastBuildDate>${new Date(posts[0].publishedAt).toUTCString()}</lastBuildDate>` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">\n` +
    `<channel><title>${x(`${site.name} blog`)}</title><link>${x(blog)}</link>` +
    `<description>${x(`Articles on learning and the skills our courses teach, from ${site.name}.`)}</description>` +
    `<language>en</language>${built}` +
    `<atom:link href="${x(`${blog}/rss.xml`)}" rel="self" type="application/rss+xml"/>\n${items}\n</channel></rss>\n`
  );
}
