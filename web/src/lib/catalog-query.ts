import type {
  CatalogLimits,
  CatalogQueryInput,
  CourseSort,
  Difficulty,
  PriceBand,
  SlugRules,
} from '../../../edge/api-types.ts';

/**
 * The catalog's filter state. It lives in the URL query string, so the back button
 * works and links are shareable; these functions are the only translation both ways.
 *
 * The vocabularies and bounds come from the API contract (edge/contract/) as types only, so no
 * schema ships to the browser; the runtime lists below are restated here and checked by the
 * compiler: a value the contract adds, drops or renames is a type error in this file.
 */
export interface CatalogState {
  q: string;
  categories: string[];
  difficulty: Difficulty | null;
  price: PriceBand | null;
  /** null: the default order (relevance while searching, else popularity). */
  sort: CourseSort | null;
  page: number;
}

/** The keys of a record whose keys the compiler has checked against a union: its members, in display order. */
const keysOf = <K extends string>(record: Record<K, unknown>): readonly K[] => Object.keys(record) as K[];

export const PRICE_LABELS = {
  free: 'Free',
  'under-50': 'Under $50',
  '50-100': '$50 to $100',
  '100-plus': '$100+',
} as const satisfies Record<PriceBand, string>;

export const SORT_LABELS = {
  relevance: 'Best match',
  popular: 'Most popular',
  newest: 'Newest',
  rating: 'Highest rated',
  'price-asc': 'Price: low to high',
  'price-desc': 'Price: high to low',
} as const satisfies Record<CourseSort, string>;

export const DIFFICULTIES = keysOf({ beginner: 1, intermediate: 2, advanced: 3 } satisfies Record<Difficulty, number>);
export const PRICE_BANDS = keysOf<PriceBand>(PRICE_LABELS);
export const SORTS = keysOf<CourseSort>(SORT_LABELS);

/** The API's bounds and slug rule (the compiler checks each against the contract's literal). */
const LIMITS = {
  query: 200,
  categories: 20,
  page: 10_000,
  pageSize: 50,
  defaultPageSize: 12,
} as const satisfies CatalogLimits;
const SLUG_RULES = { pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 120 } as const satisfies SlugRules;
const SLUG = new RegExp(SLUG_RULES.pattern);

export const PAGE_SIZE: number = LIMITS.defaultPageSize;

export const EMPTY_CATALOG_STATE: CatalogState = {
  q: '',
  categories: [],
  difficulty: null,
  price: null,
  sort: null,
  page: 1,
};

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | null {
  return raw !== null && (values as readonly string[]).includes(raw) ? (raw as T) : null;
}

/** Reads the state from a query string ("?q=x&category=a&category=b"); anything invalid is dropped. */
export function parseCatalogQuery(search: string | URLSearchParams): CatalogState {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search;
  const q = (p.get('q') ?? '').trim().slice(0, LIMITS.query);
  const categories: string[] = [];
  for (const c of p.getAll('category')) {
    const slug = c.trim().toLowerCase();
    if (SLUG.test(slug) && slug.length <= SLUG_RULES.maxLength && !categories.includes(slug)) categories.push(slug);
    if (categories.length >= LIMITS.categories) break;
  }
  let sort = oneOf(SORTS, p.get('sort'));
  if (sort === 'relevance' && !q) sort = null;
  const pageRaw = p.get('page');
  const pageNum = pageRaw !== null && /^\d{1,6}$/.test(pageRaw) ? Number(pageRaw) : 1;
  return {
    q,
    categories,
    difficulty: oneOf(DIFFICULTIES, p.get('difficulty')),
    price: oneOf(PRICE_BANDS, p.get('price')),
    sort,
    page: pageNum >= 1 && pageNum <= LIMITS.page ? pageNum : 1,
  };
}

/** The order the API is asked for. */
export function effectiveSort(state: CatalogState): CourseSort {
  if (state.sort && !(state.sort === 'relevance' && !state.q)) return state.sort;
  return state.q ? 'relevance' : 'popular';
}

/** The page's query string ("" or "?..."); defaults are left out so URLs stay short and canonical. */
export function toCatalogSearch(state: CatalogState): string {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const c of state.categories) p.append('category', c);
  if (state.difficulty) p.set('difficulty', state.difficulty);
  if (state.price) p.set('price', state.price);
  const sort = effectiveSort(state);
  if (sort !== (state.q ? 'relevance' : 'popular')) p.set('sort', sort);
  if (state.page > 1) p.set('page', String(state.page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/**
 * The query string for GET /api/courses. Every parameter the contract accepts is named here
 * (the compiler rejects a missing or unknown one), in the order they are sent.
 */
export function toApiQuery(state: CatalogState, pageSize = PAGE_SIZE): string {
  const params = {
    q: state.q || undefined,
    category: state.categories,
    difficulty: state.difficulty ?? undefined,
    price: state.price ?? undefined,
    sort: effectiveSort(state),
    page: String(state.page),
    pageSize: String(Math.min(pageSize, LIMITS.pageSize)),
  } satisfies Record<keyof CatalogQueryInput, string | readonly string[] | undefined>;
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of typeof value === 'string' ? [value] : (value ?? [])) p.append(key, v);
  }
  return `?${p.toString()}`;
}

/** A new state with some filters changed; any change of filters goes back to page 1. */
export function withFilters(state: CatalogState, patch: Partial<Omit<CatalogState, 'page'>>): CatalogState {
  return { ...state, ...patch, page: 1 };
}

export function toggleCategory(state: CatalogState, slug: string, on: boolean): CatalogState {
  const rest = state.categories.filter((c) => c !== slug);
  return withFilters(state, { categories: on ? [...rest, slug] : rest });
}

export function hasFilters(state: CatalogState): boolean {
  return Boolean(state.q || state.categories.length || state.difficulty || state.price);
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}

/**
 * Page numbers to show in the pagination: always the first and last, the current page
 * and its neighbours, with null where pages are skipped. [1, null, 4, 5, 6, null, 20]
 */
export function pageWindow(current: number, count: number): (number | null)[] {
  const pages = new Set<number>([1, count, current - 1, current, current + 1]);
  const sorted = [...pages].filter((n) => n >= 1 && n <= count).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of sorted) {
    const prev = out[out.length - 1];
    if (typeof prev === 'number' && n - prev > 1) out.push(n - prev === 2 ? n - 1 : null);
    out.push(n);
  }
  return out;
}
