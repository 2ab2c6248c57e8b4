import { Hono } from 'hono';
import { clientKey } from '../commerce/companies/rate-limit.ts';
import { csvFile } from '../companies/csv.ts';
import {
  adminBlogCategoryInput,
  adminBlogCategoryPatch,
  adminBlogPostInput,
  adminBlogPostPatch,
  adminBlogQuery,
  adminNewsletterQuery,
  blogQuery,
  blogSlug,
  newsletterConfirmInput,
  newsletterSignUpInput,
} from '../contract/blog.ts';
import type { Database, Sql } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { AppError, notFound } from '../http/errors.ts';
import { jsonBody, param, queryParams, uuid } from '../http/validate.ts';
import type { Mailer } from '../mail/port.ts';
import {
  adminCategories,
  adminPost,
  adminPosts,
  createCategory,
  createPost,
  deleteCategory,
  deletePost,
  requireBlogAdmin,
  updateCategory,
  updatePost,
} from './admin-queries.ts';
import { newsletterConfirmMail, sendNewsletterConfirm } from './newsletter-mail.ts';
import { confirm, signUp, subscribers } from './newsletter-queries.ts';
import { listPosts, postBySlug, publicCategories } from './queries.ts';
import { newConfirmToken, signUpKey, tokenHash } from './token.ts';

export interface BlogDeps {
  db: Database;
  /** The site's origin, for the confirm link in the newsletter mail. */
  siteUrl: string;
  /** The Supabase project URL of a request ('' for this host): covers are public objects of its avatars bucket. */
  storageUrl: (request: Request) => string;
  platformName: string;
  /** The confirm mail goes through it (kind 'newsletter_confirm'); absent, nothing is mailed. */
  mailer?: Mailer;
}

/**
 * The blog (docs/blog.md): public posts, categories and the newsletter's double opt-in for
 * everyone; the admins' posts, categories and subscribers. Every admin write is audited by the database.
 */
export function blogRoutes({ db, siteUrl, storageUrl, platformName, mailer }: BlogDeps): Hono<Env> {
  const app = new Hono<Env>();
  const storage = (c: { req: { raw: Request } }) => storageUrl(c.req.raw);
  const postId = (c: Parameters<typeof param>[0]) =>
    param(c, 'id', uuid, new AppError(400, 'bad_request', 'post id must be a UUID'));
  const categoryId = (c: Parameters<typeof param>[0]) =>
    param(c, 'id', uuid, new AppError(400, 'bad_request', 'category id must be a UUID'));

  app.get('/blog/posts', async (c) => {
    const query = queryParams(c, blogQuery);
    return c.json(await asCaller(db, c, (sql) => listPosts(sql, query, storage(c))));
  });

  app.get('/blog/posts/:slug', async (c) => {
    const slug = param(c, 'slug', blogSlug, notFound('post'));
    return c.json(await asCaller(db, c, (sql) => postBySlug(sql, slug, storage(c))));
  });

  app.get('/blog/categories', async (c) => c.json(await asCaller(db, c, publicCategories)));

  app.post('/newsletter', async (c) => {
    const body = await jsonBody(c, newsletterSignUpInput);
    // The honeypot: people never see the field, bots fill it. Accepted alike, kept nowhere.
    if (body.website?.trim()) return c.json({ accepted: true }, 202);
    const token = newConfirmToken();
    const key = await signUpKey(clientKey(c.req.raw.headers));
    const email = body.email.toLowerCase();
    const mail = await db.asService(async (sql) => signUp(sql, email, key, await tokenHash(token)));
    if (mail) {
      const link = `${siteUrl.replace(/\/$/, '')}/blog/confirm?token=${encodeURIComponent(token)}`;
      await sendNewsletterConfirm(mailer, newsletterConfirmMail(email, link, platformName));
    }
    // The same answer whether the address is new, waiting or confirmed already.
    return c.json({ accepted: true }, 202);
  });

  app.post('/newsletter/confirm', async (c) => {
    const { token } = await jsonBody(c, newsletterConfirmInput);
    const hash = await tokenHash(token);
    return c.json(await db.asService((sql) => confirm(sql, hash)));
  });

  // -------------------------------------------------------------------------
  // Admin

  const admin = <T>(c: Parameters<typeof requireUser>[0], fn: (sql: Sql, userId: string) => Promise<T>) => {
    const userId = requireUser(c);
    return asCaller(db, c, async (sql) => {
      await requireBlogAdmin(sql, userId);
      return fn(sql, userId);
    });
  };

  app.get('/admin/blog/posts', async (c) => {
    requireUser(c);
    const query = queryParams(c, adminBlogQuery);
    return c.json(await admin(c, (sql) => adminPosts(sql, query, storage(c))));
  });

  app.get('/admin/blog/posts/:id', async (c) => {
    requireUser(c);
    const id = postId(c);
    return c.json(await admin(c, (sql) => adminPost(sql, id, storage(c))));
  });

  app.post('/admin/blog/posts', async (c) => {
    requireUser(c);
    const body = await jsonBody(c, adminBlogPostInput);
    return c.json(await admin(c, (sql, userId) => createPost(sql, userId, body, storage(c))), 201);
  });

  app.patch('/admin/blog/posts/:id', async (c) => {
    requireUser(c);
    const id = postId(c);
    const patch = await jsonBody(c, adminBlogPostPatch);
    return c.json(await admin(c, (sql) => updatePost(sql, id, patch, storage(c))));
  });

  app.delete('/admin/blog/posts/:id', async (c) => {
    requireUser(c);
    const id = postId(c);
    await admin(c, (sql) => deletePost(sql, id));
    return c.body(null, 204);
  });

  app.get('/admin/blog/categories', async (c) => c.json({ items: await admin(c, adminCategories) }));

  app.post('/admin/blog/categories', async (c) => {
    requireUser(c);
    const body = await jsonBody(c, adminBlogCategoryInput);
    return c.json(await admin(c, (sql) => createCategory(sql, body)), 201);
  });

  app.patch('/admin/blog/categories/:id', async (c) => {
    requireUser(c);
    const id = categoryId(c);
    const patch = await jsonBody(c, adminBlogCategoryPatch);
    return c.json(await admin(c, (sql) => updateCategory(sql, id, patch)));
  });

  app.delete('/admin/blog/categories/:id', async (c) => {
    requireUser(c);
    const id = categoryId(c);
    await admin(c, (sql) => deleteCategory(sql, id));
    return c.body(null, 204);
  });

  app.get('/admin/newsletter', async (c) => {
    requireUser(c);
    const query = queryParams(c, adminNewsletterQuery);
    return c.json(await admin(c, (sql) => subscribers(sql, query)));
  });

  app.get('/admin/newsletter.csv', async (c) => {
    requireUser(c);
    const query = queryParams(c, adminNewsletterQuery);
    const list = await admin(c, (sql) => subscribers(sql, query, true));
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="newsletter-${query.status}.csv"`);
    return c.body(
      csvFile(
        ['email', 'status', 'signed_up_at', 'confirmed_at'],
        list.items.map((s) => [s.email, s.status, s.createdAt, s.confirmedAt]),
      ),
    );
  });

  return app;
}
