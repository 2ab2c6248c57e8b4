/**
 * The size of the scale fixture at scale N, and its deterministic ids. Everything is linear
 * in N; at N = 100: 1,500 courses, 3,000 sections, 15,000 lessons (with contents), 20,000
 * learners, 50 instructors, 50 companies, 40,000 enrollments and about 200,000 progress rows.
 *
 * Ids are `md5(natural key)::uuid`, the same in SQL and here, so the benchmark and the tests
 * can name scale rows without asking the database.
 */
import { createHash } from 'node:crypto';

export const COURSES_PER_N = 15;
export const SECTIONS_PER_COURSE = 2;
export const LESSONS_PER_SECTION = 5;
export const LESSONS_PER_COURSE = SECTIONS_PER_COURSE * LESSONS_PER_SECTION;
export const LEARNERS_PER_N = 200;
export const ENROLLMENTS_PER_LEARNER = 2;
/** One learner in this many belongs to a company. */
export const COMPANY_MEMBER_EVERY = 4;
/** Lessons are never completed past this one, which may be a draft (see curriculum.ts). */
export const MAX_COMPLETED = 9;
/** The mail domain of scale accounts: reserved, never deliverable (RFC 2606). */
export const SCALE_EMAIL_DOMAIN = 'scale.invalid';

export interface ScaleShape {
  scale: number;
  courses: number;
  sections: number;
  lessons: number;
  learners: number;
  instructors: number;
  companies: number;
  companyMembers: number;
  enrollments: number;
}

/** Row counts the fixture writes at scale `n` (progress rows depend on the mix, see progressRows). */
export function scaleShape(n: number): ScaleShape {
  if (!Number.isInteger(n) || n < 1 || n > 10_000)
    throw new RangeError(`scale must be an integer from 1 to 10000, got ${n}`);
  const courses = COURSES_PER_N * n;
  const learners = LEARNERS_PER_N * n;
  const half = Math.max(1, Math.floor(n / 2));
  return {
    scale: n,
    courses,
    sections: courses * SECTIONS_PER_COURSE,
    lessons: courses * LESSONS_PER_COURSE,
    learners,
    instructors: half,
    companies: half,
    companyMembers: Math.floor(learners / COMPANY_MEMBER_EVERY),
    enrollments: learners * ENROLLMENTS_PER_LEARNER,
  };
}

/** `md5(key)::uuid`, as the fixture's SQL computes it. */
export function scaleId(key: string): string {
  const h = createHash('md5').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Ids and emails of scale rows by their 1-based index, for benchmarks and tests. */
export const scaleIds = {
  course: (i: number) => scaleId(`scale-course-${i}`),
  section: (i: number, s: number) => scaleId(`scale-section-${i}-${s}`),
  lesson: (i: number, l: number) => scaleId(`scale-lesson-${i}-${l}`),
  learner: (j: number) => scaleId(`scale-learner-${j}`),
  instructorUser: (k: number) => scaleId(`scale-instructor-user-${k}`),
  instructor: (k: number) => scaleId(`scale-instructor-${k}`),
  company: (c: number) => scaleId(`scale-company-${c}`),
  enrollment: (j: number, k: number) => scaleId(`scale-enrollment-${j}-${k}`),
  /** Learner j's order of their k-th enrollment, when it was a purchase (scale/commerce.ts). */
  order: (j: number, k: number) => scaleId(`scale-order-${j}-${k}`),
  learnerEmail: (j: number) => `scale-learner-${j}@${SCALE_EMAIL_DOMAIN}`,
  courseSlug: (i: number) => `scale-course-${i}`,
};

/** Lessons learner `j` completed in their `k`-th enrollment (1 to MAX_COMPLETED), as learning.ts computes it. */
export const completedIn = (j: number, k: number) => 1 + ((j + 3 * k) % MAX_COMPLETED);

/** Progress rows the fixture writes at scale `n`: one per completed lesson. */
export function progressRows(n: number): number {
  const { learners } = scaleShape(n);
  let rows = 0;
  for (let j = 1; j <= learners; j++) for (let k = 1; k <= ENROLLMENTS_PER_LEARNER; k++) rows += completedIn(j, k);
  return rows;
}
