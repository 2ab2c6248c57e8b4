import type { HostDatabase } from '../../server/db/types.ts';
import { USER } from './fixtures.ts';

/**
 * The FAQ center part of the RLS matrix's fixtures (migration 20261128000200): two themes, a
 * published article and a draft in the first, the student's and an anonymous browser's votes on
 * the published one, and two contact messages (the student's, handled by the admin, and a
 * visitor's). Rows are the owner's, with fixed ids. faq-center.test.ts covers the functions.
 */

const id = (group: number, n: number) =>
  `00000000-0000-4000-8${group.toString().padStart(3, '0')}-${n.toString().padStart(12, '0')}`;

export const FAQ_THEME = { payments: id(90, 1), courses: id(90, 2) };
export const FAQ_ARTICLE = { published: id(91, 1), draft: id(91, 2) };
export const CONTACT_MESSAGE = { student: id(92, 1), visitor: id(92, 2) };
export const FAQ_BROWSER_KEY = 'fixture-browser-key-0001';

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function seedFaqFixtures(db: HostDatabase): Promise<void> {
  await db.runScript(`
    insert into public.faq_themes (id, slug, title, position) values
      (${q(FAQ_THEME.payments)}, 'payments', 'Payments', 1),
      (${q(FAQ_THEME.courses)}, 'courses', 'Courses', 2);
    insert into public.faq_articles (id, theme_id, question, answer, position, published) values
      (${q(FAQ_ARTICLE.published)}, ${q(FAQ_THEME.payments)}, 'How do refunds work?', 'Ask within **30 days**.', 1, true),
      (${q(FAQ_ARTICLE.draft)}, ${q(FAQ_THEME.payments)}, 'Do you take cheques?', 'Not yet.', 2, false);
    insert into public.faq_feedback (article_id, user_id, browser_key, helpful) values
      (${q(FAQ_ARTICLE.published)}, ${q(USER.student)}, null, true),
      (${q(FAQ_ARTICLE.published)}, null, ${q(FAQ_BROWSER_KEY)}, false);
    insert into public.contact_messages (id, name, email, topic, message, user_id, sender_key, handled_at, handled_by) values
      (${q(CONTACT_MESSAGE.student)}, 'Sam Student', 'student@test.local', 'payments', 'Where is my invoice, please?',
       ${q(USER.student)}, 'fixture-key-1', now(), ${q(USER.admin)}),
      (${q(CONTACT_MESSAGE.visitor)}, 'Vic Visitor', 'vic@test.local', 'companies', 'Do you sell seats to schools?',
       null, 'fixture-key-2', null, null);
  `);
}
