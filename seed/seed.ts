/**
 * Idempotent demo seeding. Every demo row has a stable id (a UUID v5-style hash of its
 * natural key) and is written with `on conflict`, so running the seed again changes nothing
 * and never duplicates. Updates carry `where ... is distinct from ...`, so an unchanged row
 * is not even touched (its updated_at stays put).
 *
 * What it restores and what it leaves alone:
 * - demo rows (courses, curriculum, categories, instructor cards, the company, demo profiles'
 *   names and roles) are put back to their seeded state;
 * - rows users created are never touched: a course or category whose slug a user already took
 *   is left as it is (and a demo course that cannot be written is skipped, with its curriculum);
 * - existing demo accounts keep their password; learners' enrollments and progress are only
 *   added, never reset (`on conflict do nothing`).
 *
 * Everything runs as the owner (db.asOwner), one transaction per step.
 */
import bcrypt from 'bcryptjs';
import type { HostDatabase } from '../server/db/types.ts';
import type { DemoAccount } from './data/index.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './data/index.ts';
import { seedAccounts } from './steps/accounts.ts';
import { ADMIN_EMAIL, seedAdminAccount } from './steps/admin-account.ts';
import { seedAdminAudit } from './steps/admin-audit.ts';
import { seedAssessments } from './steps/assessments.ts';
import { seedBlog } from './steps/blog.ts';
import { seedCategories } from './steps/categories.ts';
import { seedCommerce } from './steps/commerce.ts';
import { seedCompanies } from './steps/companies.ts';
import { seedCompany } from './steps/company.ts';
import type { SeedContext, SeedStep } from './steps/context.ts';
import { seedCourses } from './steps/courses.ts';
import { seedCovers } from './steps/covers.ts';
import { seedCurriculum } from './steps/curriculum.ts';
import { seedEnrollments } from './steps/enrollments.ts';
import { seedFaqCenter } from './steps/faq-center.ts';
import { seedInstructors } from './steps/instructors.ts';
import { seedLabs } from './steps/labs.ts';
import { seedLiveModeration, seedLiveSessions } from './steps/live-sessions.ts';
import { seedNotificationPreferences } from './steps/notification-preferences.ts';
import { seedPayouts } from './steps/payouts.ts';
import { seedPortraits } from './steps/portraits.ts';
import { seedReports } from './steps/reports.ts';
import { seedReviews } from './steps/reviews.ts';
import { seedSiteContent } from './steps/site-content.ts';
import { countSeeded } from './summary.ts';

export type { DemoAccount } from './data/index.ts';
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './data/index.ts';
export { ids, seedId } from './ids.ts';

export interface SeedOptions {
  /** Called as each step starts: `done` is that step's number (1-based) of `total`. */
  onProgress?: (step: string, done: number, total: number) => void;
  /** The clock for relative dates (published_at, enrolled_at). Defaults to now. */
  now?: Date;
  /**
   * The admin account's password when the seed creates it, instead of the demo password
   * (production: a generated one, printed once). Existing accounts keep theirs.
   */
  adminPassword?: string;
  /** The embedded storage's root: with it the seed stores cover art (seed/steps/covers.ts). */
  storageRoot?: string;
}

export interface SeedSummary {
  /** Demo accounts present after seeding, and how many this run created. */
  accounts: number;
  accountsCreated: number;
  instructors: number;
  categories: number;
  publishedCourses: number;
  unpublishedCourses: number;
  /** Demo courses not written because a user's course already holds the slug. */
  skippedCourses: string[];
  sections: number;
  lessons: number;
  enrollments: number;
  completedLessons: number;
  demoAccounts: DemoAccount[];
  password: string;
  ms: number;
}

