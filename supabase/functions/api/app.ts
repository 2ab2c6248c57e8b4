import { createApp } from '../../../edge/app.ts';
import { hs256Verifier } from '../../../edge/auth/jwt.ts';
import { importSigningKey } from '../../../edge/certificates/keys.ts';
import { commerceConfig } from '../../../edge/commerce/checkout/config.ts';
import { openPostgres } from '../../../edge/db/postgres.ts';
import { parseEdgeEnv } from '../../../edge/env.ts';
import { remoteLabRunner } from '../../../edge/labs/remote-runner.ts';
import { createPaymentProvider } from '../../../edge/payments/provider.ts';

/**
 * The data API as a Supabase Edge Function (Supabase mode). Same Hono app as the Node host;
 * the database is the project's, reached with the `pg` driver (npm compat on Deno); auth is
 * Supabase Auth, whose tokens are verified with the project's JWT secret. Payments: Stripe with
 * STRIPE_SECRET_KEY, else the local test checkout; either way events are signed with
 * STRIPE_WEBHOOK_SECRET (required here: an Edge Function has no data dir to keep a generated one).
 */
export async function buildFunction(source: Record<string, string | undefined>) {
  const env = parseEdgeEnv(source);
  const db = await openPostgres(env.SUPABASE_DB_URL, env.DB_POOL_SIZE);
  const app = createApp({
    db,
    verifier: hs256Verifier(env.JWT_SECRET),
    publicConfig: () => ({
      mode: 'supabase',
      supabaseUrl: env.SUPABASE_URL,
      supabaseAnonKey: env.SUPABASE_ANON_KEY,
      devOutbox: false,
    }),
    payments: createPaymentProvider({ ...env, webhookSecret: env.STRIPE_WEBHOOK_SECRET, siteUrl: env.SITE_URL }),
    commerce: commerceConfig(env, env.SITE_URL),
    certificates: { signingKey: await importSigningKey(env.CERTIFICATE_SIGNING_KEY) },
    // Lab code never runs in the function: the Node service's sandbox pool runs it.
    labs: env.LABS_URL && env.LABS_TOKEN ? remoteLabRunner({ url: env.LABS_URL, token: env.LABS_TOKEN }) : undefined,
  });
  return { app, close: () => db.close() };
}
