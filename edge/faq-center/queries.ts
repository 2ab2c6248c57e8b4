import type {
  AdminContactMessage,
  AdminContactMessageList,
  AdminFaqArticle,
  AdminFaqArticleList,
  ContactTopic,
  FaqCenter,
  FaqSearchResult,
} from '../api-types.ts';
import { iso } from '../catalog/rows.ts';
import { FAQ_CENTER_LIMITS } from '../contract/faq-center.ts';
import type { Sql } from '../db/port.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';

/**
 * The FAQ center's reads and writes (migration 20261128000200). Reads and admin writes run as the
 * caller, under RLS; votes go through public.give_faq_feedback, contact messages through
 * private.submit_contact_message (as service_role, see routes.ts).
 */

interface ArticleRow {
  id: string;
  theme_id: string;
  question: string;
  answer: string;
  position: number;
}

/** GET /api/faq: the themes holding a published article, each with them, in order. */
export async function faqCenter(sql: Sql): Promise<FaqCenter> {
  const themes = await sql.query<{ id: string; slug: string; title: string; description: string }>(
    'select id, slug, title, description from public.faq_themes order by position, slug',
  );
  const articles = await sql.query<ArticleRow>(
    `select id, theme_id, question, answer, position from public.faq_articles
     where published order by position, created_at, id`,
  );
  return {
    themes: themes
      .map((t) => ({
        ...t,
        articles: articles
          .filter((a) => a.theme_id === t.id)
          .map((a) => ({ id: a.id, question: a.question, answer: a.answer, position: Number(a.position) })),
      }))
      .filter((t) => t.articles.length > 0),
  };
}

/**
 * The words of a search as a prefix tsquery ('refu pay' → 'refu:* & pay:*'): letters and digits
 * only, so nothing the visitor types is read as tsquery syntax. Empty when no word is left.
 */
