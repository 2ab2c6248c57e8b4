import { Hono } from 'hono';
import { createApp } from '../edge/app.ts';
import { hs256Verifier } from '../edge/auth/jwt.ts';
import type { SigningKey } from '../edge/certificates/keys.ts';
import { jwksResponse } from '../edge/certificates/routes.ts';
import { commerceConfig } from '../edge/commerce/checkout/config.ts';
import { securityHeaders } from '../edge/http/security-headers.ts';
import type { LabRunner } from '../edge/labs/runner.ts';
import type { PaymentProvider } from '../edge/payments/port.ts';
import { createAuthApp } from './auth/app.ts';
import { anonKey } from './auth/keys.ts';
import type { HostDatabase } from './db/types.ts';
import type { Env } from './env.ts';
import { labsServiceApp } from './labs/http.ts';
import { outboxMailer } from './mail/outbox.ts';
import type { HostMail } from './mail/service.ts';
import { unsubscribeRoutes } from './mail/unsubscribe.ts';
import { knownOrigins } from './origins.ts';
import type { RealtimeService } from './realtime/service.ts';
import { pageSeo } from './seo/render.ts';
import { seoRoutes } from './seo/routes.ts';
import { webApp } from './static.ts';
import { createStorageApp, storageRootOf } from './storage/app.ts';

/** Whether the socket's peer is this machine (the host puts the socket's address in x-real-ip). */
export const isLoopback = (ip: string | null | undefined) =>
  !!ip && (ip === '::1' || /^127\./.test(ip) || /^::ffff:127\./.test(ip));

const forbidden = (message: string) => ({ error: { code: 'forbidden', message } });

export interface HostDeps {
  env: Env;
  /** The public origin (SITE_URL, or the address the server listens on). */
  siteUrl: string;
  /** The port the server listens on: with it, localhost, 127.0.0.1 and [::1] are known origins. */
  port: number;
  db: HostDatabase;
  jwtSecret: string;
  webRoot: string;
  /** The embedded Realtime service: its REST side is mounted at /realtime/v1. */
  realtime?: RealtimeService;
  /** The payment provider, chosen at boot (server/main.ts). */
  payments: PaymentProvider;
  /** Signs certificate credentials (server/certificate-key.ts); absent: a key for this process only (tests). */
  certificateKey?: SigningKey;
  /** Code labs' sandbox pool (server/labs/pool.ts); absent, lab runs answer 503 labs_unavailable. */
  labs?: LabRunner;
  /** The queued mailer (server/mail/service.ts); absent, mail goes straight to the outbox (tests). */
  mail?: HostMail;
}

/**
 * The embedded-mode host: the data API (edge/) at /api, the Supabase Auth subset at
 * /auth/v1, the dev outbox at /dev/api/outbox, and the built web app for everything else.
 * Every response carries the same security headers (edge/http/security-headers.ts).
 */
