import { Hono } from 'hono';
import { clientKey } from '../commerce/companies/rate-limit.ts';
import {
  adminContactQuery,
  adminFaqArticleInput,
  adminFaqArticlePatch,
  adminFaqReorder,
  contactInput,
  faqFeedbackInput,
  faqSearchQuery,
} from '../contract/faq-center.ts';
import type { Database, Sql } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { badRequest } from '../http/errors.ts';
import { jsonBody, param, queryParams, uuid } from '../http/validate.ts';
import type { Mailer } from '../mail/port.ts';
import { mailAdmins } from './contact-mail.ts';
import {
  adminArticles,
  contactMessages,
  createArticle,
  deleteArticle,
  faqCenter,
  giveFeedback,
  markHandled,
  reorderArticles,
  requireFaqAdmin,
  searchFaq,
  submitContact,
  updateArticle,
} from './queries.ts';
import { senderKey } from './sender-key.ts';

export interface FaqCenterDeps {
  db: Database;
  /** Contact messages are mailed to the admins through it after the message is stored. */
  mailer?: Mailer;
  /** The site's origin, for the inbox link in the admins' mail. */
  siteUrl: string;
}

/**
 * The FAQ center (docs/faq-center.md): the public FAQ, its search and votes, the contact form
 * (honeypot, rate limit in the database, stored then mailed to the admins) and the admins' editor
 * and inbox.
 */
export function faqCenterRoutes({ db, mailer, siteUrl }: FaqCenterDeps): Hono<Env> {
  const app = new Hono<Env>();
  const articleId = (c: Parameters<typeof param>[0]) => param(c, 'id', uuid, badRequest('article id must be a UUID'));

  app.get('/faq', async (c) => c.json(await asCaller(db, c, faqCenter)));

  app.get('/faq/search', async (c) => {
    const { q } = queryParams(c, faqSearchQuery);
    const results = await asCaller(db, c, (sql) => searchFaq(sql, q));
    return c.json({ q, results });
  });

  app.post('/faq/articles/:id/feedback', async (c) => {
    const id = articleId(c);
    const { helpful, browserKey } = await jsonBody(c, faqFeedbackInput);
    const signedIn = c.get('caller').role === 'authenticated';
    if (!signedIn && !browserKey) throw badRequest('send a browserKey to vote without signing in');
    return c.json(await asCaller(db, c, (sql) => giveFeedback(sql, id, helpful, signedIn ? null : browserKey!)));
  });

  app.post('/contact', async (c) => {
    const body = await jsonBody(c, contactInput);
    // The honeypot: people never see the field, bots fill it. Accepted alike, kept nowhere.
    if (body.website?.trim()) return c.json({ accepted: true }, 202);
    const caller = c.get('caller');
    const sender = caller.role === 'authenticated' ? caller.claims.sub : null;
    const key = await senderKey(clientKey(c.req.raw.headers));
    const stored = await db.asService((sql) =>
      submitContact(sql, {
        sender,
        senderKey: key,
        name: body.name,
        email: body.email,
        topic: body.topic,
        message: body.message,
      }),
    );
    await mailAdmins(mailer, stored.recipients, {
      name: body.name,
      email: body.email,
      topic: body.topic,
      message: body.message,
      inboxUrl: `${siteUrl.replace(/\/$/, '')}/admin/faq#messages`,
    });
    return c.json({ accepted: true }, 202);
  });

  // -------------------------------------------------------------------------
  // Admin

  const admin = <T>(c: Parameters<typeof requireUser>[0], fn: (sql: Sql) => Promise<T>) => {
    const userId = requireUser(c);
    return asCaller(db, c, async (sql) => {
      await requireFaqAdmin(sql, userId);
      return fn(sql);
    });
  };

  app.get('/admin/faq/articles', async (c) => c.json(await admin(c, adminArticles)));

  app.post('/admin/faq/articles', async (c) => {
    requireUser(c);
    const body = await jsonBody(c, adminFaqArticleInput);
    return c.json({ item: await admin(c, (sql) => createArticle(sql, body)) }, 201);
  });

  app.post('/admin/faq/articles/reorder', async (c) => {
    requireUser(c);
    const { themeId, ids } = await jsonBody(c, adminFaqReorder);
    return c.json(await admin(c, (sql) => reorderArticles(sql, themeId, ids)));
  });

  app.patch('/admin/faq/articles/:id', async (c) => {
    requireUser(c);
    const id = articleId(c);
    const patch = await jsonBody(c, adminFaqArticlePatch);
    return c.json({ item: await admin(c, (sql) => updateArticle(sql, id, patch)) });
  });

  app.delete('/admin/faq/articles/:id', async (c) => {
    requireUser(c);
    const id = articleId(c);
    await admin(c, (sql) => deleteArticle(sql, id));
    return c.body(null, 204);
  });

  app.get('/admin/contact-messages', async (c) => {
    requireUser(c);
    const query = queryParams(c, adminContactQuery);
    return c.json(await admin(c, (sql) => contactMessages(sql, query)));
  });

  app.post('/admin/contact-messages/:id/handled', async (c) => {
    const userId = requireUser(c);
    const id = param(c, 'id', uuid, badRequest('message id must be a UUID'));
    return c.json({ item: await admin(c, (sql) => markHandled(sql, id, userId)) });
  });

  return app;
}