export function prefixQuery(q: string): string {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)]
    .slice(0, 8)
    .map((w) => `${w.slice(0, 40)}:*`)
    .join(' & ');
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * GET /api/faq/search: published articles whose question or answer matches every word (as a
 * prefix, stemmed) or holds the text as typed, best first: full-text rank (a question match
 * weighs more than an answer's), then a question holding the text, then the theme's order.
 */
export async function searchFaq(sql: Sql, q: string): Promise<FaqSearchResult[]> {
  const tsq = prefixQuery(q);
  const rows = await sql.query<ArticleRow & { slug: string; title: string }>(
    `with query as (select case when $1 = '' then null else to_tsquery('english', $1) end as tsq)
     select a.id, a.theme_id, a.question, a.answer, a.position, t.slug, t.title
     from public.faq_articles a join public.faq_themes t on t.id = a.theme_id, query
     where a.published
       and ((query.tsq is not null and a.search @@ query.tsq) or a.question ilike $2 or a.answer ilike $2)
     order by coalesce(ts_rank(a.search, query.tsq), 0) + (a.question ilike $2)::int desc,
              t.position, a.position, a.id
     limit $3`,
    [tsq, likePattern(q), FAQ_CENTER_LIMITS.search.results],
  );
  return rows.map((r) => ({
    id: r.id,
    question: r.question,
    answer: r.answer,
    position: Number(r.position),
    theme: { slug: r.slug, title: r.title },
  }));
}

export async function giveFeedback(
  sql: Sql,
  articleId: string,
  helpful: boolean,
  browserKey: string | null,
): Promise<{ articleId: string; helpful: boolean }> {
  const [row] = await sql.query<{ r: { articleId: string; helpful: boolean } }>(
    'select public.give_faq_feedback($1, $2, $3) as r',
    [articleId, helpful, browserKey],
  );
  return row!.r;
}

export interface ContactSubmission {
  sender: string | null;
  senderKey: string;
  name: string;
  email: string;
  topic: ContactTopic;
  message: string;
}

/** Stores a contact message (rate-limited in the database) and answers the admins' addresses. */
export async function submitContact(
  sql: Sql,
  m: ContactSubmission,
): Promise<{ id: string; recipients: string[]; createdAt?: string }> {
  const [row] = await sql.query<{ r: { id: string; recipients: string[] } }>(
    'select private.submit_contact_message($1, $2, $3, $4, $5, $6) as r',
    [m.sender, m.senderKey, m.name, m.email, m.topic, m.message],
  );
  return row!.r;
}

// ---------------------------------------------------------------------------
// Admin

/** Refuses unless the caller is an admin (the writes after it run under RLS all the same). */
export async function requireFaqAdmin(sql: Sql, userId: string): Promise<void> {
  const [row] = await sql.query<{ role: string }>('select role::text as role from public.profiles where id = $1', [
    userId,
  ]);
  if (row?.role !== 'admin') throw forbidden('only admins manage the FAQ center');
}

interface AdminArticleRow extends ArticleRow {
  published: boolean;
  helpful: number;
  not_helpful: number;
  updated_at: unknown;
}

const ADMIN_ARTICLE = `
  select a.id, a.theme_id, a.question, a.answer, a.position, a.published, a.updated_at,
         (select count(*) from public.faq_feedback f where f.article_id = a.id and f.helpful)::int as helpful,
         (select count(*) from public.faq_feedback f where f.article_id = a.id and not f.helpful)::int as not_helpful
  from public.faq_articles a`;

const toAdminArticle = (r: AdminArticleRow): AdminFaqArticle => ({
  id: r.id,
  themeId: r.theme_id,
  question: r.question,
  answer: r.answer,
  position: Number(r.position),
  published: r.published,
  helpful: Number(r.helpful),
  notHelpful: Number(r.not_helpful),
  updatedAt: iso(r.updated_at)!,
});

export async function adminArticles(sql: Sql): Promise<AdminFaqArticleList> {
  const themes = await sql.query<{ id: string; slug: string; title: string }>(
    'select id, slug, title from public.faq_themes order by position, slug',
  );
  const items = await sql.query<AdminArticleRow>(
    `${ADMIN_ARTICLE} join public.faq_themes t on t.id = a.theme_id order by t.position, t.slug, a.position, a.id`,
  );
  return { themes, items: items.map(toAdminArticle) };
}

async function adminArticle(sql: Sql, id: string): Promise<AdminFaqArticle> {
  const [row] = await sql.query<AdminArticleRow>(`${ADMIN_ARTICLE} where a.id = $1`, [id]);
  if (!row) throw notFound('article');
  return toAdminArticle(row);
}

async function requireTheme(sql: Sql, themeId: string): Promise<void> {
  const [row] = await sql.query('select 1 from public.faq_themes where id = $1', [themeId]);
  if (!row) throw new AppError(422, 'unknown_theme', 'choose one of the FAQ themes');
}

export async function createArticle(
  sql: Sql,
  input: { themeId: string; question: string; answer: string; published: boolean },
): Promise<AdminFaqArticle> {
  await requireTheme(sql, input.themeId);
  const [row] = await sql.query<{ id: string }>(
    `insert into public.faq_articles (theme_id, question, answer, published, position)
     values ($1, $2, $3, $4,
             (select coalesce(max(position), 0) + 1 from public.faq_articles where theme_id = $1))
     returning id`,
    [input.themeId, input.question, input.answer, input.published],
  );
  return adminArticle(sql, row!.id);
}

export async function updateArticle(
  sql: Sql,
  id: string,
  patch: { themeId?: string; question?: string; answer?: string; published?: boolean },
): Promise<AdminFaqArticle> {
  if (patch.themeId) await requireTheme(sql, patch.themeId);
  const rows = await sql.query(
    `update public.faq_articles a set
       theme_id = coalesce($2, a.theme_id),
       question = coalesce($3, a.question),
       answer = coalesce($4, a.answer),
       published = coalesce($5, a.published),
       position = case when $2::uuid is not null and $2::uuid <> a.theme_id
         then (select coalesce(max(b.position), 0) + 1 from public.faq_articles b where b.theme_id = $2::uuid)
         else a.position end
     where a.id = $1 returning a.id`,
    [id, patch.themeId ?? null, patch.question ?? null, patch.answer ?? null, patch.published ?? null],
  );
  if (rows.length === 0) throw notFound('article');
  return adminArticle(sql, id);
}

export async function deleteArticle(sql: Sql, id: string): Promise<void> {
  const rows = await sql.query('delete from public.faq_articles where id = $1 returning id', [id]);
  if (rows.length === 0) throw notFound('article');
}

/** Puts every article of a theme in the given order (positions 1..n), in one statement. */
export async function reorderArticles(sql: Sql, themeId: string, ids: string[]): Promise<AdminFaqArticleList> {
  await requireTheme(sql, themeId);
  const current = await sql.query<{ id: string }>('select id from public.faq_articles where theme_id = $1', [themeId]);
  const have = new Set(current.map((r) => r.id));
  const want = new Set(ids.map((i) => i.toLowerCase()));
  if (want.size !== ids.length || want.size !== have.size || [...want].some((i) => !have.has(i))) {
    throw new AppError(422, 'invalid_order', 'send every article of the theme once, in the new order');
  }
  await sql.query(
    `update public.faq_articles a set position = o.ord
     from unnest($2::uuid[]) with ordinality as o(id, ord)
     where a.id = o.id and a.theme_id = $1 and a.position is distinct from o.ord`,
    [themeId, [...want]],
  );
  return adminArticles(sql);
}

interface MessageRow {
  id: string;
  name: string;
  email: string;
  topic: ContactTopic;
  message: string;
  user_id: string | null;
  created_at: unknown;
  handled_at: unknown;
  total: number;
}

const toMessage = (r: MessageRow): AdminContactMessage => ({
  id: r.id,
  name: r.name,
  email: r.email,
  topic: r.topic,
  message: r.message,
  userId: r.user_id,
  createdAt: iso(r.created_at)!,
  handledAt: iso(r.handled_at),
});

export async function contactMessages(
  sql: Sql,
  query: { status: 'open' | 'handled' | 'all'; page: number; pageSize: number },
): Promise<AdminContactMessageList> {
  const rows = await sql.query<MessageRow>(
    `select id, name, email, topic, message, user_id, created_at, handled_at, count(*) over ()::int as total
     from public.contact_messages
     where $1 = 'all' or ($1 = 'open') = (handled_at is null)
     order by created_at desc, id
     limit $2 offset $3`,
    [query.status, query.pageSize, (query.page - 1) * query.pageSize],
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && query.page > 1) {
    const [row] = await sql.query<{ n: number }>(
      `select count(*)::int as n from public.contact_messages
       where $1 = 'all' or ($1 = 'open') = (handled_at is null)`,
      [query.status],
    );
    total = row?.n ?? 0;
  }
  return { items: rows.map(toMessage), page: query.page, pageSize: query.pageSize, total: Number(total) };
}

export async function markHandled(sql: Sql, id: string, userId: string): Promise<AdminContactMessage> {
  const [row] = await sql.query<MessageRow>(
    `update public.contact_messages set handled_at = coalesce(handled_at, now()), handled_by = coalesce(handled_by, $2)
     where id = $1
     returning id, name, email, topic, message, user_id, created_at, handled_at, 0 as total`,
    [id, userId],
  );
  if (!row) throw notFound('message');
  return toMessage(row);
}
