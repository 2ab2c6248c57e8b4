import { Hono } from 'hono';
import { createApp } from '../edge/app.ts';
import { hs256Verifier } from '../edge/auth/jwt.ts';
import { createAuthApp } from './auth/app.ts';
import { anonKey } from './auth/keys.ts';
import type { HostDatabase } from './db/types.ts';
import type { Env } from './env.ts';
import { outboxMailer } from './mail/outbox.ts';
import { webApp } from './static.ts';

const isLoopback = (ip: string | undefined) =>
  ip !== undefined && (ip === '::1' || /^127\./.test(ip) || /^::ffff:127\./.test(ip));

export interface HostDeps {
  env: Env;
  /** The public origin (SITE_URL, or the address the server listens on). */
  siteUrl: string;
  db: HostDatabase;
  jwtSecret: string;
  webRoot: string;
}

/**
 * The embedded-mode host: the data API (edge/) at /api, the Supabase Auth subset at
 * /auth/v1, the dev outbox at /dev/api/outbox, and the built web app for everything else.
 */
export async function createHostApp({ env, siteUrl, db, jwtSecret, webRoot }: HostDeps): Promise<Hono> {
  const mailer = outboxMailer(db);
  const anon = await anonKey(jwtSecret);
  const app = new Hono();

  app.route(
    '/',
    createApp({
      db,
      verifier: hs256Verifier(jwtSecret),
      publicConfig: (origin) => ({ mode: 'embedded', supabaseUrl: origin, supabaseAnonKey: anon, devOutbox: env.DEV_OUTBOX }),
    }),
  );
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
  if (env.DEV_OUTBOX) {
    // Live reset links: only for a browser on this machine (the host sets x-real-ip from the socket).
    app.get('/dev/api/outbox', async (c) => {
      if (!isLoopback(c.req.header('x-real-ip'))) {
        return c.json({ error: { code: 'forbidden', message: 'the dev outbox is only served to this machine' } }, 403);
      }
      return c.json({ items: await mailer.list(100) }, 200, { 'cache-control': 'no-store' });
    });
  }
  // A mounted app's own notFound does not apply here: unknown API paths must not fall
  // through to the web app's index.html.
  for (const prefix of ['/api', '/auth/v1', '/dev/api']) {
    app.all(`${prefix}/*`, (c) => c.json({ error: { code: 'not_found', message: 'route not found' } }, 404));
  }
  app.get('*', webApp(webRoot));
  return app;
}
