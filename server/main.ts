import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import { seed, isSeeded } from '../seed/seed.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../seed/data/accounts.ts';
import { createHostApp } from './app.ts';
import { migrate } from './db/migrate.ts';
import { openHostDatabase } from './db/open.ts';
import { parseEnv } from './env.ts';
import { jwtSecret } from './secrets.ts';

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const env = parseEnv();
  const db = await openHostDatabase(env);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal}: closing the database cleanly…`);
    // Let requests in flight finish (at most a few seconds), then close the database.
    await Promise.race([
      new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined))),
      new Promise((resolve) => setTimeout(resolve, 3000)),
    ]);
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  let server: ReturnType<typeof serve> | undefined;

  const applied = await migrate(db);
  if (applied.length) log(`applied ${applied.length} migration(s): ${applied.join(', ')}`);
  if (env.SEED && !(await isSeeded(db))) {
    log('seeding demo data (first start)…');
    await seed(db, { onProgress: (step, done, total) => log(`  seeding [${done}/${total}] ${step}`) });
  }

  const secret = jwtSecret(env);
  const webRoot = fileURLToPath(new URL('../dist/web', import.meta.url));
  // The app is built once the port is known (PORT=0 picks one), since mail links need it.
  let app: Awaited<ReturnType<typeof createHostApp>> | undefined;
  server = serve(
    {
      hostname: env.HOST,
      port: env.PORT,
      fetch: (req, bindings: { incoming?: { socket?: { remoteAddress?: string } } }) => {
        if (!app) return new Response('starting', { status: 503, headers: { 'retry-after': '1' } });
        // Rate limits key on the socket's address; a client-sent x-real-ip is never trusted.
        req.headers.set('x-real-ip', bindings.incoming?.socket?.remoteAddress ?? 'unknown');
        return app.fetch(req, bindings);
      },
    },
    (info) => {
      const url = `http://localhost:${info.port}`;
      void createHostApp({ env, siteUrl: env.SITE_URL ?? url, db, jwtSecret: secret, webRoot }).then((built) => {
        app = built;
        // One write, so whoever reads the output sees the whole banner at once.
        const lines = ['', `LMS is running at ${url}  (${db.kind === 'pglite' ? `PGlite in ${env.DATA_DIR}` : 'PostgreSQL'})`];
        if (env.SEED) {
          lines.push(`Demo accounts (password: ${DEMO_PASSWORD}):`);
          for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.email.padEnd(26)} ${a.role}`);
        }
        if (env.DEV_OUTBOX) lines.push(`Mail outbox (dev): ${url}/dev/outbox`);
        log(`${lines.join('\n')}\n`);
      }, (err: unknown) => {
        process.stderr.write(`lms: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exit(1);
      });
    },
  );
}

main().catch((err) => {
  process.stderr.write(`lms: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
