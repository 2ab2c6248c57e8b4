import type { BundleLimits, BundleSearchInput, PriceBand } from '../../../edge/api-types.ts';
import { PRICE_BANDS } from './catalog-query.ts';

/**
 * The bundles page's filters (category, price band of the bundle price, search). They live in the
 * URL query string, as the catalog's do; these functions are the only translation both ways, and
 * the page's query string is also the one GET /api/bundles is asked with.
 */
export interface BundleState {
  q: string;
  category: string | null;
  price: PriceBand | null;
}

export const EMPTY_BUNDLE_STATE: BundleState = { q: '', category: null, price: null };

/** The API's bounds (the compiler checks them against the contract's literal). */
const LIMITS = { query: 200, list: 100 } as const satisfies BundleLimits;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Reads the state from a query string; anything invalid is dropped. */
export function parseBundleQuery(search: string | URLSearchParams): BundleState {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search;
  const category = (p.get('category') ?? '').trim().toLowerCase();
  const price = p.get('price');
  return {
    q: (p.get('q') ?? '').trim().slice(0, LIMITS.query),
    category: SLUG.test(category) && category.length <= 120 ? category : null,
    price: price !== null && (PRICE_BANDS as readonly string[]).includes(price) ? (price as PriceBand) : null,
  };
}

/**
 * The query string of the page and of GET /api/bundles ("" or "?..."): the same parameters, every
 * one the contract accepts named here (the compiler rejects a missing or unknown one).
 */
export function toBundleSearch(state: BundleState): string {
  const params = {
    q: state.q || undefined,
    category: state.category ?? undefined,
    price: state.price ?? undefined,
  } satisfies Record<keyof BundleSearchInput, string | undefined>;
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) p.set(key, value);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function hasBundleFilters(state: BundleState): boolean {
  return Boolean(state.q || state.category || state.price);
}
