import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { adminCatalogRoutes } from './admin-catalog/routes.ts';
import { adminCourseRoutes } from './admin-courses/routes.ts';
import { adminOverviewRoutes } from './admin-overview/routes.ts';
import { adminPeopleRoutes } from './admin-people/routes.ts';
import type { PublicConfig } from './api-types.ts';
import { assignmentRoutes } from './assignments/routes.ts';
import type { JwtVerifier } from './auth/jwt.ts';
import { blogRoutes } from './blog/routes.ts';
import { catalogRoutes } from './catalog/routes.ts';
import { type CertificateConfig, certificateRoutes } from './certificates/routes.ts';
import { adminCommerceRoutes } from './commerce/admin/routes.ts';
import { bundleRoutes } from './commerce/bundles/routes.ts';
import { type CommerceConfig, commerceConfig } from './commerce/checkout/config.ts';
import { checkoutRoutes } from './commerce/checkout/routes.ts';
import { companyRoutes } from './commerce/companies/routes.ts';
import { orderRoutes } from './commerce/orders/routes.ts';
import { IMPORT_BODY_BYTES, isCompanyImportRoute } from './companies/body-limit.ts';
import { companyLearningRoutes } from './companies/routes.ts';
import { dashboardRoutes } from './dashboard/routes.ts';
import type { Database } from './db/port.ts';
import { enrollmentRoutes } from './enrollments/routes.ts';
import { faqRoutes } from './faq/routes.ts';
import { faqCenterRoutes } from './faq-center/routes.ts';
import { type Env, identify } from './http/context.ts';
import { AppError, notFound, onError } from './http/errors.ts';
import { securityHeaders } from './http/security-headers.ts';
import { isLabCodeRoute, LAB_BODY_BYTES } from './labs/body-limit.ts';
import { labRoutes } from './labs/routes.ts';
import type { LabRunner } from './labs/runner.ts';
import type { Mailer } from './mail/port.ts';
import { moderationRoutes } from './moderation/routes.ts';
import { noteRoutes } from './notes/routes.ts';
import { notificationRoutes } from './notifications/routes.ts';
import type { PaymentProvider } from './payments/port.ts';
import { payoutRoutes } from './payouts/routes.ts';
import { profileRoutes } from './profile/routes.ts';
import { progressRoutes } from './progress/routes.ts';
import { quizRoutes } from './quizzes/routes.ts';
import { reviewRoutes } from './reviews/routes.ts';
import { sessionRoutes } from './sessions/routes.ts';
import { siteRoutes } from './site/routes.ts';
import { teachingRoutes } from './teaching/routes.ts';

export interface EdgeDeps {
  db: Database;
  verifier: JwtVerifier;
  /**
   * Public settings for the web app. It gets the request so a host can tell where the caller
   * is (the Node host shows the dev outbox only to this machine), but the URLs in it must come
   * from configuration, never from the request's Host header (which a DNS-rebinding page sets).
   */
  publicConfig: (request: Request) => PublicConfig;
  now?: () => Date;
  /** Anonymous catalog answers kept in process (edge/catalog/cache.ts); 0 turns that cache off. */
  catalogCacheEntries?: number;
  /** The payment provider (edge/payments), chosen once at boot: the local test checkout or Stripe. */
  payments: PaymentProvider;
  /** Checkout and orders: the site origin gateways return to, the seller on invoices, the refund policy. */
  commerce?: CommerceConfig;
  /** Certificates: the credential signing key, the site URL in QR codes, the platform's name (default: commerce's). */
  certificates?: Partial<CertificateConfig>;
  /** Code labs' runner: the sandbox pool (Node host) or a remote one; absent, lab runs answer 503. */
  labs?: LabRunner;
  /** Outgoing mail (company invitations): the Node host's outbox; absent, routes answer `mailed: false`. */
  mailer?: Mailer;
}

export const MAX_BODY_BYTES = 64 * 1024;

