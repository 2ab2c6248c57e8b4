import { describe, expect, it } from 'vitest';
import { firstDataFor, firstDataStore, hasSessionCookie, serializeFirstData } from './first-data.ts';

describe('firstDataFor', () => {
  it('names the API answers and the page module of home, the catalog and a course page', () => {
    expect(firstDataFor('/', '')).toEqual({
      api: [
        '/api/courses?sort=popular&page=1&pageSize=6',
        '/api/courses?sort=newest&page=1&pageSize=3',
        '/api/categories',
        '/api/faq',
        '/api/site/home',
        '/api/blog/posts',
      ],
    });
    expect(firstDataFor('/blog', '?tag=sql&page=2&x=1')).toEqual({
      page: 'src/pages/Blog.tsx',
      api: ['/api/blog/posts?tag=sql&page=2', '/api/blog/categories'],
    });
    expect(firstDataFor('/blog/study-habits', '')).toEqual({
      page: 'src/pages/BlogPost.tsx',
      api: ['/api/blog/posts/study-habits'],
    });
    expect(firstDataFor('/blog/confirm', '?token=x')).toEqual({ page: 'src/pages/BlogConfirm.tsx', api: [] });
    expect(firstDataFor('/faq', '')).toEqual({ page: 'src/pages/Faq.tsx', api: ['/api/faq'] });
    expect(firstDataFor('/legal/refund-policy', '')).toEqual({
      page: 'src/pages/Legal.tsx',
      api: ['/api/site/legal/refund-policy'],
    });
    expect(firstDataFor('/courses', '?q=sql&difficulty=beginner&page=2')).toEqual({
      page: 'src/pages/Catalog.tsx',
      api: ['/api/courses?q=sql&difficulty=beginner&sort=relevance&page=2&pageSize=12', '/api/categories'],
    });
    expect(firstDataFor('/courses/', '')).toMatchObject({ page: 'src/pages/Catalog.tsx' });
    expect(firstDataFor('/courses/html-css-foundations', '?x=1')).toEqual({
      page: 'src/pages/CourseDetails.tsx',
      api: [
        '/api/courses/html-css-foundations',
        '/api/courses/html-css-foundations/bundles',
        '/api/courses/html-css-foundations/reviews',
        '/api/courses/html-css-foundations/faq',
      ],
    });
  });

  it('names nothing for other pages', () => {
    for (const path of ['/about', '/signin', '/dashboard', '/learn/x', '/courses/a/b', '/nope'])
      expect(firstDataFor(path, ''), path).toEqual({ api: [] });
  });
});

describe('serializeFirstData', () => {
  it('cannot close the script element or open a comment, and parses back to the same data', () => {
    const data = { '/api/x': { title: '</script><script>alert(1)</script><!-- & -->', n: 1 } };
    const text = serializeFirstData(data);
    expect(text).not.toMatch(/[<>&]/);
    expect(JSON.parse(text)).toEqual(data);
  });
});

describe('hasSessionCookie', () => {
  it('sees a Supabase session cookie, whole or in chunks, and nothing else', () => {
    expect(hasSessionCookie('sb-localhost-auth-token=base64-eyJ')).toBe(true);
    expect(hasSessionCookie('theme=dark; sb-abc-auth-token.0=base64-eyJ; sb-abc-auth-token.1=x')).toBe(true);
    expect(hasSessionCookie('sb-localhost-auth-token=')).toBe(false);
    expect(hasSessionCookie('x=sb-localhost-auth-token')).toBe(false);
    expect(hasSessionCookie('sb-localhost-auth-token-code-verifier=abc')).toBe(false);
    expect(hasSessionCookie('')).toBe(false);
    expect(hasSessionCookie(undefined)).toBe(false);
  });
});

describe('firstDataStore', () => {
  const page = (text: string | null) => ({
    getElementById: (id: string) =>
      id === 'first-data' && text !== null ? ({ textContent: text } as HTMLElement) : null,
  });

  it('hands each answer out once', () => {
    const store = firstDataStore(page(serializeFirstData({ '/api/a': { ok: 1 }, '/api/b': [] })));
    expect(store.take('/api/a')).toEqual({ ok: 1 });
    expect(store.take('/api/a')).toBeUndefined();
    store.drop();
    expect(store.take('/api/b')).toBeUndefined();
  });

  it('has nothing without the block, or with a broken one', () => {
    expect(firstDataStore(page(null)).take('/api/a')).toBeUndefined();
    expect(firstDataStore(page('{"/api/a":')).take('/api/a')).toBeUndefined();
    expect(firstDataStore(undefined).take('/api/a')).toBeUndefined();
  });
});
