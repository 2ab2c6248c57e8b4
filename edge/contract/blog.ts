import { z } from 'zod';
import { isoDateTime, uuid } from './primitives.ts';

/**
 * The blog (docs/blog.md): public posts (published and due), their categories and tags, search
 * and pagination, each post with related posts; the newsletter's double opt-in sign-up; the
 * admins' editor (drafts, scheduled publishing, featured posts), categories and subscribers.
 */

export const BLOG_LIMITS = {
  slug: 100,
  title: 160,
  excerpt: 400,
  body: 100_000,
  coverAlt: 200,
  tags: 10,
  tag: 40,
  categoryName: 80,
  categoryDescription: 300,
  q: 100,
  pageSize: 9,
  adminPageSize: 20,
  maxPage: 1000,
  related: 3,
  featured: 3,
  /** Words read per minute, for reading time. */
  wordsPerMinute: 200,
  email: 320,
  /** Newsletter sign-ups per hour per network address. */
  signUpsPerHour: 5,
} as const;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const blogSlug = z.string().max(BLOG_LIMITS.slug).regex(SLUG, 'a slug is lower-case words joined by -');
export const blogTag = z
  .string()
  .trim()
  .toLowerCase()
  .max(BLOG_LIMITS.tag, `a tag is at most ${BLOG_LIMITS.tag} characters`)
  .regex(SLUG, 'a tag is lower-case words joined by -');
/** An object of the public avatars bucket: '<uploader id>/blog-<stamp>-{w}.<ext>'. */
export const coverPath = z
  .string()
  .regex(/^[0-9a-f-]{36}\/blog-[a-z0-9]{1,40}-\{w\}\.(webp|png)$/, 'upload the cover picture again');

/** draft: not public; scheduled: published with a date still to come; published: public. */
export const blogStatus = z.enum(['draft', 'scheduled', 'published']);

export const blogCategoryRef = z.strictObject({ slug: z.string(), name: z.string() });

export const blogPostCard = z.strictObject({
  id: uuid,
  slug: z.string(),
  title: z.string(),
  excerpt: z.string(),
  /** The cover picture's URL with '{w}' for the width, or null. */
  coverUrl: z.string().nullable(),
  coverWidths: z.array(z.int()),
  coverAlt: z.string(),
  author: z.strictObject({ name: z.string() }),
  category: blogCategoryRef.nullable(),
  tags: z.array(z.string()),
  featured: z.boolean(),
  publishedAt: isoDateTime,
  readingMinutes: z.int().min(1),
});

/** GET /api/blog/posts?q=&category=&tag=&page= */
export const blogQuery = z.strictObject({
  q: z.string().trim().max(BLOG_LIMITS.q).optional(),
  category: blogSlug.optional(),
  tag: blogTag.optional(),
  page: z.coerce.number().int().min(1).max(BLOG_LIMITS.maxPage).default(1),
});
export const blogPostList = z.strictObject({
  items: z.array(blogPostCard),
  /** The newest featured posts (at most 3), whatever the filters. */
  featured: z.array(blogPostCard),
  /** Tags of public posts, most used first (at most 30). */
  tags: z.array(z.strictObject({ tag: z.string(), count: z.int() })),
  page: z.int().min(1),
  pageSize: z.int().min(1),
  total: z.int().min(0),
  pageCount: z.int().min(1),
});

/** GET /api/blog/posts/:slug: the post (Markdown body) and up to 3 related posts (shared tags, then category). */
export const blogPost = blogPostCard.extend({
  bodyMd: z.string(),
  updatedAt: isoDateTime,
  related: z.array(blogPostCard),
});

export const blogCategory = z.strictObject({
  id: uuid,
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  /** Public posts in it. */
  count: z.int().min(0),
});
/** GET /api/blog/categories: the categories holding a public post, in order. */
export const blogCategoryList = z.strictObject({ items: z.array(blogCategory) });

// ---------------------------------------------------------------------------
// Newsletter