/** The data API. Mounted at /api by the Node host and by the Supabase Edge Function. */
export function createApp(deps: EdgeDeps): Hono<Env> {
  const now = deps.now ?? (() => new Date());
  const app = new Hono<Env>().basePath('/api');
  app.onError(onError);
  app.notFound(() => {
    throw notFound('route');
  });
  app.use(securityHeaders());
  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new AppError(413, 'payload_too_large', `request bodies are limited to ${maxSize} bytes`);
      },
    });
  const smallBodies = limit(MAX_BODY_BYTES);
  // Only the routes that carry code (edge/labs/body-limit.ts) take lab-sized bodies.
  const labBodies = limit(LAB_BODY_BYTES);
  // Employee imports (edge/companies/body-limit.ts) take a CSV file of up to 1 MiB.
  const importBodies = limit(IMPORT_BODY_BYTES);
  app.use((c, next) =>
    (isLabCodeRoute(c.req.method, c.req.path)
      ? labBodies
      : isCompanyImportRoute(c.req.method, c.req.path)
        ? importBodies
        : smallBodies)(c, next),
  );
  app.use(async (c, next) => {
    await next();
    if (!c.res.headers.has('cache-control')) c.header('cache-control', 'no-store');
  });

  app.get('/health', async (c) => {
    await deps.db.asCaller({ role: 'anon' }, (sql) => sql.query('select 1'));
    return c.json({ status: 'ok' });
  });
  app.get('/config', (c) => c.json(deps.publicConfig(c.req.raw)));

  app.use(identify(deps.verifier));
  app.route('/', catalogRoutes(deps.db, now, { cacheEntries: deps.catalogCacheEntries }));
  app.route('/', bundleRoutes(deps.db, now, { cacheEntries: deps.catalogCacheEntries }));
  app.route('/', companyRoutes(deps.db, now));
  app.route('/', enrollmentRoutes(deps.db));
  app.route('/', progressRoutes(deps.db));
  app.route('/', reviewRoutes(deps.db));
  app.route('/', faqRoutes(deps.db));
  app.route('/', dashboardRoutes(deps.db));
  app.route('/', notificationRoutes(deps.db));
  app.route('/', teachingRoutes(deps.db));
  app.route('/', quizRoutes(deps.db));
  app.route('/', adminCourseRoutes(deps.db));
  app.route('/', adminCatalogRoutes(deps.db));
  app.route('/', moderationRoutes(deps.db));
  app.route('/', adminPeopleRoutes(deps.db));
  app.route('/', adminOverviewRoutes(deps.db, now));
  app.route('/', payoutRoutes(deps.db, now));
  app.route('/', assignmentRoutes(deps.db));
  app.route('/', labRoutes({ db: deps.db, runner: deps.labs }));
  const commerce = {
    db: deps.db,
    payments: deps.payments,
    now,
    config: deps.commerce ?? commerceConfig({}, 'http://localhost:8787'),
  };
  app.route('/', checkoutRoutes(commerce));
  app.route('/', orderRoutes(commerce));
  app.route(
    '/',
    companyLearningRoutes({
      db: deps.db,
      now,
      siteUrl: commerce.config.siteUrl,
      platformName: commerce.config.seller.name,
      mailer: deps.mailer,
    }),
  );
  app.route('/', noteRoutes(deps.db));
  app.route('/', sessionRoutes({ db: deps.db, now, siteUrl: commerce.config.siteUrl }));
  app.route('/', faqCenterRoutes({ db: deps.db, mailer: deps.mailer, siteUrl: commerce.config.siteUrl }));
  app.route('/', siteRoutes(deps.db, now));
  app.route(
    '/',
    blogRoutes({
      db: deps.db,
      siteUrl: commerce.config.siteUrl,
      // Embedded, storage is this host: cover URLs are site paths, right under any host name.
      storageUrl: (req) => {
        const config = deps.publicConfig(req);
        return config.mode === 'embedded' ? '' : config.supabaseUrl;
      },
      platformName: commerce.config.seller.name,
      mailer: deps.mailer,
    }),
  );
  app.route('/', adminCommerceRoutes({ db: deps.db, payments: deps.payments, now }));
  // Avatar URLs must be on the Supabase project URL the web app is given.
  const projectUrl = (req: Request) => deps.publicConfig(req).supabaseUrl;
  app.route('/', profileRoutes(deps.db, projectUrl));
  const certificates = { siteUrl: commerce.config.siteUrl, platformName: commerce.config.seller.name };
  app.route('/', certificateRoutes(deps.db, { ...certificates, ...deps.certificates }));
  return app;
}
