import { z } from 'zod';
import { signingKeyEnv } from '../edge/certificates/keys.ts';
import { commerceEnvShape } from '../edge/commerce/checkout/config.ts';
import { paymentEnvShape } from '../edge/payments/provider.ts';
import { mailEnvShape } from './mail/config.ts';

/** The Node host's environment, parsed once at boot. A bad value fails the start clearly. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('127.0.0.1'),
  /** Public origin of the site, for links in mail. Defaults to http://localhost:<listening port>. */
  SITE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('.data'),
  /** Where the embedded storage service keeps object bytes. Defaults to DATA_DIR/storage. */
  STORAGE_DIR: z.string().min(1).optional(),
  /** The largest object any storage bucket accepts, in bytes (a bucket's own limit may be lower). */
  STORAGE_MAX_FILE_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(50 * 1024 ** 3)
    .default(2 * 1024 ** 3),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  /** Connections in the DATABASE_URL pool; unset: from the CPU count (edge/db/postgres.ts defaultPoolSize). */
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).optional(),
  /** Anonymous catalog answers kept in process (edge/catalog/cache.ts); 0 turns that cache off. */
  CATALOG_CACHE_ENTRIES: z.coerce.number().int().min(0).max(100_000).default(500),
  /** HS256 secret for JWTs. Generated into DATA_DIR on first start when unset. */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_EXPIRY_SECONDS: z.coerce.number().int().min(60).max(604800).default(3600),
  /** Sign-ups are confirmed at once (Supabase's local default). Set false to require the mail link. */
  AUTH_AUTOCONFIRM: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Sign-in attempts per email and per IP in a 5-minute window. */
  AUTH_SIGNIN_LIMIT: z.coerce.number().int().min(1).default(10),
  /**
   * Seed demo data on first start. Off by default when NODE_ENV=production: demo accounts with
   * the README's password must never appear in production by accident (SEED=true asks for them,
   * and then the admin gets a generated password, printed once).
   */
  SEED: z.enum(['true', 'false']).optional(),
  /**
   * Serve the embedded mail outbox (/dev/outbox) to clients on this machine. It holds live
   * reset links, so it is off by default when NODE_ENV=production.
   */
  DEV_OUTBOX: z.enum(['true', 'false']).optional(),
  NODE_ENV: z.string().default('development'),
  /** Stripe keys (local test checkout without them) and the seller and refund settings: docs/payments.md. */
  ...paymentEnvShape,
  ...commerceEnvShape,
  /** Mail: SMTP transport (unset: the embedded outbox), From address, unsubscribe signing key: docs/mail.md. */
  ...mailEnvShape,
  /** Signs certificate credentials: a private EC P-256 or Ed25519 JWK. Generated into DATA_DIR on first start when unset. */
  CERTIFICATE_SIGNING_KEY: signingKeyEnv.optional(),
  /** Code labs: sandbox worker processes (unset: CPUs - 1, from 1 to 8). 0 turns code labs off. */
  LABS_WORKERS: z.coerce.number().int().min(0).max(8).optional(),
  /** Lab runs waiting for a worker before new ones are refused (503 queue_full). */
  LABS_MAX_QUEUE: z.coerce.number().int().min(1).max(10_000).default(100),
  /** Per-user rate limit of lab runs: a bucket of LABS_RATE_BURST runs, refilled at LABS_RATE_PER_SECOND. */
  LABS_RATE_BURST: z.coerce.number().int().min(1).max(1000).default(10),
  LABS_RATE_PER_SECOND: z.coerce.number().positive().max(1000).default(2),
  /** Bearer token of the runner service at /labs/v1 (for Supabase Edge Functions); unset, it is off. */
  LABS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Shared notes (Yjs): a larger WebSocket frame closes its connection with 1009. Default 1 MiB. */
  YJS_MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(1024 * 1024),
});

export type Env = Omit<z.infer<typeof schema>, 'DEV_OUTBOX' | 'SEED'> & { DEV_OUTBOX: boolean; SEED: boolean };

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const flag = (value: 'true' | 'false' | undefined) => (value ? value === 'true' : env.NODE_ENV !== 'production');
  return { ...env, DEV_OUTBOX: flag(env.DEV_OUTBOX), SEED: flag(env.SEED) };
}
