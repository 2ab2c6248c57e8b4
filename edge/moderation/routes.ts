import { Hono } from 'hono';
import {
  adminReportQuery,
  adminReviewQuery,
  reportInput,
  resolveReportsInput,
  reviewVisibilityInput,
} from '../contract/moderation.ts';
import type { Database, Sql } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { forbidden } from '../http/errors.ts';
import { jsonBody, queryParams } from '../http/validate.ts';
import { callerRole } from '../teaching/queries.ts';
import { adminReports, createReport, myReports, resolveReports } from './reports.ts';
import { listReviews, setReviewsHidden } from './reviews.ts';

/**
 * Reported content and reviews across the platform (docs/admin.md). Signed-in users report a
 * review or a live-session question and read their own reports; admins (403 for anyone else)
 * list and hide reviews, and work the reports queue. Each admin change is audited by the database.
 */
export function moderationRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();

  const admin = <T>(c: Parameters<typeof requireUser>[0], fn: (sql: Sql) => Promise<T>) => {
    const me = requireUser(c);
    return asCaller(db, c, async (sql) => {
      if ((await callerRole(sql, me)) !== 'admin') throw forbidden('only admins moderate content');
      return fn(sql);
    });
  };

  app.post('/reports', async (c) => {
    requireUser(c);
    const body = await jsonBody(c, reportInput);
    return c.json({ report: await asCaller(db, c, (sql) => createReport(sql, body)) }, 201);
  });

  app.get('/reports/mine', async (c) => {
    const me = requireUser(c);
    return c.json({ items: await asCaller(db, c, (sql) => myReports(sql, me)) });
  });

  app.get('/admin/reviews', async (c) => {
    requireUser(c);
    const query = queryParams(c, adminReviewQuery);
    return c.json(await admin(c, (sql) => listReviews(sql, query)));
  });

  app.post('/admin/reviews/visibility', async (c) => {
    requireUser(c);
    const body = await jsonBody(c, reviewVisibilityInput);
    return c.json(await admin(c, (sql) => setReviewsHidden(sql, body.ids, body.hidden)));
  });

  app.get('/admin/reports', async (c) => {
    requireUser(c);
    const query = queryParams(c, adminReportQuery);
    return c.json(await admin(c, (sql) => adminReports(sql, query)));
  });

  app.post('/admin/reports/resolve', async (c) => {
    requireUser(c);
    const body = await jsonBody(c, resolveReportsInput);
    return c.json({ resolved: await admin(c, (sql) => resolveReports(sql, body.targets, body.action)) });
  });

  return app;
}
