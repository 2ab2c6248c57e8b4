import { Hono } from 'hono';
import { bundleInput } from '../../contract/checkout.ts';
import { bundlePatch } from '../../contract/commerce-admin.ts';
import { uuid } from '../../contract/primitives.ts';
import type { Database } from '../../db/port.ts';
import { asCaller, type Env } from '../../http/context.ts';
import { AppError, badRequest, notFound } from '../../http/errors.ts';
import { jsonBody, param } from '../../http/validate.ts';
import { requireAdmin } from './access.ts';
import {
  bundleAsInput,
  bundleCurrency,
  checkCategory,
  deleteBundle,
  getBundle,
  insertBundle,
  listBundles,
  listCategories,
  replaceBundleCourses,
  replaceBundleRules,
  updateBundle,
} from './bundle-queries.ts';
import { mapDbErrors } from './errors.ts';
import { mergePatch, names } from './patch.ts';

const slugTaken = new AppError(409, 'bundle_slug_taken', 'another bundle has that slug', [
  { path: 'slug', message: 'another bundle has that slug' },
]);

/**
 * Bundles with their courses and tiers. A create or change is one transaction as the admin:
 * the bundle, its courses (which must share one currency: the bundle's) and its 'bundle' rules.
 */
export function adminBundleRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();
  const bundleId = (c: Parameters<typeof param>[0]) => param(c, 'id', uuid, badRequest('bundle id must be a UUID'));

  app.get('/admin/bundles', async (c) => {
    await requireAdmin(db, c);
    return c.json({ items: await asCaller(db, c, listBundles) });
  });

  app.get('/admin/categories', async (c) => {
    await requireAdmin(db, c);
    return c.json({ items: await asCaller(db, c, listCategories) });
  });

  app.post('/admin/bundles', async (c) => {
    await requireAdmin(db, c);
    const input = await jsonBody(c, bundleInput);
    const bundle = await mapDbErrors(
      () =>
        asCaller(db, c, async (sql) => {
          const currency = await bundleCurrency(sql, input.courseIds);
          await checkCategory(sql, input.categoryId);
          const id = await insertBundle(sql, input, currency);
          await replaceBundleCourses(sql, id, input.courseIds);
          await replaceBundleRules(sql, id, input.rules);
          return getBundle(sql, id);
        }),
      { '23505': slugTaken },
    );
    return c.json(bundle, 201);
  });

  app.patch('/admin/bundles/:id', async (c) => {
    await requireAdmin(db, c);
    const id = bundleId(c);
    const patch = await jsonBody(c, bundlePatch);
    const bundle = await mapDbErrors(
      () =>
        asCaller(db, c, async (sql) => {
          const current = await getBundle(sql, id);
          if (!current) throw notFound('bundle');
          const next = mergePatch(bundleInput, bundleAsInput(current), patch);
          const currency = names(patch, 'courseIds') ? await bundleCurrency(sql, next.courseIds) : current.currency;
          if (names(patch, 'categoryId')) await checkCategory(sql, next.categoryId);
          // Courses first: the bundle may take another currency only once its old courses are gone.
          if (names(patch, 'courseIds'))
            await sql.query('delete from public.bundle_courses where bundle_id = $1', [id]);
          await updateBundle(sql, id, next, currency);
          if (names(patch, 'courseIds')) await replaceBundleCourses(sql, id, next.courseIds);
          if (names(patch, 'rules')) await replaceBundleRules(sql, id, next.rules);
          return getBundle(sql, id);
        }),
      { '23505': slugTaken },
    );
    return c.json(bundle);
  });

  app.delete('/admin/bundles/:id', async (c) => {
    await requireAdmin(db, c);
    const id = bundleId(c);
    // order_items (and the coupons orders used) keep a sold bundle (on delete restrict): archive it instead.
    const ordered = new AppError(409, 'bundle_has_orders', 'this bundle has been ordered: archive it instead');
    const deleted = await mapDbErrors(() => asCaller(db, c, (sql) => deleteBundle(sql, id)), {
      '23001': ordered,
      '23503': ordered,
    });
    if (!deleted) throw notFound('bundle');
    return c.body(null, 204);
  });

  return app;
}
