/**
 * The head tags the app keeps in step with the page on client navigation: the meta description
 * and the canonical link (the host writes the first page's, with Open Graph and JSON-LD, for
 * crawlers: server/seo). Plain DOM functions, no Solid.
 */

import { plainText } from './plain-text.ts';

/** index.html's description: pages without their own get it back. */
export const DEFAULT_DESCRIPTION =
  'Practical online courses with progress tracking: browse the catalog, enroll in free courses and learn at your own pace.';

type HeadDoc = Pick<Document, 'head' | 'querySelector' | 'createElement'>;

/** Plain text of at most `max` characters, cut on a word: markdown-ish course text made fit for a description. */
export function shortText(text: string, max = 160): string {
  return plainText(text, max);
}

export function setDescription(doc: HeadDoc, text: string | null | undefined): void {
  let tag = doc.querySelector<HTMLMetaElement>('meta[name="description"]');
  if (!tag) {
    tag = doc.createElement('meta');
    tag.name = 'description';
    doc.head.append(tag);
  }
  const value = text ? shortText(text) : '';
  tag.content = value || DEFAULT_DESCRIPTION;
}

/**
 * Points the canonical link at `pathname` on the site's origin: the origin of the link the host
 * wrote (its configured SITE_URL), else this page's. A link already naming this path (the host's,
 * which may keep a `?page=`) is left as it is.
 */
export function setCanonical(doc: HeadDoc, pathname: string, fallbackOrigin: string): void {
  let link = doc.querySelector<HTMLLinkElement>('link[rel="canonical"]');
  let origin = fallbackOrigin;
  if (link) {
    try {
      const current = new URL(link.href);
      if (current.pathname === pathname) return;
      origin = current.origin;
    } catch {
      // a broken href: replaced below
    }
  } else {
    link = doc.createElement('link');
    link.rel = 'canonical';
    doc.head.append(link);
  }
  link.href = `${origin}${pathname}`;
}