/** POST /api/newsletter (202). `website` is the honeypot: people leave it empty. */
export const newsletterSignUpInput = z.strictObject({
  email: z
    .string()
    .trim()
    .max(BLOG_LIMITS.email)
    .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'enter a valid email address'),
  website: z.string().max(500).optional(),
});
export const newsletterAccepted = z.strictObject({ accepted: z.literal(true) });
/** POST /api/newsletter/confirm: the token from the mailed link. */
export const newsletterConfirmInput = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'this confirmation link is not valid'),
});
export const newsletterConfirmed = z.strictObject({ confirmed: z.literal(true), confirmedAt: isoDateTime });

// ---------------------------------------------------------------------------
// Admin

const text = (max: number, what: string) =>
  z.string().trim().min(1, `enter ${what}`).max(max, `${what} is at most ${max} characters`);

export const adminBlogQuery = z.strictObject({
  q: z.string().trim().max(BLOG_LIMITS.q).optional(),
  status: z.enum(['all', 'draft', 'scheduled', 'published']).default('all'),
  page: z.coerce.number().int().min(1).max(BLOG_LIMITS.maxPage).default(1),
});

export const adminBlogPost = z.strictObject({
  id: uuid,
  slug: z.string(),
  title: z.string(),
  excerpt: z.string(),
  bodyMd: z.string(),
  coverPath: z.string().nullable(),
  coverUrl: z.string().nullable(),
  coverWidths: z.array(z.int()),
  coverAlt: z.string(),
  authorName: z.string(),
  categoryId: uuid.nullable(),
  tags: z.array(z.string()),
  featured: z.boolean(),
  status: blogStatus,
  publishedAt: isoDateTime.nullable(),
  readingMinutes: z.int().min(1),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** When the post was mailed to the newsletter's subscribers (null: not yet). */
  newsletterSentAt: isoDateTime.nullable(),
});
export const adminBlogPostList = z.strictObject({
  items: z.array(adminBlogPost),
  page: z.int().min(1),
  pageSize: z.int().min(1),
  total: z.int().min(0),
});

/**
 * POST /api/admin/blog/posts. `status`: 'draft' keeps it private; 'published' with `publishedAt`
 * in the future schedules it, without one publishes it now.
 */