/** The steps, in order: each may use what the earlier ones recorded in the context. */
const STEPS: [string, SeedStep][] = [
  ['accounts', seedAccounts],
  ['instructors', seedInstructors],
  ['company', seedCompany],
  ['categories', seedCategories],
  ['courses', seedCourses],
  ['curriculum', seedCurriculum],
  ['enrollments', seedEnrollments],
  // Quizzes, the assignment, the question bank and the student's earned certificate (after enrollments).
  ['assessments', seedAssessments],
  ['live sessions', seedLiveSessions],
  // Bundles, coupons, tax rates and the demo orders, bought through the checkout's definer functions.
  ['commerce', seedCommerce],
  // Company learning: groups, assignments with due dates, and a second company, Globex (after commerce's seats).
  ['companies', seedCompanies],
  // Cover art in course-media (needs opts.storageRoot; else nothing).
  ['covers', seedCovers],
  // Instructor portraits in avatars, on their profiles and cards (needs opts.storageRoot too).
  ['portraits', seedPortraits],
  // Community reviewers' reviews, course FAQ, the bundle open to instructors (after every enrollment).
  ['reviews', seedReviews],
  // A hidden question and a ban in a live session (its author is a community reviewer).
  ['live moderation', seedLiveModeration],
  // Open reports of reviews in the admin's reported-content queue (after reviews).
  ['reports', seedReports],
  // Code labs (a lab lesson before the html-css final check) and other learners' lab history (after reviews).
  ['labs', seedLabs],
  // The FAQ center: themes, articles, demo votes and contact messages (after the accounts).
  ['faq center', seedFaqCenter],
  // The homepage record and legal pages (after courses and commerce: it features some of them).
  ['site content', seedSiteContent],
  // Earlier sales of the demo instructor's courses, a past payout, an instructor's own share (after reviews).
  ['payouts', seedPayouts],
  // The blog: categories, posts by the demo instructors, a confirmed newsletter subscriber.
  ['blog', seedBlog],
  // Notification preferences and a digest setting; the earlier steps' notification mails marked handled.
  ['notification preferences', seedNotificationPreferences],
  // Last but for its audit entries: isSeeded() looks for the admin, so it exists only once all else is done.
  ['admin account', seedAdminAccount],
  // The admin's audit log history (the admin is its actor). A seed stopped just before it only
  // misses these demo entries.
  ['audit log', seedAdminAudit],
];

/**
 * Cheap check for first-start seeding: the admin account exists. The admin is written in the
 * seed's last step, so a seed interrupted half-way is completed on the next start.
 */
export async function isSeeded(db: HostDatabase): Promise<boolean> {
  const rows = await db.asOwner((sql) =>
    sql.query('select 1 from auth.users where lower(email) = $1 limit 1', [ADMIN_EMAIL]),
  );
  return rows.length > 0;
}

export async function seed(db: HostDatabase, opts: SeedOptions = {}): Promise<SeedSummary> {
  const started = Date.now();
  let hashed: Promise<string> | undefined;
  let adminHashed: Promise<string> | undefined;
  const hash = () => (hashed ??= bcrypt.hash(DEMO_PASSWORD, 10));
  const { adminPassword } = opts;
  const ctx: SeedContext = {
    now: opts.now ?? new Date(),
    // bcrypt is slow: hash at most once per run, and only if an account is missing.
    hash,
    adminHash: adminPassword ? () => (adminHashed ??= bcrypt.hash(adminPassword, 10)) : hash,
    userIds: new Map(),
    instructorIds: new Map(),
    accountsCreated: 0,
    skippedCourses: [],
    storageRoot: opts.storageRoot,
  };

  for (const [i, [name, run]] of STEPS.entries()) {
    opts.onProgress?.(name, i + 1, STEPS.length);
    await db.asOwner((sql) => run(sql, ctx));
  }

  const { accountsCreated, skippedCourses } = ctx;
  const summary = await db.asOwner((sql) => countSeeded(sql));
  return {
    ...summary,
    accountsCreated,
    skippedCourses,
    demoAccounts: DEMO_ACCOUNTS,
    password: DEMO_PASSWORD,
    ms: Date.now() - started,
  };
}

/** Lines describing the demo accounts, for the CLI, the host's start banner and the README. */
export function formatDemoAccounts(accounts: DemoAccount[] = DEMO_ACCOUNTS): string[] {
  const width = Math.max(...accounts.map((a) => a.email.length));
  const roleWidth = Math.max(...accounts.map((a) => a.role.length));
  return [
    `Demo accounts (password for all: ${DEMO_PASSWORD})`,
    ...accounts.map((a) => `  ${a.email.padEnd(width)}  ${a.role.padEnd(roleWidth)}  ${a.tryThis}`),
  ];
}
