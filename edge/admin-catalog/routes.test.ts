import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import { adminCourseList, courseCategoryList, courseStatusResult, tagList } from '../contract/admin-catalog.ts';
import { caller } from '../teaching/test-support.ts';

let h: EdgeHarness;
let call: ReturnType<typeof caller>;
const missing = '30000000-0000-4000-8000-0000000000ff';

const audits = async (action: string) => {
  const [row] = await h.db.asOwner((sql) =>
    sql.query<{ n: number }>('select count(*)::int as n from public.admin_audit_log where action = $1', [action]),
  );
  return row!.n;
};

beforeAll(async () => {
  h = await makeEdgeHarness();
  call = caller(h);
});
afterAll(() => h.close());

describe('admin catalog routes refuse everyone but admins', () => {
  const routes: [string, string, unknown?][] = [
    ['GET', '/api/admin/courses'],
    ['POST', '/api/admin/courses/feature', { ids: [ids.free], featured: true }],
    ['POST', '/api/admin/courses/status', { ids: [ids.free], action: 'archive' }],
    ['GET', '/api/admin/course-categories'],
    ['POST', '/api/admin/course-categories', { name: 'Design', slug: 'design' }],
    ['PATCH', `/api/admin/course-categories/${ids.web}`, { name: 'Web' }],
    ['DELETE', `/api/admin/course-categories/${ids.web}`],
    ['GET', '/api/admin/tags'],
    ['POST', '/api/admin/tags/rename', { from: 'html', to: 'markup' }],
  ];
  it.each(routes)('%s %s: 401 for visitors, 403 for an instructor and a learner', async (method, path, body) => {
    expect((await call(method, path, null, body)).status).toBe(401);
    expect((await call(method, path, ids.teacher, body)).status).toBe(403);
    expect((await call(method, path, ids.student, body)).status).toBe(403);
  });
});

describe('GET /api/admin/courses', () => {
  it('lists every course, drafts too, with filters, sort and the queue count', async () => {
    await h.db.asOwner((sql) =>
      sql.query(`update public.courses set status = 'pending_review' where id = $1`, [ids.draft]),
    );
    const res = await call('GET', '/api/admin/courses?sort=title', ids.admin);
    expect(res.status).toBe(200);
    const list = adminCourseList.parse(res.json);
    expect(list.items.map((c) => c.slug)).toEqual([
      'intro-to-html',
      'ml-systems',
      'pandas-in-practice',
      'secret-draft',
    ]);
    expect(list.total).toBe(4);
    expect(list.pendingReview).toBe(1);
    expect(list.instructors).toEqual([{ id: ids.instructor, displayName: 'Tea Cher' }]);
    expect(list.items[0]).toMatchObject({
      enrollments: 1500,
      ratingAverage: 4.5,
      category: { name: 'Web Development' },
    });
    const byStatus = adminCourseList.parse(
      (await call('GET', '/api/admin/courses?status=pending_review', ids.admin)).json,
    );
    expect(byStatus.items.map((c) => c.id)).toEqual([ids.draft]);
    const byCategory = adminCourseList.parse(
      (await call('GET', `/api/admin/courses?category=${ids.data}&sort=enrollments`, ids.admin)).json,
    );
    expect(byCategory.items.map((c) => c.id)).toEqual([ids.pricey, ids.paid]);
    const search = adminCourseList.parse((await call('GET', '/api/admin/courses?q=pandas', ids.admin)).json);
    expect(search.items.map((c) => c.id)).toEqual([ids.paid]);
    const far = adminCourseList.parse((await call('GET', '/api/admin/courses?page=9', ids.admin)).json);
    expect(far).toMatchObject({ items: [], total: 4 });
    await h.db.asOwner((sql) => sql.query(`update public.courses set status = 'draft' where id = $1`, [ids.draft]));
  });

  it('answers 400 for a bad filter', async () => {
    for (const q of ['status=gone', 'category=x', 'sort=price', 'page=0', 'featured=maybe', 'extra=1']) {
      expect((await call('GET', `/api/admin/courses?${q}`, ids.admin)).status, q).toBe(400);
    }
  });
});

