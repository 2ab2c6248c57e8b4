import { SignJWT } from 'jose';
import { createApp } from '../../edge/app.ts';
import { hs256Verifier } from '../../edge/auth/jwt.ts';
import type { CommerceConfig } from '../../edge/commerce/checkout/config.ts';
import type { JwtClaims } from '../../edge/db/port.ts';
import type { LabRunner } from '../../edge/labs/runner.ts';
import type { Mailer } from '../../edge/mail/port.ts';
import { createLocalProvider } from '../../edge/payments/local.ts';
import type { PaymentProvider } from '../../edge/payments/port.ts';
import type { HostDatabase } from '../../server/db/types.ts';
import { freshPglite } from './db.ts';

/**
 * The edge app on a fresh PGlite with a small fixture catalog, plus tokens for its users.
 * Runs the same on Node (vitest) and Deno (deno test via the vitest shim): no sockets.
 */

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123';
/** The local payment provider's webhook secret in app.request tests. */
export const TEST_WEBHOOK_SECRET = 'whsec_test_harness_secret_0123456789abcdef';
export const testPayments = () =>
  createLocalProvider({ siteUrl: 'http://localhost:8787', webhookSecret: TEST_WEBHOOK_SECRET });

export const ids = {
  student: '00000000-0000-4000-8000-000000000001',
  other: '00000000-0000-4000-8000-000000000002',
  teacher: '00000000-0000-4000-8000-000000000003',
  admin: '00000000-0000-4000-8000-000000000004',
  instructor: '10000000-0000-4000-8000-000000000001',
  web: '20000000-0000-4000-8000-000000000001',
  data: '20000000-0000-4000-8000-000000000002',
  free: '30000000-0000-4000-8000-000000000001',
  paid: '30000000-0000-4000-8000-000000000002',
  draft: '30000000-0000-4000-8000-000000000003',
  pricey: '30000000-0000-4000-8000-000000000004',
  s1: '40000000-0000-4000-8000-000000000001',
  s2: '40000000-0000-4000-8000-000000000002',
  s3: '40000000-0000-4000-8000-000000000003',
  l1: '50000000-0000-4000-8000-000000000001',
  l2: '50000000-0000-4000-8000-000000000002',
  l3: '50000000-0000-4000-8000-000000000003',
  lDrip: '50000000-0000-4000-8000-000000000004',
  lPaid: '50000000-0000-4000-8000-000000000005',
} as const;

const FIXTURE = `
insert into auth.users (id, email, raw_user_meta_data) values
  ('${ids.student}', 'student@test.local', '{"first_name":"Stu","last_name":"Dent"}'),
  ('${ids.other}', 'other@test.local', '{"first_name":"Oth","last_name":"Er"}'),
  ('${ids.teacher}', 'teacher@test.local', '{"first_name":"Tea","last_name":"Cher"}'),
  ('${ids.admin}', 'admin@test.local', '{"first_name":"Ad","last_name":"Min"}');
update public.profiles set role = 'instructor' where id = '${ids.teacher}';
update public.profiles set role = 'admin' where id = '${ids.admin}';
insert into public.instructors (id, user_id, display_name, headline, bio, expertise) values
  ('${ids.instructor}', '${ids.teacher}', 'Tea Cher', 'Teaches things', 'A bio.', '{web,data}');
insert into public.categories (id, slug, name, position) values
  ('${ids.web}', 'web-development', 'Web Development', 1),
  ('${ids.data}', 'data-science', 'Data Science', 2);
insert into public.courses (id, slug, title, subtitle, description, outcomes, tags, instructor_id, category_id,
                            difficulty, status, price_amount, enrollment_count, rating_average, rating_count, published_at) values
  ('${ids.free}', 'intro-to-html', 'Intro to HTML', 'Build your first page', 'Learn markup from scratch.', '{Write HTML}', '{html,web}',
   '${ids.instructor}', '${ids.web}', 'beginner', 'published', 0, 1500, 4.5, 20, now() - interval '3 days'),
  ('${ids.paid}', 'pandas-in-practice', 'Pandas in Practice', 'Dataframes for analysts', 'Clean and analyse data with pandas.', '{Use pandas}', '{python,data}',
   '${ids.instructor}', '${ids.data}', 'intermediate', 'published', 4900, 10, 4.9, 8, now() - interval '90 days'),
  ('${ids.pricey}', 'ml-systems', 'Machine Learning Systems', 'Ship models', 'Production machine learning.', '{}', '{ml}',
   '${ids.instructor}', '${ids.data}', 'advanced', 'published', 19900, 300, 4.1, 3, now() - interval '200 days'),
  ('${ids.draft}', 'secret-draft', 'Secret Draft', '', 'Not yet.', '{}', '{}',
   '${ids.instructor}', '${ids.web}', 'beginner', 'draft', 0, 0, 0, 0, null);
insert into public.sections (id, course_id, title, position) values
  ('${ids.s1}', '${ids.free}', 'Basics', 1),
  ('${ids.s2}', '${ids.free}', 'Going further', 2),
  ('${ids.s3}', '${ids.paid}', 'Dataframes', 1);
insert into public.lessons (id, course_id, section_id, title, content_type, position, duration_minutes, is_preview,
                            drip_available_at) values
  ('${ids.l1}', '${ids.free}', '${ids.s1}', 'What is HTML', 'text', 1, 10, true, null),
  ('${ids.l2}', '${ids.free}', '${ids.s1}', 'Elements', 'text', 2, 15, false, null),
  ('${ids.l3}', '${ids.free}', '${ids.s2}', 'Forms', 'text', 1, 20, false, null),
  ('${ids.lDrip}', '${ids.free}', '${ids.s2}', 'Coming soon', 'text', 2, 5, false, now() + interval '7 days'),
  ('${ids.lPaid}', '${ids.paid}', '${ids.s3}', 'Series', 'text', 1, 12, false, null);
insert into public.lesson_contents (lesson_id, text_content) values
  ('${ids.l1}', 'HTML is markup.'), ('${ids.l2}', 'Elements nest.'), ('${ids.l3}', 'Forms collect input.'),
  ('${ids.lDrip}', 'Later.'), ('${ids.lPaid}', 'A series is a column.');
`;

