import { describe, expect, it } from 'vitest';
import { fromLocalInput, parseTags, slugify, subscribersQuery, toLocalInput } from './blog-api.ts';
import { EMPTY_BLOG_STATE, parseBlogQuery, shareLinks, toBlogSearch } from './blog-query.ts';

describe('the blog page state and helpers', () => {
  it('reads the URL query, dropping what is invalid, and writes it back', () => {
    expect(parseBlogQuery('?q=%20sql%20&category=Data&tag=study-habits&page=2')).toEqual({
      q: 'sql',
      category: 'data',
      tag: 'study-habits',
      page: 2,
    });
    expect(parseBlogQuery('?category=no%20way&tag=a_b&page=-1')).toEqual(EMPTY_BLOG_STATE);
    expect(parseBlogQuery('?page=1001').page).toBe(1);
    expect(toBlogSearch(EMPTY_BLOG_STATE)).toBe('');
    expect(toBlogSearch({ q: 'a b', category: 'data', tag: null, page: 3 })).toBe('?q=a+b&category=data&page=3');
  });

  it('builds share links with the URL and title encoded', () => {
    const links = shareLinks('https://learn.example/blog/a?b=1&c', 'Tips & tricks');
    expect(links.map((l) => l.name)).toEqual(['X', 'LinkedIn', 'Facebook']);
    for (const l of links) expect(l.href).toContain(encodeURIComponent('https://learn.example/blog/a?b=1&c'));
    expect(links[0]!.href).toContain('text=Tips%20%26%20tricks');
  });

  it('turns typed tags and titles into the API shapes', () => {
    expect(parseTags(' Study Habits, sql,, SQL ,C++ ')).toEqual(['study-habits', 'sql', 'c']);
    expect(slugify('Héllo, World! 2026')).toBe('hello-world-2026');
    expect(slugify('x'.repeat(150))).toHaveLength(100);
    expect(subscribersQuery({ q: '', status: 'all', page: 1 })).toBe('');
    expect(subscribersQuery({ q: 'a@b', status: 'pending', page: 2 })).toBe('?q=a%40b&status=pending&page=2');
    expect(subscribersQuery({ q: '', status: 'confirmed', page: 2 }, false)).toBe('?status=confirmed');
  });

  it('converts a datetime-local value to an instant and back', () => {
    const iso = fromLocalInput('2026-12-01T09:30')!;
    expect(toLocalInput(iso)).toBe('2026-12-01T09:30');
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('nope')).toBeNull();
    expect(toLocalInput(null)).toBe('');
  });
});