describe('featuring courses on the homepage', () => {
  it('features published courses (audited) and the home page shows them; refuses a draft with no audit', async () => {
    const before = await audits('course.feature');
    const refused = await call('POST', '/api/admin/courses/feature', ids.admin, {
      ids: [ids.free, ids.draft],
      featured: true,
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe('course_not_published');
    expect(await audits('course.feature')).toBe(before);
    const ok = await call('POST', '/api/admin/courses/feature', ids.admin, { ids: [ids.paid], featured: true });
    expect(ok.status).toBe(200);
    expect(ok.json.featuredCourseIds).toContain(ids.paid);
    expect(await audits('course.feature')).toBe(before + 1);
    const home = await call('GET', '/api/site/home', null);
    expect(home.json.featuredCourses.map((c: { id: string }) => c.id)).toContain(ids.paid);
    const list = adminCourseList.parse((await call('GET', '/api/admin/courses?featured=true', ids.admin)).json);
    expect(list.items.map((c) => c.id)).toEqual([ids.paid]);
    const off = await call('POST', '/api/admin/courses/feature', ids.admin, { ids: [ids.paid], featured: false });
    expect(off.json.featuredCourseIds).not.toContain(ids.paid);
  });

  it('answers 400 for bad input', async () => {
    expect((await call('POST', '/api/admin/courses/feature', ids.admin, { ids: [], featured: true })).status).toBe(400);
    expect((await call('POST', '/api/admin/courses/feature', ids.admin, { ids: ['x'], featured: true })).status).toBe(
      400,
    );
    expect((await call('POST', '/api/admin/courses/feature', ids.admin, '{')).status).toBe(400);
  });
});

describe('POST /api/admin/courses/status', () => {
  it('unpublishes with a reason (the catalog drops it, the instructor is told), archives and restores', async () => {
    expect(
      (await call('POST', '/api/admin/courses/status', ids.admin, { ids: [ids.pricey], action: 'unpublish' })).status,
    ).toBe(400);
    const res = await call('POST', '/api/admin/courses/status', ids.admin, {
      ids: [ids.pricey],
      action: 'unpublish',
      reason: 'The videos are missing.',
    });
    expect(res.status).toBe(200);
    expect(courseStatusResult.parse(res.json).items).toEqual([
      { id: ids.pricey, slug: 'ml-systems', title: 'Machine Learning Systems', status: 'draft' },
    ]);
    const catalog = await call('GET', '/api/courses', null);
    expect(JSON.stringify(catalog.json)).not.toContain('ml-systems');
    const [note] = await h.db.asOwner((sql) =>
      sql.query<{ body: string; link: string }>(
        `select body, link from public.notifications where user_id = $1 and title = 'Unpublished: Machine Learning Systems'`,
        [ids.teacher],
      ),
    );
    expect(note).toEqual({
      body: expect.stringContaining('The videos are missing.'),
      link: `/teach/courses/${ids.pricey}/edit`,
    });
    expect(await audits('course.unpublish')).toBe(1);

    const again = await call('POST', '/api/admin/courses/status', ids.admin, { ids: [ids.pricey], action: 'restore' });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('invalid_transition');
    await call('POST', '/api/admin/courses/status', ids.admin, { ids: [ids.pricey], action: 'archive' });
    const restored = await call('POST', '/api/admin/courses/status', ids.admin, {
      ids: [ids.pricey],
      action: 'restore',
    });
    expect(restored.json.items[0].status).toBe('published');
    expect(await audits('course.archive')).toBe(1);
    expect(await audits('course.restore')).toBe(1);
  });

  it('answers 404 for no such course and 400 for an unknown action', async () => {
    expect(
      (await call('POST', '/api/admin/courses/status', ids.admin, { ids: [missing], action: 'archive' })).status,
    ).toBe(404);
    expect(
      (await call('POST', '/api/admin/courses/status', ids.admin, { ids: [ids.free], action: 'delete' })).status,
    ).toBe(400);
  });
});

describe('categories', () => {
  it('creates, renames (the catalog shows the new name at once) and refuses a taken slug', async () => {
    const before = (await call('GET', '/api/categories', null)).json;
    expect(JSON.stringify(before)).toContain('Web Development');
    const created = await call('POST', '/api/admin/course-categories', ids.admin, {
      name: 'Design',
      slug: 'design',
      description: 'Visual things',
      position: 3,
    });
    expect(created.status).toBe(201);
    expect(created.json.item).toMatchObject({ slug: 'design', courseCount: 0, active: true });
    const taken = await call('POST', '/api/admin/course-categories', ids.admin, { name: 'Again', slug: 'design' });
    expect(taken.status).toBe(409);
    expect(taken.json.error.code).toBe('category_slug_taken');
    const renamed = await call('PATCH', `/api/admin/course-categories/${ids.web}`, ids.admin, {
      name: 'Web & Frontend',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json.item).toMatchObject({ name: 'Web & Frontend', courseCount: 2 });
    const after = (await call('GET', '/api/categories', null)).json;
    expect(JSON.stringify(after)).toContain('Web & Frontend');
    expect(await audits('category.update')).toBe(1);
    const list = courseCategoryList.parse((await call('GET', '/api/admin/course-categories', ids.admin)).json);
    expect(list.items.map((c) => c.slug)).toEqual(['web-development', 'data-science', 'design']);
  });

  it('refuses to delete a category in use (409), moves its courses when asked (204)', async () => {
    const inUse = await call('DELETE', `/api/admin/course-categories/${ids.web}`, ids.admin);
    expect(inUse.status).toBe(409);
    expect(inUse.json.error.code).toBe('category_in_use');
    const list = courseCategoryList.parse((await call('GET', '/api/admin/course-categories', ids.admin)).json);
    const design = list.items.find((c) => c.slug === 'design')!;
    const moved = await call('DELETE', `/api/admin/course-categories/${ids.web}?moveTo=${design.id}`, ids.admin);
    expect(moved.status).toBe(204);
    const after = courseCategoryList.parse((await call('GET', '/api/admin/course-categories', ids.admin)).json);
    expect(after.items.find((c) => c.slug === 'design')!.courseCount).toBe(2);
    expect(await audits('category.delete')).toBe(1);
  });

  it('answers 400 for bad input and 404 for no such category', async () => {
    expect(
      (await call('POST', '/api/admin/course-categories', ids.admin, { name: 'X', slug: 'Not A Slug' })).status,
    ).toBe(400);
    expect((await call('PATCH', `/api/admin/course-categories/${ids.data}`, ids.admin, {})).status).toBe(400);
    expect((await call('PATCH', '/api/admin/course-categories/x', ids.admin, { name: 'Y' })).status).toBe(400);
    expect((await call('PATCH', `/api/admin/course-categories/${missing}`, ids.admin, { name: 'Y' })).status).toBe(404);
    expect((await call('DELETE', `/api/admin/course-categories/${ids.data}?moveTo=x`, ids.admin)).status).toBe(400);
    const self = await call('DELETE', `/api/admin/course-categories/${ids.data}?moveTo=${ids.data}`, ids.admin);
    expect(self.status).toBe(422);
  });
});

describe('tags', () => {
  it('lists tags in use with counts, renames and merges them across courses (audited)', async () => {
    const list = tagList.parse((await call('GET', '/api/admin/tags', ids.admin)).json);
    expect(list.items).toContainEqual({ tag: 'data', courses: 1 });
    const renamed = await call('POST', '/api/admin/tags/rename', ids.admin, { from: 'web', to: 'Frontend' });
    expect(renamed.json).toEqual({ from: 'web', to: 'frontend', courses: 1, merged: false });
    const merged = await call('POST', '/api/admin/tags/rename', ids.admin, { from: 'ml', to: 'python' });
    expect(merged.json).toMatchObject({ merged: true, courses: 1 });
    const q = tagList.parse((await call('GET', '/api/admin/tags?q=pyth', ids.admin)).json);
    expect(q.items).toEqual([{ tag: 'python', courses: 2 }]);
    expect(await audits('tag.rename')).toBe(1);
    expect(await audits('tag.merge')).toBe(1);
  });

  it('answers 404 for a tag no course has and 400 for a bad name', async () => {
    const none = await call('POST', '/api/admin/tags/rename', ids.admin, { from: 'nope', to: 'x' });
    expect(none.status).toBe(404);
    expect(none.json.error.code).toBe('tag_not_found');
    expect((await call('POST', '/api/admin/tags/rename', ids.admin, { from: 'html', to: '!!' })).status).toBe(400);
  });
});
