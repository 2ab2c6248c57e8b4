import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminHarness, makeAdminHarness, paidOrder } from '../../../tests/support/admin-commerce.ts';
import { ids } from '../../../tests/support/edge-harness.ts';
import { adminBundle, adminBundleList, adminCategoryList } from '../../contract/commerce-admin.ts';

const EURO_COURSE = '30000000-0000-4000-8000-0000000000e1';

let a: AdminHarness;
beforeAll(async () => {
  a = await makeAdminHarness();
  await a.h.db.runScript(`
    insert into public.courses (id, slug, title, instructor_id, status, price_amount, price_currency)
    values ('${EURO_COURSE}', 'euro-course', 'Euro course', '${ids.instructor}', 'published', 3900, 'EUR');
  `);
});
afterAll(() => a.close());

const body = {
  title: 'Data starter',
  slug: 'data-starter',
  description: 'Pandas and machine learning together.',
  categoryId: ids.data,
  status: 'published',
  courseIds: [ids.paid, ids.pricey],
  rules: [
    { minQuantity: 2, percentBps: 1000 },
    { minQuantity: 3, percentBps: 2000 },
  ],
};

describe('admin bundles', () => {
  let id: string;

  it('creates a bundle with its courses and tiers in one go, in the courses’ currency', async () => {
    const res = await a.call(ids.admin, 'POST', '/api/admin/bundles', body);
    expect(res.status).toBe(201);
    const bundle = adminBundle.parse(res.body);
    id = bundle.id;
    expect(bundle).toMatchObject({
      slug: 'data-starter',
      status: 'published',
      currency: 'USD',
      categoryId: ids.data,
      listTotal: 4900 + 19900,
      rulesText: 'Buy 2, get 10% off; 3 or more, 20% off',
    });
    expect(bundle.courses.map((c) => c.id)).toEqual([ids.paid, ids.pricey]);
    expect(bundle.rules.map((r) => [r.minQuantity, r.percentBps, r.active])).toEqual([
      [2, 1000, true],
      [3, 2000, true],
    ]);
    const list = adminBundleList.parse((await a.call(ids.admin, 'GET', '/api/admin/bundles')).body);
    expect(list.items.map((b) => b.id)).toContain(id);
  });

  it('lists the categories a bundle may belong to, with their ids', async () => {
    const res = await a.call(ids.admin, 'GET', '/api/admin/categories');
    expect(adminCategoryList.parse(res.body).items).toEqual([
      { id: ids.web, slug: 'web-development', name: 'Web Development' },
      { id: ids.data, slug: 'data-science', name: 'Data Science' },
    ]);
  });

  it('replaces the courses and the tiers when a change names them, and keeps them otherwise', async () => {
    const res = await a.call(ids.admin, 'PATCH', `/api/admin/bundles/${id}`, {
      courseIds: [ids.pricey, ids.free, ids.paid],
      rules: [{ minQuantity: 3, percentBps: 1500 }],
    });
    expect(res.status).toBe(200);
    const bundle = adminBundle.parse(res.body);
    expect(bundle.courses.map((c) => c.id)).toEqual([ids.pricey, ids.free, ids.paid]);
    expect(bundle.rulesText).toBe('Buy 3, get 15% off');

    const retitled = adminBundle.parse(
      (await a.call(ids.admin, 'PATCH', `/api/admin/bundles/${id}`, { title: 'Data starter pack', status: 'draft' }))
        .body,
    );
    expect(retitled).toMatchObject({ title: 'Data starter pack', status: 'draft' });
    expect(retitled.courses.map((c) => c.id)).toEqual([ids.pricey, ids.free, ids.paid]);
    expect(retitled.rules.map((r) => r.id)).toEqual(bundle.rules.map((r) => r.id));
  });

  it('refuses a course of another currency (422 currency_mismatch, pointing at it) and changes nothing', async () => {
    const res = await a.call(ids.admin, 'PATCH', `/api/admin/bundles/${id}`, { courseIds: [ids.paid, EURO_COURSE] });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('currency_mismatch');
    expect(res.body.error.details).toEqual([{ path: 'courseIds.1', message: expect.stringContaining('EUR') }]);
    const created = await a.call(ids.admin, 'POST', '/api/admin/bundles', {
      ...body,
      slug: 'mixed',
      courseIds: [EURO_COURSE, ids.paid],
    });
    expect([created.status, created.body.error.code]).toEqual([422, 'currency_mismatch']);
    const after = adminBundle.parse((await a.call(ids.admin, 'GET', '/api/admin/bundles')).body.items[0]);
    expect(after.courses.map((c) => c.id)).toEqual([ids.pricey, ids.free, ids.paid]);
  });

  it('takes another currency when all of its courses change to it', async () => {
    await a.h.db.runScript(`
      insert into public.courses (id, slug, title, instructor_id, status, price_amount, price_currency)
      values ('30000000-0000-4000-8000-0000000000e2', 'euro-course-2', 'Euro course 2', '${ids.instructor}', 'published', 1000, 'EUR');
    `);
    const res = await a.call(ids.admin, 'POST', '/api/admin/bundles', {
      ...body,
      slug: 'euro-pack',
      courseIds: [ids.paid, ids.free],
      rules: [],
    });
    expect(res.status).toBe(201);
    const euro = await a.call(ids.admin, 'PATCH', `/api/admin/bundles/${res.body.id}`, {
      courseIds: [EURO_COURSE, '30000000-0000-4000-8000-0000000000e2'],
    });
    expect(euro.status).toBe(200);
    expect(adminBundle.parse(euro.body)).toMatchObject({ currency: 'EUR', listTotal: 4900, rulesText: null });
  });

  it('refuses unknown courses and categories (422), a taken slug (409) and bad input (400), with the field', async () => {
    const unknown = await a.call(ids.admin, 'POST', '/api/admin/bundles', {
      ...body,
      slug: 'ghost',
      courseIds: [ids.paid, '30000000-0000-4000-8000-0000000000ff'],
    });
    expect([unknown.status, unknown.body.error.code, unknown.body.error.details[0].path]).toEqual([
      422,
      'unknown_course',
      'courseIds.1',
    ]);
    const category = await a.call(ids.admin, 'POST', '/api/admin/bundles', {
      ...body,
      slug: 'ghost',
      categoryId: '20000000-0000-4000-8000-0000000000ff',
    });
    expect([category.status, category.body.error.code]).toEqual([422, 'unknown_category']);
    const taken = await a.call(ids.admin, 'POST', '/api/admin/bundles', body);
    expect([taken.status, taken.body.error.code, taken.body.error.details[0].path]).toEqual([
      409,
      'bundle_slug_taken',
      'slug',
    ]);
    for (const bad of [
      { ...body, slug: 'Not A Slug' },
      { ...body, courseIds: [ids.paid] },
      { ...body, courseIds: [ids.paid, ids.paid] },
      { ...body, rules: [{ minQuantity: 0, percentBps: 100 }] },
      { ...body, price: 100 },
    ]) {
      const res = await a.call(ids.admin, 'POST', '/api/admin/bundles', bad);
      expect([res.status, res.body.error.code]).toEqual([400, 'bad_request']);
      expect(res.body.error.details.length).toBeGreaterThan(0);
    }
    for (const bad of [{}, { nope: 1 }, { status: 'sold' }, { courseIds: [ids.paid] }]) {
      const res = await a.call(ids.admin, 'PATCH', `/api/admin/bundles/${id}`, bad);
      expect([JSON.stringify(bad), res.status]).toEqual([JSON.stringify(bad), 400]);
    }
  });

  it('deletes a bundle nobody bought (204) and keeps one that was ordered (409 bundle_has_orders)', async () => {
    const spare = await a.call(ids.admin, 'POST', '/api/admin/bundles', { ...body, slug: 'spare' });
    expect((await a.call(ids.admin, 'DELETE', `/api/admin/bundles/${spare.body.id}`)).status).toBe(204);
    expect((await a.call(ids.admin, 'DELETE', `/api/admin/bundles/${spare.body.id}`)).status).toBe(404);

    await paidOrder(a.h, ids.student, 'bundle-bought', { bundleId: id });
    const kept = await a.call(ids.admin, 'DELETE', `/api/admin/bundles/${id}`);
    expect([kept.status, kept.body.error.code]).toEqual([409, 'bundle_has_orders']);
  });
});
