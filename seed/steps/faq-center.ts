import { CONTACT_MESSAGES, FAQ_ARTICLES, FAQ_THEMES, FAQ_VOTES } from '../data/faq.ts';
import { ids, seedId } from '../ids.ts';
import type { SeedStep } from './context.ts';

/**
 * The FAQ center (/faq): the five themes and their published articles, a few "was this helpful?"
 * votes from demo accounts and three contact messages (one handled) for the admins' inbox. Added
 * once, never changed: a second run leaves every row as it is, so an admin's edits are kept.
 */
export const seedFaqCenter: SeedStep = async (sql, ctx) => {
  for (const [i, theme] of FAQ_THEMES.entries()) {
    await sql.query(
      `insert into public.faq_themes (id, slug, title, description, position) values ($1, $2, $3, $4, $5)
       on conflict do nothing`,
      [seedId(`faq-theme:${theme.slug}`), theme.slug, theme.title, theme.description, i + 1],
    );
  }
  const positions = new Map<string, number>();
  for (const article of FAQ_ARTICLES) {
    const position = (positions.get(article.theme) ?? 0) + 1;
    positions.set(article.theme, position);
    await sql.query(
      `insert into public.faq_articles (id, theme_id, question, answer, position, published)
       select $1, t.id, $3, $4, $5, true from public.faq_themes t where t.slug = $2
       on conflict do nothing`,
      [seedId(`faq-article:${article.key}`), article.theme, article.question, article.answer, position],
    );
  }
  for (const [email, key, helpful] of FAQ_VOTES) {
    await sql.query(
      `insert into public.faq_feedback (id, article_id, user_id, helpful)
       select $1, a.id, p.id, $4 from public.faq_articles a, public.profiles p where a.id = $2 and p.id = $3
       on conflict do nothing`,
      [seedId(`faq-vote:${email}:${key}`), seedId(`faq-article:${key}`), ids.user(email), helpful],
    );
  }
  for (const m of CONTACT_MESSAGES) {
    const at = new Date(ctx.now.getTime() - m.hoursAgo * 3_600_000);
    await sql.query(
      `insert into public.contact_messages (id, name, email, topic, message, user_id, sender_key, created_at, handled_at)
       values ($1, $2, $3, $4, $5, (select p.id from public.profiles p where p.id = $6), 'demo-seed', $7, $8)
       on conflict do nothing`,
      [
        seedId(`contact-message:${m.key}`),
        m.name,
        m.email,
        m.topic,
        m.message,
        m.fromAccount ? ids.user(m.fromAccount) : null,
        at.toISOString(),
        m.handled ? new Date(at.getTime() + 2 * 3_600_000).toISOString() : null,
      ],
    );
  }
};
