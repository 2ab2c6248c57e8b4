import { z } from 'zod';
import { signingKeyEnv } from './certificates/keys.ts';
import { commerceEnvShape } from './commerce/checkout/config.ts';
import { paymentEnvShape } from './payments/provider.ts';

/** The Edge Function's environment (Supabase mode), parsed once at boot. */
const schema = z.object({
  SUPABASE_URL: z.string().url(),
  SUPABASE_ANON_KEY: z.string().min(20),
  /** Supabase provides it to Edge Functions: the database, as the `postgres` role. */
  SUPABASE_DB_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  /** The project's JWT secret (Settings → API), set with `supabase secrets set JWT_SECRET=...`. */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(20).default(3),
  /** The web app's public origin: where the payment gateway sends buyers back. */
  SITE_URL: z.string().url(),
  ...paymentEnvShape,
  /** Required here: nothing generates one in an Edge Function, and the local provider signs with it too. */
  STRIPE_WEBHOOK_SECRET: paymentEnvShape.STRIPE_WEBHOOK_SECRET.unwrap(),
  ...commerceEnvShape,
  /** Signs certificate credentials (a private JWK): an Edge Function has no data dir to keep a generated one. */
  CERTIFICATE_SIGNING_KEY: signingKeyEnv,
  /** Code labs: the Node service's origin whose pool runs lab code (server/labs/http.ts); unset, labs answer 503. */
  LABS_URL: z.string().url().optional(),
  /** The bearer token that service expects (its LABS_TOKEN). */
  LABS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
});

export type EdgeEnv = z.infer<typeof schema>;

export function parseEdgeEnv(source: Record<string, string | undefined>): EdgeEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new Error(
      `invalid environment:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  return parsed.data;
}
