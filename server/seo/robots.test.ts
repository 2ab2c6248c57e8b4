import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../web/src/routes.ts';
import { PUBLIC_PAGES } from './pages.ts';
import { privatePrefixes, robotsTxt } from './robots.ts';

describe('robots.txt', () => {
  it('disallows every route that is not public, and no public one', () => {
    const prefixes = privatePrefixes();
    for (const p of [
      '/admin',
      '/teach',
      '/learn',
      '/dashboard',
      '/company',
      '/checkout',
      '/cart',
      '/signin',
      '/verify',
    ]) {
      expect(prefixes).toContain(p);
    }
    for (const page of PUBLIC_PAGES) {
      expect(
        prefixes.some((p) => page.route === p || page.route.startsWith(`${p}/`)),
        page.route,
      ).toBe(false);
    }
    // Every route is either public or covered by a prefix.
    for (const route of Object.values(ROUTES)) {
      const covered = prefixes.some((p) => route === p || route.startsWith(`${p}/`));
      const isPublic = PUBLIC_PAGES.some((page) => page.route.split('/')[1] === route.split('/')[1]);
      expect(covered || isPublic, route).toBe(true);
    }
  });

  it('a new public page is one entry: its route is no longer disallowed', () => {
    const blog = { route: '/blog/:slug?', api: () => [], render: () => 'not-found' as const };
    expect(robotsTxt('https://x.example')).not.toContain('Disallow: /blog');
    expect(privatePrefixes([...PUBLIC_PAGES, blog])).toEqual(privatePrefixes());
  });

  it('names the sitemap with an absolute URL and keeps public storage objects crawlable', () => {
    const text = robotsTxt('https://learn.example.org');
    expect(text).toContain('Sitemap: https://learn.example.org/sitemap.xml');
    expect(text).toContain('Allow: /storage/v1/object/public/');
    expect(text.startsWith('User-agent: *\n')).toBe(true);
  });
});
