import { describe, expect, it } from 'vitest';
import {
  type CatalogState,
  DIFFICULTIES,
  EMPTY_CATALOG_STATE,
  effectiveSort,
  PRICE_BANDS,
  PRICE_LABELS,
  pageWindow,
  parseCatalogQuery,
  SORT_LABELS,
  SORTS,
  toApiQuery,
  toCatalogSearch,
  toggleCategory,
  withFilters,
} from './catalog-query.ts';

describe('parseCatalogQuery', () => {
  it('reads every filter, with repeated categories', () => {
    expect(
      parseCatalogQuery(
        '?q=+sql+&category=data&category=web-dev&difficulty=beginner&price=under-50&sort=newest&page=3',
      ),
    ).toEqual({
      q: 'sql',
      categories: ['data', 'web-dev'],
      difficulty: 'beginner',
      price: 'under-50',
      sort: 'newest',
      page: 3,
    });
  });

  it('gives the defaults for an empty query', () => {
    expect(parseCatalogQuery('')).toEqual(EMPTY_CATALOG_STATE);
  });

  it('drops invalid values', () => {
    expect(
      parseCatalogQuery('?category=Bad Slug&category=ok&category=ok&difficulty=expert&price=cheap&sort=random&page=-2'),
    ).toEqual({ ...EMPTY_CATALOG_STATE, categories: ['ok'] });
    expect(parseCatalogQuery('?page=abc').page).toBe(1);
    expect(parseCatalogQuery('?page=0').page).toBe(1);
    expect(parseCatalogQuery('?page=99999999').page).toBe(1);
  });

  it('ignores relevance without a search', () => {
    expect(parseCatalogQuery('?sort=relevance').sort).toBeNull();
    expect(parseCatalogQuery('?q=x&sort=relevance').sort).toBe('relevance');
  });

  it('caps the search length', () => {
    expect(parseCatalogQuery(`?q=${'a'.repeat(500)}`).q).toHaveLength(200);
  });
});

describe('toCatalogSearch', () => {
  it('leaves defaults out', () => {
    expect(toCatalogSearch(EMPTY_CATALOG_STATE)).toBe('');
    expect(toCatalogSearch({ ...EMPTY_CATALOG_STATE, sort: 'popular', page: 1 })).toBe('');
    expect(toCatalogSearch({ ...EMPTY_CATALOG_STATE, q: 'sql', sort: 'relevance' })).toBe('?q=sql');
  });

  it('round-trips through the query string', () => {
    const states: CatalogState[] = [
      {
        q: 'data & ai',
        categories: ['data', 'ai'],
        difficulty: 'advanced',
        price: '100-plus',
        sort: 'price-desc',
        page: 2,
      },
      { q: '', categories: [], difficulty: null, price: 'free', sort: null, page: 1 },
      { q: 'x', categories: ['web'], difficulty: null, price: null, sort: 'rating', page: 7 },
    ];
    for (const s of states) expect(parseCatalogQuery(toCatalogSearch(s))).toEqual(s);
  });

  it('encodes special characters', () => {
    expect(toCatalogSearch({ ...EMPTY_CATALOG_STATE, q: 'c++ & go' })).toBe('?q=c%2B%2B+%26+go');
  });
});

describe('the filter options', () => {
  // Their members are checked against the API contract by the compiler; here, the order users see.
  it('lists every option in display order, each with a label', () => {
    expect(DIFFICULTIES).toEqual(['beginner', 'intermediate', 'advanced']);
    expect(PRICE_BANDS).toEqual(['free', 'under-50', '50-100', '100-plus']);
    expect(SORTS).toEqual(['relevance', 'popular', 'newest', 'rating', 'price-asc', 'price-desc']);
    for (const p of PRICE_BANDS) expect(PRICE_LABELS[p]).toBeTruthy();
    for (const s of SORTS) expect(SORT_LABELS[s]).toBeTruthy();
  });
});

describe('toApiQuery', () => {
  it('never asks for more than the API serves per page', () => {
    expect(toApiQuery(EMPTY_CATALOG_STATE, 500)).toBe('?sort=popular&page=1&pageSize=50');
  });

  it('always sends the sort, page and page size', () => {
    expect(toApiQuery(EMPTY_CATALOG_STATE)).toBe('?sort=popular&page=1&pageSize=12');
    expect(toApiQuery({ ...EMPTY_CATALOG_STATE, q: 'sql', categories: ['a', 'b'], price: 'free' }, 6)).toBe(
      '?q=sql&category=a&category=b&price=free&sort=relevance&page=1&pageSize=6',
    );
  });
});

describe('state changes', () => {
  const base: CatalogState = { ...EMPTY_CATALOG_STATE, categories: ['a'], page: 4 };

  it('goes back to page 1 when a filter changes', () => {
    expect(withFilters(base, { difficulty: 'beginner' })).toMatchObject({ difficulty: 'beginner', page: 1 });
  });

  it('toggles categories', () => {
    expect(toggleCategory(base, 'b', true).categories).toEqual(['a', 'b']);
    expect(toggleCategory(base, 'a', false).categories).toEqual([]);
    expect(toggleCategory(base, 'a', true).categories).toEqual(['a']);
  });

  it('picks the default sort', () => {
    expect(effectiveSort(EMPTY_CATALOG_STATE)).toBe('popular');
    expect(effectiveSort({ ...EMPTY_CATALOG_STATE, q: 'x' })).toBe('relevance');
    expect(effectiveSort({ ...EMPTY_CATALOG_STATE, sort: 'relevance' })).toBe('popular');
    expect(effectiveSort({ ...EMPTY_CATALOG_STATE, q: 'x', sort: 'newest' })).toBe('newest');
  });
});

describe('pageWindow', () => {
  it('shows every page when there are few', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
  });

  it('elides far pages', () => {
    expect(pageWindow(10, 20)).toEqual([1, null, 9, 10, 11, null, 20]);
    expect(pageWindow(1, 20)).toEqual([1, 2, null, 20]);
    expect(pageWindow(3, 20)).toEqual([1, 2, 3, 4, null, 20]);
  });
});
