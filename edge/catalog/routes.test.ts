import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import type { CourseDetail, CourseList } from '../api-types.ts';

let h: EdgeHarness;
beforeAll(async () => {
  h = await makeEdgeHarness();
});
afterAll(() => h.close());

const list = async (qs = '', headers: Record<string, string> = {}) => {
  const res = await h.app.request(`/api/courses${qs}`, { headers });
  expect(res.status).toBe(200);
  return (await res.json()) as CourseList;
};

describe('GET /api/courses', () => {
  it('lists published courses only, most popular first, with total and badges', async () => {
    const body = await list();
    expect(body.total).toBe(3);
    expect(body.items.map((c) => c.slug)).toEqual(['intro-to-html', 'ml-systems', 'pandas-in-practice']);
    const html = body.items[0]!;
    expect(html.badges).toEqual(['popular', 'new', 'free']);
    expect(html).toMatchObject({
      price: { amount: 0, currency: 'USD' },
      rating: { average: 4.5, count: 20 },
      category: { slug: 'web-development', name: 'Web Development' },
      instructor: { displayName: 'Tea Cher' },
      lessonCount: 4,
      durationMinutes: 50,
    });
  });

  it('does not show drafts even to their instructor', async () => {
    const body = await list('', await h.as(ids.teacher));
    expect(body.items.map((c) => c.slug)).not.toContain('secret-draft');
  });

  it('searches title, subtitle, tags and description in Postgres full text', async () => {
    expect((await list('?q=pandas')).items.map((c) => c.slug)).toEqual(['pandas-in-practice']);
    expect((await list('?q=markup')).items.map((c) => c.slug)).toEqual(['intro-to-html']);
    expect((await list('?q=nothing-matches-this')).total).toBe(0);
  });

  it('filters by category, difficulty and price band', async () => {
    expect((await list('?category=data-science')).total).toBe(2);
    expect((await list('?category=data-science&category=web-development')).total).toBe(3);
    expect((await list('?difficulty=advanced')).items.map((c) => c.slug)).toEqual(['ml-systems']);
    expect((await list('?price=free')).items.map((c) => c.slug)).toEqual(['intro-to-html']);
    expect((await list('?price=under-50')).items.map((c) => c.slug)).toEqual(['pandas-in-practice']);
    expect((await list('?price=50-100')).total).toBe(0);
    expect((await list('?price=100-plus')).items.map((c) => c.slug)).toEqual(['ml-systems']);
  });

  it('counts categories under the other filters', async () => {
    const body = await list('?difficulty=advanced');
    expect(body.categories).toEqual([
      { slug: 'web-development', name: 'Web Development', count: 0 },
      { slug: 'data-science', name: 'Data Science', count: 1 },
    ]);
  });

  it('sorts and paginates', async () => {
    expect((await list('?sort=price-desc')).items.map((c) => c.slug)).toEqual([
      'ml-systems',
      'pandas-in-practice',
      'intro-to-html',
    ]);
    expect((await list('?sort=newest')).items[0]!.slug).toBe('intro-to-html');
    const page2 = await list('?pageSize=2&page=2');
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items).toHaveLength(1);
    const beyond = await list('?pageSize=2&page=9');
    expect(beyond).toMatchObject({ total: 3, items: [] });
  });

  it.each([
    ['?page=0', 'page'],
    ['?pageSize=500', 'pageSize'],
    ['?difficulty=expert', 'difficulty'],
    ['?price=cheap', 'price'],
    ['?sort=random()', 'sort'],
    ['?category=Robert%27);drop%20table%20courses;--', 'category'],
    ['?unknown=1', ''],
  ])('rejects a bad query %s with a 400', async (qs, path) => {
    const res = await h.app.request(`/api/courses${qs}`);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('bad_request');
    if (path) expect(body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });
});

describe('GET /api/courses/:slug', () => {
  it('returns the details with the syllabus by section and the instructor bio', async () => {
    const res = await h.app.request('/api/courses/intro-to-html');
    expect(res.status).toBe(200);
    const body = (await res.json()) as CourseDetail;
    expect(body).toMatchObject({ title: 'Intro to HTML', outcomes: ['Write HTML'], enrollment: null });
    expect(body.instructor).toMatchObject({ displayName: 'Tea Cher', bio: 'A bio.', expertise: ['web', 'data'] });
    expect(body.sections.map((s) => [s.title, s.lessons.map((l) => l.title)])).toEqual([
      ['Basics', ['What is HTML', 'Elements']],
      ['Going further', ['Forms', 'Coming soon']],
    ]);
    expect(JSON.stringify(body)).not.toContain('HTML is markup'); // lesson text is not in the syllabus
  });

  it('hides drafts from the public and other users, shows them to their instructor', async () => {
    expect((await h.app.request('/api/courses/secret-draft')).status).toBe(404);
    expect((await h.app.request('/api/courses/secret-draft', { headers: await h.as(ids.student) })).status).toBe(404);
    expect((await h.app.request('/api/courses/secret-draft', { headers: await h.as(ids.teacher) })).status).toBe(200);
  });

  it('answers unknown and malformed slugs with a 404', async () => {
    for (const slug of ['no-such-course', 'Bad_Slug', '%27%20or%201%3D1']) {
      const res = await h.app.request(`/api/courses/${slug}`);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    }
  });
});

describe('GET /api/categories', () => {
  it('lists categories with published course counts', async () => {
    const res = await h.app.request('/api/categories');
    expect(await res.json()).toEqual({
      items: [
        { slug: 'web-development', name: 'Web Development', count: 1 },
        { slug: 'data-science', name: 'Data Science', count: 2 },
      ],
    });
  });
});
