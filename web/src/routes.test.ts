import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isClientRoute, matchesRoute, ROUTES } from './routes.ts';

describe('the client route list', () => {
  it('matches paths as the router does', () => {
    expect(matchesRoute('/', '/')).toBe(true);
    expect(matchesRoute('/', '')).toBe(true);
    expect(matchesRoute('/courses/:slug', '/courses/intro-to-html')).toBe(true);
    expect(matchesRoute('/courses/:slug', '/courses/intro-to-html/')).toBe(true);
    expect(matchesRoute('/courses/:slug', '/Courses/x')).toBe(true);
    expect(matchesRoute('/courses/:slug', '/courses')).toBe(false);
    expect(matchesRoute('/courses/:slug', '/courses/a/b')).toBe(false);
    expect(matchesRoute('/courses/:slug', '/courses//x')).toBe(false);
    expect(matchesRoute('/learn/:slug/:lessonId?', '/learn/x')).toBe(true);
    expect(matchesRoute('/learn/:slug/:lessonId?', '/learn/x/y')).toBe(true);
    expect(matchesRoute('/learn/:slug/:lessonId?', '/learn')).toBe(false);
    expect(matchesRoute('/learn/:slug/:lessonId?', '/learn/x/y/z')).toBe(false);
  });

  it('knows the pages and nothing else', () => {
    for (const path of [
      '/',
      '/courses',
      '/courses/git',
      '/dashboard',
      '/learn/git',
      '/learn/git/abc',
      '/signin',
      '/dev/outbox',
    ]) {
      expect(isClientRoute(path), path).toBe(true);
    }
    for (const path of ['/nope', '/wp-admin', '/courses/a/b', '/dev', '/api', '/index.php']) {
      expect(isClientRoute(path), path).toBe(false);
    }
  });

  it("is the router's list: App.tsx routes exactly these patterns (plus its not-found catch-all)", () => {
    const app = readFileSync(new URL('./App.tsx', import.meta.url), 'utf8');
    const literal = [...app.matchAll(/<Route\s[^>]*path="([^"]*)"/g)].map((m) => m[1]!);
    const named = [...app.matchAll(/<Route\s[^>]*path=\{ROUTES\.(\w+)\}/g)].map(
      (m) => ROUTES[m[1] as keyof typeof ROUTES],
    );
    const routed = [...literal, ...named].filter((p) => !p.startsWith('*'));
    expect(routed.length, 'every route of App.tsx has a path').toBe(
      [...app.matchAll(/<Route\s/g)].length - literal.filter((p) => p.startsWith('*')).length,
    );
    expect(new Set(routed)).toEqual(new Set(Object.values(ROUTES)));
  });
});
