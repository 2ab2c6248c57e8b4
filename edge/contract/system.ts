import { z } from 'zod';

/** GET /api/health, GET /api/config and the one error shape every route answers with. */

export const health = z.strictObject({ status: z.literal('ok') });

/** Public settings for the web app (nothing secret: the anon key is publishable). */
export const publicConfig = z.strictObject({
  mode: z.enum(['embedded', 'supabase']),
  supabaseUrl: z.string(),
  supabaseAnonKey: z.string(),
  /** Embedded mode only: the dev outbox page is available. */
  devOutbox: z.boolean(),
});

/** Every 4xx and 5xx: a stable machine-readable code and a sentence for people. */
export const apiErrorBody = z.strictObject({
  error: z.strictObject({
    code: z.string().min(1),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

export type Health = z.infer<typeof health>;
export type PublicConfig = z.infer<typeof publicConfig>;
export type ApiErrorBody = z.infer<typeof apiErrorBody>;
