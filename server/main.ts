import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type HttpBindings, serve } from '@hono/node-server';
import { commerceConfig } from '../edge/commerce/checkout/config.ts';
import { startOrderExpiry } from '../edge/commerce/checkout/expiry.ts';
import type { LabRunner } from '../edge/labs/runner.ts';
import { createPaymentProvider } from '../edge/payments/provider.ts';
import { startSessionReminders } from '../edge/sessions/starting.ts';
import { isSeeded, seed } from '../seed/seed.ts';
import { createHostApp } from './app.ts';
import { startBanner } from './banner.ts';
import { certificateSigningKey } from './certificate-key.ts';
import { privateDataDir } from './data-dir.ts';
import { startAnalyzer } from './db/analyzer.ts';
import { migrate } from './db/migrate.ts';
import { openHostDatabase } from './db/open.ts';
import { drainAfterResponse } from './drain.ts';
import { parseEnv } from './env.ts';
import { createHostLabRunner } from './labs/pool.ts';
import { unsubscribeSecret } from './mail/secret.ts';
import { type HostMail, startMailService } from './mail/service.ts';
import { stripeWebhookSecret } from './payments-secret.ts';
import { createRealtime, type RealtimeService } from './realtime/service.ts';
import { jwtSecret } from './secrets.ts';
import { storageRootOf } from './storage/app.ts';
import { createYjsServer, type YjsServer } from './yjs/server.ts';

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const env = parseEnv();
  const production = env.NODE_ENV === 'production';
  // Before anything touches the data dir: every file created from here on is the owner's alone.
  const dataDir = resolve(env.DATA_DIR);
  const loosened = privateDataDir(dataDir);
  if (loosened.length) {
    process.stderr.write(
      `lms: warning: ${loosened.length} file(s) in ${dataDir} were readable by other users; they are private now ` +
        '(the database holds password-reset tokens)\n',
    );
  }
  // The webhook signing secret: STRIPE_WEBHOOK_SECRET, or (local provider) generated into the data dir.
  const webhookSecret = stripeWebhookSecret(env);
  // The certificate credentials' signing key: CERTIFICATE_SIGNING_KEY, or generated into the data dir.
  const certificateKey = await certificateSigningKey(env);
  const db = await openHostDatabase(env);
  let stopOrderExpiry = () => {};
  let stopSessionReminders = () => {};
  let stopAnalyzer = () => {};
  let labs: LabRunner | undefined;
  let mail: HostMail | undefined;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal}: closing the database cleanly…`);
    // Realtime sockets first: an upgraded socket would hold the HTTP server open.
    await realtime?.close();
    // Shared notes: their sockets too, after the updates in flight are persisted.
    await yjs?.close();
    stopOrderExpiry();
    stopSessionReminders();
    stopAnalyzer();
    // Let requests in flight finish (at most a few seconds), then close the database.
    await Promise.race([
      new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined))),
      new Promise((resolve) => setTimeout(resolve, 3000)),
    ]);
    // The sandbox worker processes: after the requests that were waiting on them.
    await labs?.close();
    // The mail queue: deliveries in flight finish (a few seconds at most), the rest wait in the database.
    await mail?.stop().catch((err) => process.stderr.write(`lms: mail queue: ${err}\n`));
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  let server: ReturnType<typeof serve> | undefined;
  let realtime: RealtimeService | undefined;
  let yjs: YjsServer | undefined;

  const applied = await migrate(db);
  if (applied.length) log(`applied ${applied.length} migration(s): ${applied.join(', ')}`);
  let adminPassword: string | undefined;
  if (env.SEED && !(await isSeeded(db))) {
    // In production demo data exists only on request (SEED=true), and its admin gets a password
    // of its own: the README's demo password would open the whole platform to anyone.
    if (production) adminPassword = randomBytes(18).toString('base64url');
    log('seeding demo data (first start)…');
    await seed(db, {
      adminPassword,
      storageRoot: storageRootOf(env),
      onProgress: (step, done, total) => log(`  seeding [${done}/${total}] ${step}`),
    });
  }

  // PGlite has no autovacuum: the host keeps its planner statistics fresh (server/db/analyzer.ts).
  const analyzer = startAnalyzer(db);
  stopAnalyzer = analyzer.stop;
  await analyzer.ready;

  const secret = jwtSecret(env);
  // Signs unsubscribe links in notification mail: MAIL_UNSUBSCRIBE_SECRET, or generated into the data dir.
  const mailSecret = unsubscribeSecret(env);
  // Pending orders past their checkout's end release their coupon holds, every minute.
  stopOrderExpiry = startOrderExpiry(db);
  // Participants of a live session starting within 15 minutes are told, once (the bell, live).
  stopSessionReminders = startSessionReminders(db);
  // Code labs: a pool of sandbox worker processes (LABS_WORKERS=0: none, lab runs answer 503).
  labs = createHostLabRunner(env);
  const webRoot = fileURLToPath(new URL('../dist/web', import.meta.url));
  // The app is built once the port is known (PORT=0 picks one), since mail links need it.
  let app: Awaited<ReturnType<typeof createHostApp>> | undefined;
  server = serve(
    {
      hostname: env.HOST,
      port: env.PORT,
      // drainAfterResponse reads what is left of a refused upload, instead of a reset after 500 ms.
      autoCleanupIncoming: false,
      fetch: (req, raw) => {
        const bindings = raw as HttpBindings; // an HTTP/1.1 server: serve() was given no createServer
        drainAfterResponse(bindings.incoming, bindings.outgoing);
        if (!app) {
          return Response.json(
            { error: { code: 'starting', message: 'the server is starting' } },
            { status: 503, headers: { 'retry-after': '1' } },
          );
        }
        // Rate limits key on the socket's address; a client-sent x-real-ip is never trusted.
        req.headers.set('x-real-ip', bindings.incoming.socket?.remoteAddress ?? 'unknown');
        return app.fetch(req, bindings);
      },
    },
    (info) => {
      const url = `http://localhost:${info.port}`;
      const siteUrl = env.SITE_URL ?? url;
      // Realtime upgrades the same HTTP/1.1 server's sockets at /realtime/v1/websocket.
      void createRealtime({ db, jwtSecret: secret })
        .then((rt) => {
          realtime = rt;
          if (server) rt.attach(server as import('node:http').Server);
          // Shared notes (Yjs) upgrade the same server's sockets at /yjs/<document>.
          yjs = createYjsServer({
            db,
            jwtSecret: secret,
            maxMessageBytes: env.YJS_MAX_MESSAGE_BYTES,
            // Updates are shared once journaled here, and stored in the database right after.
            journalDir: join(resolve(env.DATA_DIR), 'yjs-journal'),
          });
          if (server) yjs.attach(server as import('node:http').Server);
          // Chosen once: Stripe with STRIPE_SECRET_KEY, else the local test checkout on this site.
          const payments = createPaymentProvider({ ...env, webhookSecret, siteUrl });
          return startMailService({
            db,
            env,
            siteUrl,
            platformName: commerceConfig(env, siteUrl).seller.name,
            unsubscribeSecret: mailSecret,
            log,
          }).then((started) => {
            mail = started;
            return { payments, rt, started };
          });
        })
        .then(({ payments, rt, started }) => {
          return createHostApp({
            env,
            siteUrl,
            port: info.port,
            db,
            jwtSecret: secret,
            webRoot,
            realtime: rt,
            payments,
            certificateKey,
            labs,
            mail: started,
          });
        })
        .then(
          (built) => {
            app = built;
            const database = db.kind === 'pglite' ? `PGlite in ${env.DATA_DIR}` : 'PostgreSQL';
            // One write, so whoever reads the output sees the whole banner at once.
            const lines = startBanner({
              url,
              database,
              production,
              seed: env.SEED,
              adminPassword,
              devOutbox: env.DEV_OUTBOX,
            });
            log(`${lines.join('\n')}\n`);
          },
          (err: unknown) => {
            process.stderr.write(`lms: ${err instanceof Error ? err.message : String(err)}\n`);
            process.exit(1);
          },
        );
    },
  );
}

main().catch((err) => {
  process.stderr.write(`lms: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
