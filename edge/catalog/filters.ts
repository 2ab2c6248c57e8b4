import { z } from 'zod';
import type { CourseSort, PriceBand } from '../api-types.ts';
import { slug } from '../http/validate.ts';

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item).max(20)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.infer<T>[]);

export const catalogQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    category: oneOrMany(slug).optional(),
    difficulty: z.enum(['beginner', 'intermediate', 'advanced']).optional(),
    price: z.enum(['free', 'under-50', '50-100', '100-plus']).optional(),
    sort: z.enum(['popular', 'newest', 'rating', 'price-asc', 'price-desc', 'relevance']).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(50).default(12),
  })
  .strict();

export type CatalogQuery = z.infer<typeof catalogQuery>;

/** Price bands in minor units (inclusive bounds; null means open). */
export function priceRange(band: PriceBand | undefined): [number | null, number | null] {
  switch (band) {
    case 'free':
      return [0, 0];
    case 'under-50':
      return [1, 4999];
    case '50-100':
      return [5000, 10000];
    case '100-plus':
      return [10001, null];
    default:
      return [null, null];
  }
}

/** ORDER BY clauses from a fixed list: the sort key never reaches SQL as text. */
export function orderBy(sort: CourseSort | undefined, hasQuery: boolean): string {
  const chosen = sort ?? (hasQuery ? 'relevance' : 'popular');
  switch (chosen) {
    case 'relevance':
      return hasQuery
        ? 'ts_rank(c.search_vector, websearch_to_tsquery(\'english\', $1)) desc, c.enrollment_count desc, c.id'
        : 'c.enrollment_count desc, c.id';
    case 'newest':
      return 'c.published_at desc nulls last, c.id';
    case 'rating':
      return 'c.rating_average desc, c.rating_count desc, c.id';
    case 'price-asc':
      return 'c.price_amount asc, c.id';
    case 'price-desc':
      return 'c.price_amount desc, c.id';
    default:
      return 'c.enrollment_count desc, c.rating_average desc, c.id';
  }
}
