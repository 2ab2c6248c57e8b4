import { z } from 'zod';

/** The Edge Function's environment (Supabase mode), parsed once at boot. */
const schema = z.object({
  SUPABASE_URL: z.string().url(),
  SUPABASE_ANON_KEY: z.string().min(20),
  /** Supabase provides it to Edge Functions: the database, as the `postgres` role. */
  SUPABASE_DB_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  /** The project's JWT secret (Settings → API), set with `supabase secrets set JWT_SECRET=...`. */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(20).default(3),
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