export interface EdgeHarness {
  app: ReturnType<typeof createApp>;
  db: HostDatabase;
  token(userId: string, overrides?: Partial<JwtClaims>): Promise<string>;
  as(userId: string): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export async function signToken(
  claims: Record<string, unknown>,
  secret = TEST_SECRET,
  expiresIn: string | number = '1h',
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}

export interface EdgeHarnessOptions {
  /** A migrated database to use (the caller drops it); a fresh PGlite when absent. */
  db?: HostDatabase;
  /**
   * 'fixture' (default): the small catalog above, with `ids`. 'demo': the real demo seed
   * (seed/), for tests that want every shape the product ships; its ids come from seed/ids.ts.
   */
  data?: 'fixture' | 'demo';
  /** The payment provider (default: the local one, signing with TEST_WEBHOOK_SECRET). */
  payments?: PaymentProvider;
  commerce?: CommerceConfig;
  /** The code-lab runner (a real sandbox pool in Node tests); absent, lab runs answer 503 labs_unavailable. */
  labs?: LabRunner;
  /** Mail the data API sends (invitations, contact messages); absent, none is sent. */
  mailer?: Mailer;
}

export async function makeEdgeHarness(opts: EdgeHarnessOptions = {}): Promise<EdgeHarness> {
  const test = opts.db ? null : await freshPglite();
  const db = opts.db ?? test!.db;
  if (opts.data === 'demo') {
    // Loaded on demand: only these tests pay for the seed's modules (bcrypt among them).
    const { seed } = await import('../../seed/seed.ts');
    await seed(db);
  } else {
    await db.runScript(FIXTURE);
  }
  const app = createApp({
    db,
    verifier: hs256Verifier(TEST_SECRET),
    publicConfig: () => ({
      mode: 'embedded',
      supabaseUrl: 'http://localhost:8787',
      supabaseAnonKey: 'anon-key',
      devOutbox: true,
    }),
    payments: opts.payments ?? testPayments(),
    commerce: opts.commerce,
    labs: opts.labs,
    mailer: opts.mailer,
  });
  const token = (userId: string, overrides: Partial<JwtClaims> = {}) =>
    signToken({
      sub: userId,
      role: 'authenticated',
      aud: 'authenticated',
      email: `${userId}@test.local`,
      ...overrides,
    });
  return {
    app,
    db,
    token,
    async as(userId) {
      return { authorization: `Bearer ${await token(userId)}` };
    },
    close: () => (test ? test.drop() : Promise.resolve()),
  };
}