export async function createHostApp({
  env,
  siteUrl,
  port,
  db,
  jwtSecret,
  webRoot,
  realtime,
  payments,
  certificateKey,
  labs,
  mail,
}: HostDeps): Promise<Hono> {
  const outbox = outboxMailer(db);
  const mailer = mail?.mailer ?? outbox;
  const anon = await anonKey(jwtSecret);
  const origins = knownOrigins(siteUrl, port, env.HOST);
  const app = new Hono();
  app.use(securityHeaders());

  // The dev pages hold live reset links. A DNS-rebinding page (evil.example resolving to
  // 127.0.0.1) reaches this server from this machine's browser, so the socket check alone is not
  // enough: the Host header must name this server too.
  app.use('/dev/*', async (c, next) => {
    if (!origins.has((c.req.header('host') ?? '').toLowerCase())) {
      return c.json(forbidden("the dev pages answer only to this server's own host names"), 403);
    }
    return next();
  });

  // One-click unsubscribe from notification and digest mail (server/mail/unsubscribe.ts).
  if (mail) app.route('/', unsubscribeRoutes(db, mail.unsubscribeSecret));
  app.route(
    '/',
    createApp({
      db,
      verifier: hs256Verifier(jwtSecret),
      catalogCacheEntries: env.CATALOG_CACHE_ENTRIES,
      // The configured origin, never the Host header: the origin the browser used when it is
      // one of ours (localhost and 127.0.0.1 are different origins to it), else SITE_URL.
      publicConfig: (req) => ({
        mode: 'embedded',
        supabaseUrl: origins.get((req.headers.get('host') ?? '').toLowerCase()) ?? new URL(siteUrl).origin,
        supabaseAnonKey: anon,
        // The web app links the outbox only for a browser on this machine, the only one it serves.
        devOutbox: env.DEV_OUTBOX && isLoopback(req.headers.get('x-real-ip')),
      }),
      payments,
      commerce: commerceConfig(env, siteUrl),
      certificates: { signingKey: certificateKey },
      labs,
      // Invitations and contact messages go through the same (queued) mailer as auth mail; receipts
      // and credit notes are asked for by the database (server/mail/order-mail.ts).
      mailer,
    }),
  );
  // The pool as a service for Supabase Edge Functions (edge/labs/remote-runner.ts), behind LABS_TOKEN.
  if (labs && env.LABS_TOKEN) app.route('/labs/v1', labsServiceApp(labs, env.LABS_TOKEN));
  // The public key of certificate credentials (Open Badges 3.0), for anyone to verify them offline.
  app.get('/.well-known/jwks.json', jwksResponse(certificateKey));
  app.route(
    '/auth/v1',
    createAuthApp({
      db,
      jwtSecret,
      jwtExpirySeconds: env.JWT_EXPIRY_SECONDS,
      siteUrl,
      autoconfirm: env.AUTH_AUTOCONFIRM,
      signinLimit: env.AUTH_SIGNIN_LIMIT,
      mailer,
    }),
  );
  if (realtime) app.route('/realtime/v1', realtime.rest);
  // The Supabase Storage subset at /storage/v1 (server/storage, docs/storage.md).
  app.route(
    '/',
    await createStorageApp({ db, jwtSecret, root: storageRootOf(env), maxFileSize: env.STORAGE_MAX_FILE_SIZE }),
  );
  if (env.DEV_OUTBOX) {
    // Live reset links: only for a browser on this machine (the host sets x-real-ip from the socket).
    app.get('/dev/api/outbox', async (c) => {
      if (!isLoopback(c.req.header('x-real-ip'))) {
        return c.json(forbidden('the dev outbox is only served to this machine'), 403);
      }
      // Mail is queued: what was sent just before this read is delivered first (bounded wait).
      await mail?.settle(3000);
      return c.json({ items: await outbox.list(100) }, 200, { 'cache-control': 'no-store' });
    });
  }
  // A mounted app's own notFound does not apply here: unknown API paths must not fall
  // through to the web app's index.html.
  for (const prefix of ['/api', '/auth/v1', '/dev/api', '/realtime/v1', '/labs/v1']) {
    app.all(`${prefix}/*`, (c) => c.json({ error: { code: 'not_found', message: 'route not found' } }, 404));
  }
  // robots.txt and sitemap.xml from the data; public pages carry their head and content (server/seo).
  app.route('/', seoRoutes(db, siteUrl));
  // Pages carry their first data, asked from this app in-process (server/static.ts).
  app.get('*', webApp(webRoot, { api: (request) => app.fetch(request), seo: pageSeo(siteUrl) }));
  app.all('*', (c) =>
    c.json({ error: { code: 'method_not_allowed', message: 'pages are read with GET' } }, 405, { allow: 'GET, HEAD' }),
  );
  app.onError((err, c) => {
    console.error('host: unhandled error', err);
    return c.json({ error: { code: 'internal', message: 'something went wrong on our side' } }, 500);
  });
  return app;
}
