/** All demo data, pure. The seeder (seed/seed.ts) writes it; tests check it. */
import { CLOUD_COURSES } from './courses-cloud.ts';
import { DATA_COURSES } from './courses-data.ts';
import { BUSINESS_COURSES, DESIGN_COURSES } from './courses-design-business.ts';
import { UNPUBLISHED_COURSES } from './courses-unpublished.ts';
import { WEB_COURSES } from './courses-web.ts';
import type { CourseSeed } from './types.ts';

export type { DemoAccount } from './accounts.ts';
export { ACCOUNTS, COMPANY, DEMO_ACCOUNTS, DEMO_PASSWORD, ENROLLMENTS, INSTRUCTORS } from './accounts.ts';
export { CATEGORIES } from './categories.ts';
export type * from './types.ts';

export const COURSES: CourseSeed[] = [
  ...WEB_COURSES,
  ...DATA_COURSES,
  ...DESIGN_COURSES,
  ...BUSINESS_COURSES,
  ...CLOUD_COURSES,
  ...UNPUBLISHED_COURSES,
];

/** Catalog price bands (minor units, inclusive), as the catalog filter defines them. */
export const PRICE_BANDS = {
  free: [0, 0],
  'under-50': [1, 4999],
  '50-100': [5000, 10000],
  '100-plus': [10001, Number.MAX_SAFE_INTEGER],
} as const;
