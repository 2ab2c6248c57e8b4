import { z } from 'zod';
import { courseCard } from './catalog.ts';
import { bundleCard } from './checkout.ts';
import { isoDateTime, uuid } from './primitives.ts';

/**
 * Site content (docs/site-content.md): the homepage record admins manage (hero, call to action,
 * featured courses and bundles, testimonials) and the legal pages (terms, privacy, refund policy).
 */

export const SITE_LIMITS = {
  heroTitle: 120,
  heroText: 600,
  ctaLabel: 40,
  ctaHref: 300,
  featuredCourses: 12,
  featuredBundles: 6,
  testimonials: 12,
  quote: 500,
  name: 80,
  role: 80,
  legalTitle: 120,
  legalBody: 50_000,
} as const;

export const LEGAL_SLUGS = ['terms', 'privacy', 'refund-policy'] as const;
export const legalSlug = z.enum(LEGAL_SLUGS);

const text = (max: number, what: string) =>
  z.string().trim().min(1, `enter ${what}`).max(max, `${what} is at most ${max} characters`);

/** A path on this site (`/courses`) or an https address. */
export const ctaHref = z
  .string()
  .trim()
  .max(SITE_LIMITS.ctaHref)
  .regex(/^(\/([^/\\].*)?|https:\/\/\S+)$/, 'a link is a path on this site (/courses) or an https:// address');

export const testimonial = z.strictObject({
  quote: text(SITE_LIMITS.quote, 'a quote'),
  name: text(SITE_LIMITS.name, 'a name'),
  role: z.string().trim().max(SITE_LIMITS.role, `a role is at most ${SITE_LIMITS.role} characters`),
});

export const siteHero = z.strictObject({
  title: z.string(),
  text: z.string(),
  ctaLabel: z.string(),
  ctaHref: z.string(),
});

/** GET /api/site/home: the hero, the featured items that are on sale (as catalog cards) and the testimonials, in order. */
export const siteHome = z.strictObject({
  hero: siteHero,
  featuredCourses: z.array(courseCard),
  featuredBundles: z.array(bundleCard),
  testimonials: z.array(testimonial.extend({ position: z.int().min(1) })),
});

/** PUT /api/admin/site/home: the whole record. Featured ids must be published courses / bundles (422 otherwise). */
export const siteHomeInput = z.strictObject({
  hero: z.strictObject({
    title: text(SITE_LIMITS.heroTitle, 'a hero title'),
    text: text(SITE_LIMITS.heroText, 'a hero text'),
    ctaLabel: text(SITE_LIMITS.ctaLabel, 'a button label'),
    ctaHref,
  }),
  featuredCourseIds: z
    .array(uuid)
    .max(SITE_LIMITS.featuredCourses)
    .refine((ids) => new Set(ids.map((i) => i.toLowerCase())).size === ids.length, 'a course is featured once'),
  featuredBundleIds: z
    .array(uuid)
    .max(SITE_LIMITS.featuredBundles)
    .refine((ids) => new Set(ids.map((i) => i.toLowerCase())).size === ids.length, 'a bundle is featured once'),
  testimonials: z.array(testimonial).max(SITE_LIMITS.testimonials),
});

/** GET/PUT /api/admin/site/home: the record as saved (ids, drafts included), who saved it and when. */
export const adminSiteHome = z.strictObject({
  hero: siteHero,
  featuredCourseIds: z.array(uuid),
  featuredBundleIds: z.array(uuid),
  testimonials: z.array(testimonial),
  updatedAt: isoDateTime,
});

/** GET /api/site/legal/:slug (published pages), PUT /api/admin/site/legal/:slug. Body is Markdown. */
export const legalPage = z.strictObject({
  slug: legalSlug,
  title: z.string(),
  body: z.string(),
  published: z.boolean(),
  updatedAt: isoDateTime,
});
export const legalPageList = z.strictObject({ items: z.array(legalPage) });

export const legalPageInput = z.strictObject({
  title: text(SITE_LIMITS.legalTitle, 'a title'),
  body: text(SITE_LIMITS.legalBody, 'the page text'),
  published: z.boolean().default(true),
});

export type LegalSlug = z.infer<typeof legalSlug>;
export type Testimonial = z.infer<typeof testimonial>;
export type SiteHero = z.infer<typeof siteHero>;
export type SiteHome = z.infer<typeof siteHome>;
export type SiteHomeInput = z.infer<typeof siteHomeInput>;
export type AdminSiteHome = z.infer<typeof adminSiteHome>;
export type LegalPage = z.infer<typeof legalPage>;
export type LegalPageList = z.infer<typeof legalPageList>;
export type LegalPageInput = z.input<typeof legalPageInput>;
