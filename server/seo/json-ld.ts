import type { CourseDetail, FaqList } from '../../edge/api-types.ts';
import { plainText } from './escape.ts';

/**
 * schema.org objects for the public pages (Course, BreadcrumbList, FAQPage, Organization,
 * WebSite), built from the same API answers the page shows. Values are plain data; the page
 * writes them with jsonLdScript (escape.ts). schema-org.ts checks them against the properties
 * schema.org and search engines require or recommend.
 */

export type JsonLd = Record<string, unknown>;

const CONTEXT = 'https://schema.org';

export interface Site {
  /** The public origin, from SITE_URL: every URL in the page is absolute from it. */
  origin: string;
  name: string;
}

/** An absolute URL on the site for a path, or an http(s) URL kept as it is; anything else is dropped. */
export function absoluteUrl(site: Site, url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  if (url.startsWith('/') && !url.startsWith('//')) return `${site.origin}${url}`;
  return /^https?:\/\//i.test(url) ? url : undefined;
}

/** A price in major units ("49.00" for 4900 USD), as schema.org's Offer wants it. */
export function majorUnits(amount: number, currency: string): string {
  let digits = 2;
  try {
    digits =
      new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // an unknown currency code: two digits, as most have
  }
  return (amount / 10 ** digits).toFixed(digits);
}

export function organization(site: Site): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'Organization',
    name: site.name,
    url: `${site.origin}/`,
    logo: `${site.origin}/favicon.svg`,
  };
}

export function webSite(site: Site): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    name: site.name,
    url: `${site.origin}/`,
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${site.origin}/courses?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

/** A trail of [name, path] pairs; the last one is the page itself. */
export function breadcrumbs(site: Site, trail: [string, string][]): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: trail.map(([name, path], i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name,
      item: `${site.origin}${path}`,
    })),
  };
}

/** The course's largest cover image, absolute ('{w}' templates resolved to their widest width). */
export function coverImage(site: Site, url: string | null, widths: readonly number[]): string | undefined {
  if (!url) return undefined;
  const resolved = widths.length ? url.replaceAll('{w}', String(Math.max(...widths))) : url;
  return absoluteUrl(site, resolved);
}

export function course(site: Site, c: CourseDetail): JsonLd {
  const url = `${site.origin}/courses/${encodeURIComponent(c.slug)}`;
  const image = coverImage(site, c.thumbnailUrl, c.thumbnailWidths);
  const description = plainText(c.subtitle || c.description, 500) || c.title;
  return {
    '@context': CONTEXT,
    '@type': 'Course',
    name: c.title,
    description,
    url,
    ...(image ? { image } : {}),
    inLanguage: c.language,
    educationalLevel: c.difficulty,
    ...(c.outcomes.length ? { teaches: c.outcomes } : {}),
    ...(c.prerequisites.length ? { coursePrerequisites: c.prerequisites } : {}),
    provider: { '@type': 'Organization', name: site.name, url: `${site.origin}/`, logo: `${site.origin}/favicon.svg` },
    offers: [
      {
        '@type': 'Offer',
        category: c.price.amount === 0 ? 'Free' : 'Paid',
        price: majorUnits(c.price.amount, c.price.currency),
        priceCurrency: c.price.currency,
        availability: 'https://schema.org/InStock',
        url,
      },
    ],
    hasCourseInstance: [
      {
        '@type': 'CourseInstance',
        courseMode: 'Online',
        courseWorkload: `PT${Math.max(c.durationMinutes, 1)}M`,
        instructor: [{ '@type': 'Person', name: c.instructor.displayName }],
      },
    ],
    ...(c.rating.count > 0
      ? {
          aggregateRating: {
            '@type': 'AggregateRating',
            ratingValue: Number(c.rating.average.toFixed(2)),
            ratingCount: c.rating.count,
            bestRating: 5,
            worstRating: 1,
          },
        }
      : {}),
  };
}

/** FAQPage from a course's FAQ (answers are markdown: written as plain text); undefined when there is none. */
export function faqPage(items: FaqList['items'] | { question: string; answer: string }[]): JsonLd | undefined {
  const answered = items.filter((i) => i.question.trim() && i.answer.trim());
  if (!answered.length) return undefined;
  return {
    '@context': CONTEXT,
    '@type': 'FAQPage',
    mainEntity: answered.map((i) => ({
      '@type': 'Question',
      name: i.question,
      acceptedAnswer: { '@type': 'Answer', text: plainText(i.answer) },
    })),
  };
}

/** Article for a blog post (headline, image, author, dates, publisher), from GET /api/blog/posts/:slug. */
export function article(
  site: Site,
  post: {
    slug: string;
    title: string;
    excerpt: string;
    coverUrl: string | null;
    coverWidths: readonly number[];
    author: { name: string };
    category: { name: string } | null;
    tags: readonly string[];
    publishedAt: string;
    updatedAt: string;
  },
): JsonLd {
  const url = `${site.origin}/blog/${encodeURIComponent(post.slug)}`;
  const image = coverImage(site, post.coverUrl, post.coverWidths);
  return {
    '@context': CONTEXT,
    '@type': 'Article',
    headline: post.title.slice(0, 110),
    ...(post.excerpt ? { description: post.excerpt } : {}),
    url,
    mainEntityOfPage: url,
    ...(image ? { image } : {}),
    author: [{ '@type': 'Person', name: post.author.name }],
    datePublished: post.publishedAt,
    dateModified: post.updatedAt > post.publishedAt ? post.updatedAt : post.publishedAt,
    publisher: { '@type': 'Organization', name: site.name, url: `${site.origin}/`, logo: `${site.origin}/favicon.svg` },
    ...(post.category ? { articleSection: post.category.name } : {}),
    ...(post.tags.length ? { keywords: post.tags.join(', ') } : {}),
  };
}
