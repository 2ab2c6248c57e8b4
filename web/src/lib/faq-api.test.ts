import { describe, expect, it } from 'vitest';
import { prefixQuery } from '../../../edge/faq-center/queries.ts';
import { browserKey, firstQuestions } from './faq-api.ts';

describe('the FAQ center client helpers', () => {
  it('keeps one browser key, made once and reused', () => {
    const kept = new Map<string, string>();
    const storage = { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => kept.set(k, v) };
    const key = browserKey(storage);
    expect(key).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(browserKey(storage)).toBe(key);
    kept.set('faq-browser-key', 'bad key!');
    expect(browserKey(storage)).not.toBe('bad key!');
    expect(browserKey(undefined)).toMatch(/^[a-f0-9]{32}$/);
  });

  it('takes the first questions across themes, in order', () => {
    const article = (id: string) => ({ id, question: `Q${id}`, answer: `A${id}`, position: 1 });
    const theme = (slug: string, ids: string[]) => ({
      id: slug,
      slug,
      title: slug,
      description: '',
      articles: ids.map(article),
    });
    const center = { themes: [theme('a', ['1', '2']), theme('b', ['3', '4'])] };
    expect(firstQuestions(center, 3)).toEqual([
      { q: 'Q1', a: 'A1' },
      { q: 'Q2', a: 'A2' },
      { q: 'Q3', a: 'A3' },
    ]);
    expect(firstQuestions(center, Number.POSITIVE_INFINITY)).toHaveLength(4);
  });

  it('turns a search into a prefix tsquery of words only', () => {
    expect(prefixQuery('Refu pay')).toBe('refu:* & pay:*');
    expect(prefixQuery("!&|:*()' ")).toBe('');
    expect(prefixQuery('café café')).toBe('café:*');
  });
});
