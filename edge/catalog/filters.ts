import type { CourseSort, PriceBand } from '../api-types.ts';

/**
 * How a validated catalog query becomes SQL. The query's shape and bounds live in the
 * contract (edge/contract/catalog.ts); they are re-exported here for the routes and the bench.
 */
export { type CatalogQuery, catalogQuery } from '../contract/catalog.ts';

/** Price bands in minor units (inclusive bounds; null means open). A band the contract adds fails to compile here. */
const PRICE_RANGES: Record<PriceBand, [number | null, number | null]> = {
  free: [0, 0],
  'under-50': [1, 4999],
  '50-100': [5000, 10000],
  '100-plus': [10001, null],
};

export function priceRange(band: PriceBand | undefined): [number | null, number | null] {
  return band ? PRICE_RANGES[band] : [null, null];
}

/** ORDER BY clauses from a fixed list, one per sort the contract names: the sort key never reaches SQL as text. */
const ORDER_BY: Record<Exclude<CourseSort, 'relevance'>, string> = {
  popular: 'c.enrollment_count desc, c.rating_average desc, c.id',
  newest: 'c.published_at desc nulls last, c.id',
  rating: 'c.rating_average desc, c.rating_count desc, c.id',
  'price-asc': 'c.price_amount asc, c.id',
  'price-desc': 'c.price_amount desc, c.id',
};

/** Relevance ranks by full-text match ($1 is the search); without a search it is popularity by enrollments. */
export function orderBy(sort: CourseSort | undefined, hasQuery: boolean): string {
  const chosen = sort ?? (hasQuery ? 'relevance' : 'popular');
  if (chosen !== 'relevance') return ORDER_BY[chosen];
  return hasQuery
    ? "ts_rank(c.search_vector, websearch_to_tsquery('english', $1)) desc, c.enrollment_count desc, c.id"
    : 'c.enrollment_count desc, c.id';
}
