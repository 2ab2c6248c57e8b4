import { describe, expect, it } from 'vitest';
import { EMPTY_BUNDLE_STATE, hasBundleFilters, parseBundleQuery, toBundleSearch } from './bundle-query.ts';

describe("the bundles page's filters in the URL", () => {
  it('reads category, price band and search, dropping what is not valid', () => {
    expect(parseBundleQuery('?category=data-science&price=100-plus&q=%20sql%20')).toEqual({
      q: 'sql',
      category: 'data-science',
      price: '100-plus',
    });
    expect(parseBundleQuery('?category=Not%20a%20slug&price=cheap')).toEqual(EMPTY_BUNDLE_STATE);
    expect(parseBundleQuery(`?q=${'x'.repeat(300)}`).q).toHaveLength(200);
    expect(parseBundleQuery('?category=DESIGN').category).toBe('design');
  });

  it('writes the same query string for the page and the API, defaults left out', () => {
    expect(toBundleSearch(EMPTY_BUNDLE_STATE)).toBe('');
    expect(toBundleSearch({ q: 'data & ml', category: 'data-science', price: 'under-50' })).toBe(
      '?q=data+%26+ml&category=data-science&price=under-50',
    );
    const state = { q: 'x', category: null, price: '50-100' as const };
    expect(parseBundleQuery(toBundleSearch(state))).toEqual(state);
  });

  it('knows when a filter is on', () => {
    expect(hasBundleFilters(EMPTY_BUNDLE_STATE)).toBe(false);
    expect(hasBundleFilters({ ...EMPTY_BUNDLE_STATE, price: 'free' })).toBe(true);
  });
});
