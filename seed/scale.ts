/**
 * The scale fixture: grows a database to a realistic size so policies, queries and the API
 * can be measured and guarded (supabase/tests/perf-guard.test.ts, bench/). At scale N (linear):
 * 15·N courses, 150·N lessons with contents, 200·N learners, about 2,000·N progress rows with
 * their enrollments, N/2 companies with members, N/2 instructors, and what the learners and
 * companies bought (about 200·N orders with invoices, 2·N bundles, seats: scale/commerce.ts), about
 * 133·N reviews and 45·N FAQ entries (scale/reviews.ts); the demo categories are reused. See scale/shape.ts for the exact counts and ids, scale/catalog.ts for the mix.
 *
 * - Deterministic: every id is md5 of a natural key (`md5('scale-course-' || i)::uuid`), every
 *   choice a function of the row's index; no random().
 * - Idempotent: every insert is `on conflict do nothing`, so a second run changes nothing, and
 *   an interrupted run is completed by the next one. Rows whose key someone else already
 *   holds (a slug, an email) are left alone and their dependants skipped.
 * - Set-based: one insert ... select from generate_series per table, as the owner, one
 *   transaction per step.
 * - Beside the demo seed: it changes no demo row (the demo categories it reuses are written, as
 *   the demo seed writes them, only where absent); scale accounts have no password.
 */

import type { Sql } from '../edge/db/port.ts';
import type { HostDatabase } from '../server/db/types.ts';
import { seedScaleAccounts, seedScaleCompanies } from './scale/accounts.ts';
import { seedScaleAssessments } from './scale/assessments.ts';
import { seedScaleCourses, seedScaleCurriculum } from './scale/catalog.ts';
import { seedScaleCommerce } from './scale/commerce.ts';
import { seedScaleCompanyLearning } from './scale/companies.ts';
import { seedScaleLabs } from './scale/labs.ts';
import { seedScaleEnrollments, seedScaleProgress } from './scale/learning.ts';
import { seedScaleLiveQa } from './scale/live.ts';
import { seedScaleNotificationPreferences } from './scale/notifications.ts';
import { seedScaleReviews } from './scale/reviews.ts';
import { type ScaleShape, scaleShape } from './scale/shape.ts';
import { countScale, type ScaleCounts } from './scale/summary.ts';
import { writeDemoCategories } from './steps/categories.ts';

export type { ScaleShape } from './scale/shape.ts';
export { progressRows, scaleId, scaleIds, scaleShape } from './scale/shape.ts';

export interface ScaleOptions {
  /** N: 100 gives about 1,500 courses, 15,000 lessons, 20,000 learners and 200,000 progress rows. */
  scale: number;
  /** Called as each step starts: `done` is that step's number (1-based) of `total`. */
  onProgress?: (step: string, done: number, total: number) => void;
}

/** The fixture's rows present after the run (its own only), and how long the run took. */
export interface ScaleSummary extends ScaleCounts {
  scale: number;
  ms: number;
}

/** The tables the fixture grows, analyzed at the end. */
const ANALYZED = [
  'auth.users',
  'public.profiles',
  'public.instructors',
  'public.companies',
  'public.company_members',
  'public.categories',
  'public.courses',
  'public.sections',
  'public.lessons',
  'public.lesson_contents',
  'public.enrollments',
  'public.lesson_progress',
  'public.bundles',
  'public.bundle_courses',
  'public.pricing_rules',
  'public.coupons',
  'public.orders',
  'public.order_items',
  'public.coupon_redemptions',
  'public.payments',
  'public.payment_events',
  'public.refunds',
  'public.invoices',
  'public.seat_purchases',
  'public.demo_requests',
  'public.quizzes',
  'public.quiz_questions',
  'public.quiz_answer_keys',
  'public.question_bank',
  'public.quiz_attempts',
  'public.assignments',
  'public.assignment_submissions',
  'public.certificates',
  'public.reviews',
  'public.course_faqs',
  'public.course_review_decisions',
  'public.labs',
  'public.lab_secrets',
  'public.lab_submissions',
  'public.lab_drafts',
  'public.live_sessions',
  'public.session_questions',
  'public.session_votes',
  'public.session_bans',
  'public.notification_preferences',
  'public.notification_settings',
];

type ScaleStep = (sql: Sql, shape: ScaleShape) => Promise<void>;

const STEPS: [string, ScaleStep][] = [
  ['accounts', seedScaleAccounts],
  ['companies', seedScaleCompanies],
  ['categories', (sql) => writeDemoCategories(sql)],
  ['courses', seedScaleCourses],
  ['curriculum', seedScaleCurriculum],
  ['enrollments', seedScaleEnrollments],
  ['progress', seedScaleProgress],
  ['assessments', seedScaleAssessments],
  ['labs', seedScaleLabs],
  ['commerce', seedScaleCommerce],
  ['company learning', seedScaleCompanyLearning],
  ['reviews', seedScaleReviews],
  ['live Q&A', seedScaleLiveQa],
  ['notification preferences', seedScaleNotificationPreferences],
];

export async function seedScale(db: HostDatabase, opts: ScaleOptions): Promise<ScaleSummary> {
  const started = Date.now();
  const shape = scaleShape(opts.scale);
  for (const [i, [name, run]] of STEPS.entries()) {
    opts.onProgress?.(name, i + 1, STEPS.length + 1);
    await db.asOwner((sql) => run(sql, shape));
  }
  // Fresh statistics: the planner sees the grown tables at once, not after autovacuum.
  opts.onProgress?.('analyze', STEPS.length + 1, STEPS.length + 1);
  await db.asOwner((sql) => sql.query(`analyze ${ANALYZED.join(', ')}`));
  const counts = await db.asOwner((sql) => countScale(sql));
  return { ...counts, scale: shape.scale, ms: Date.now() - started };
}
