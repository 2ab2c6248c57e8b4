import { z } from 'zod';
import { isoDateTime, uuid } from './primitives.ts';

/**
 * The FAQ center (/faq, docs/faq-center.md): themes with their published articles (answers in
 * Markdown), instant search, "was this helpful?" votes and the contact form; the admins' article
 * editor and contact messages inbox.
 */

export const FAQ_CENTER_LIMITS = {
  question: 300,
  answer: 10_000,
  search: { q: 100, results: 20 },
  contact: { name: 200, email: 320, message: { min: 10, max: 5000 } },
  messages: { pageSize: 20, maxPageSize: 100, maxPage: 10_000 },
  /** Contact messages per hour per network address and per signed-in sender. */
  contactPerHour: 5,
} as const;

export const FAQ_THEME_SLUGS = ['payments', 'courses', 'accounts', 'companies', 'certificates'] as const;
export const contactTopic = z.enum([...FAQ_THEME_SLUGS, 'other']);

export const faqArticle = z.strictObject({
  id: uuid,
  question: z.string(),
  /** Markdown. */
  answer: z.string(),
  position: z.int(),
});

export const faqTheme = z.strictObject({
  id: uuid,
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  articles: z.array(faqArticle),
});

/** GET /api/faq: the themes in order, each with its published articles in order (themes without one left out). */
export const faqCenter = z.strictObject({ themes: z.array(faqTheme) });

/** GET /api/faq/search?q= */
export const faqSearchQuery = z.strictObject({
  q: z.string().trim().min(1, 'type something to search for').max(FAQ_CENTER_LIMITS.search.q),
});
export const faqSearchResult = faqArticle.extend({
  theme: z.strictObject({ slug: z.string(), title: z.string() }),
});
export const faqSearchResults = z.strictObject({
  q: z.string(),
  /** Best first, at most 20. */
  results: z.array(faqSearchResult).max(FAQ_CENTER_LIMITS.search.results),
});

/** POST /api/faq/articles/:id/feedback. Visitors send the random key their browser keeps; signed-in users need none. */
export const faqFeedbackInput = z.strictObject({
  helpful: z.boolean(),
  browserKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/, 'a browser key is 16 to 64 letters, digits, - or _')
    .optional(),
});
export const faqFeedbackResult = z.strictObject({ articleId: uuid, helpful: z.boolean() });

const trimmed = (min: number, max: number, what: string) =>
  z
    .string()
    .trim()
    .min(min, min > 1 ? `${what} is at least ${min} characters` : `enter ${what}`)
    .max(max, `${what} is at most ${max} characters`);

/** POST /api/contact (202). `website` is the honeypot: people leave it empty. */
export const contactInput = z.strictObject({
  name: trimmed(1, FAQ_CENTER_LIMITS.contact.name, 'your name'),
  email: z
    .string()
    .trim()
    .max(FAQ_CENTER_LIMITS.contact.email)
    .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'enter a valid email address'),
  topic: contactTopic,
  message: trimmed(FAQ_CENTER_LIMITS.contact.message.min, FAQ_CENTER_LIMITS.contact.message.max, 'your message'),
  website: z.string().max(500).optional(),
});
export const contactAccepted = z.strictObject({ accepted: z.literal(true) });

// ---------------------------------------------------------------------------
// Admin

export const adminFaqArticle = faqArticle.extend({
  themeId: uuid,
  published: z.boolean(),
  helpful: z.int().min(0),
  notHelpful: z.int().min(0),
  updatedAt: isoDateTime,
});
export const adminFaqThemeRef = z.strictObject({ id: uuid, slug: z.string(), title: z.string() });
/** GET /api/admin/faq/articles: every article (drafts too), by theme and position, and every theme. */
export const adminFaqArticleList = z.strictObject({
  themes: z.array(adminFaqThemeRef),
  items: z.array(adminFaqArticle),
});

const question = trimmed(1, FAQ_CENTER_LIMITS.question, 'the question');
const answer = trimmed(1, FAQ_CENTER_LIMITS.answer, 'the answer');

/** POST /api/admin/faq/articles (201): added at the end of its theme. */
export const adminFaqArticleInput = z.strictObject({
  themeId: uuid,
  question,
  answer,
  published: z.boolean().default(false),
});
/** PATCH /api/admin/faq/articles/:id */
export const adminFaqArticlePatch = z
  .strictObject({
    themeId: uuid.optional(),
    question: question.optional(),
    answer: answer.optional(),
    published: z.boolean().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'change something');
/** POST /api/admin/faq/articles/reorder: every article of one theme, in the new order. */
export const adminFaqReorder = z.strictObject({ themeId: uuid, ids: z.array(uuid).min(1).max(500) });

export const adminContactQuery = z.strictObject({
  status: z.enum(['open', 'handled', 'all']).default('open'),
  page: z.coerce.number().int().min(1).max(FAQ_CENTER_LIMITS.messages.maxPage).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(FAQ_CENTER_LIMITS.messages.maxPageSize)
    .default(FAQ_CENTER_LIMITS.messages.pageSize),
});
export const adminContactMessage = z.strictObject({
  id: uuid,
  name: z.string(),
  email: z.string(),
  topic: contactTopic,
  message: z.string(),
  userId: uuid.nullable(),
  createdAt: isoDateTime,
  handledAt: isoDateTime.nullable(),
});
export const adminContactMessageList = z.strictObject({
  items: z.array(adminContactMessage),
  page: z.int().min(1),
  pageSize: z.int().min(1),
  total: z.int().min(0),
});

export type ContactTopic = z.infer<typeof contactTopic>;
export type FaqArticle = z.infer<typeof faqArticle>;
export type FaqTheme = z.infer<typeof faqTheme>;
export type FaqCenter = z.infer<typeof faqCenter>;
export type FaqSearchResult = z.infer<typeof faqSearchResult>;
export type FaqSearchResults = z.infer<typeof faqSearchResults>;
export type FaqFeedbackInput = z.infer<typeof faqFeedbackInput>;
export type FaqFeedbackResult = z.infer<typeof faqFeedbackResult>;
export type ContactInput = z.infer<typeof contactInput>;
export type AdminFaqArticle = z.infer<typeof adminFaqArticle>;
export type AdminFaqArticleList = z.infer<typeof adminFaqArticleList>;
export type AdminFaqArticleInput = z.input<typeof adminFaqArticleInput>;
export type AdminFaqArticlePatch = z.infer<typeof adminFaqArticlePatch>;
export type AdminFaqReorder = z.infer<typeof adminFaqReorder>;
export type AdminContactMessage = z.infer<typeof adminContactMessage>;
export type AdminContactMessageList = z.infer<typeof adminContactMessageList>;