export const adminBlogPostInput = z.strictObject({
  slug: blogSlug,
  title: text(BLOG_LIMITS.title, 'a title'),
  excerpt: z
    .string()
    .trim()
    .max(BLOG_LIMITS.excerpt, `an excerpt is at most ${BLOG_LIMITS.excerpt} characters`)
    .default(''),
  bodyMd: text(BLOG_LIMITS.body, 'the post'),
  coverPath: coverPath.nullable().default(null),
  coverWidths: z.array(z.int().min(16).max(4096)).max(4).default([]),
  coverAlt: z.string().trim().max(BLOG_LIMITS.coverAlt).default(''),
  categoryId: uuid.nullable().default(null),
  tags: z
    .array(blogTag)
    .max(BLOG_LIMITS.tags, `at most ${BLOG_LIMITS.tags} tags`)
    .default([])
    .refine((tags) => new Set(tags).size === tags.length, 'a tag is given once'),
  featured: z.boolean().default(false),
  status: z.enum(['draft', 'published']).default('draft'),
  publishedAt: isoDateTime.nullable().default(null),
});
/** PATCH /api/admin/blog/posts/:id: some of the fields. */
export const adminBlogPostPatch = z
  .strictObject({
    slug: blogSlug,
    title: text(BLOG_LIMITS.title, 'a title'),
    excerpt: z.string().trim().max(BLOG_LIMITS.excerpt),
    bodyMd: text(BLOG_LIMITS.body, 'the post'),
    coverPath: coverPath.nullable(),
    coverWidths: z.array(z.int().min(16).max(4096)).max(4),
    coverAlt: z.string().trim().max(BLOG_LIMITS.coverAlt),
    categoryId: uuid.nullable(),
    tags: z
      .array(blogTag)
      .max(BLOG_LIMITS.tags)
      .refine((tags) => new Set(tags).size === tags.length, 'a tag is given once'),
    featured: z.boolean(),
    status: z.enum(['draft', 'published']),
    publishedAt: isoDateTime.nullable(),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'change at least one field');

export const adminBlogCategory = blogCategory.extend({ position: z.int(), posts: z.int().min(0) });
export const adminBlogCategoryList = z.strictObject({ items: z.array(adminBlogCategory) });
export const adminBlogCategoryInput = z.strictObject({
  slug: z.string().max(60).regex(SLUG, 'a slug is lower-case words joined by -'),
  name: text(BLOG_LIMITS.categoryName, 'a name'),
  description: z.string().trim().max(BLOG_LIMITS.categoryDescription).default(''),
  position: z.int().min(0).max(10_000).default(0),
});
export const adminBlogCategoryPatch = z
  .strictObject({
    slug: z.string().max(60).regex(SLUG, 'a slug is lower-case words joined by -'),
    name: text(BLOG_LIMITS.categoryName, 'a name'),
    description: z.string().trim().max(BLOG_LIMITS.categoryDescription),
    position: z.int().min(0).max(10_000),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'change at least one field');

export const newsletterStatus = z.enum(['confirmed', 'pending', 'unsubscribed']);
export const adminNewsletterQuery = z.strictObject({
  q: z.string().trim().max(BLOG_LIMITS.q).optional(),
  status: z.enum(['all', 'confirmed', 'pending', 'unsubscribed']).default('all'),
  page: z.coerce.number().int().min(1).max(BLOG_LIMITS.maxPage).default(1),
});
export const adminSubscriber = z.strictObject({
  id: uuid,
  email: z.string(),
  status: newsletterStatus,
  createdAt: isoDateTime,
  confirmedAt: isoDateTime.nullable(),
});
export const adminSubscriberList = z.strictObject({
  items: z.array(adminSubscriber),
  page: z.int().min(1),
  pageSize: z.int().min(1),
  total: z.int().min(0),
});

export type BlogStatus = z.infer<typeof blogStatus>;
export type BlogPostCard = z.infer<typeof blogPostCard>;
export type BlogQuery = z.infer<typeof blogQuery>;
export type BlogPostList = z.infer<typeof blogPostList>;
export type BlogPost = z.infer<typeof blogPost>;
export type BlogCategory = z.infer<typeof blogCategory>;
export type BlogCategoryList = z.infer<typeof blogCategoryList>;
export type NewsletterSignUpInput = z.infer<typeof newsletterSignUpInput>;
export type NewsletterConfirmed = z.infer<typeof newsletterConfirmed>;
export type AdminBlogQuery = z.infer<typeof adminBlogQuery>;
export type AdminBlogPost = z.infer<typeof adminBlogPost>;
export type AdminBlogPostList = z.infer<typeof adminBlogPostList>;
export type AdminBlogPostInput = z.input<typeof adminBlogPostInput>;
export type AdminBlogPostValues = z.infer<typeof adminBlogPostInput>;
export type AdminBlogPostPatch = z.infer<typeof adminBlogPostPatch>;
export type AdminBlogCategory = z.infer<typeof adminBlogCategory>;
export type AdminBlogCategoryList = z.infer<typeof adminBlogCategoryList>;
export type AdminBlogCategoryInput = z.input<typeof adminBlogCategoryInput>;
export type AdminBlogCategoryPatch = z.infer<typeof adminBlogCategoryPatch>;
export type NewsletterStatus = z.infer<typeof newsletterStatus>;
export type AdminNewsletterQuery = z.infer<typeof adminNewsletterQuery>;
export type AdminSubscriber = z.infer<typeof adminSubscriber>;
export type AdminSubscriberList = z.infer<typeof adminSubscriberList>;
