import { z } from 'zod';

/**
 * Request bodies, as auth-js sends them. Unknown keys (gotrue_meta_security, channel, ...)
 * are accepted and ignored, as GoTrue does; wrong types are a 400 validation_failed.
 */

/** user_metadata is echoed into every access token: keep it small (8 KB of JSON). */
export const MAX_METADATA_BYTES = 8 * 1024;
/** Levels of nesting in user_metadata: `{}` is one, `{ a: { b: 1 } }` two. */
export const MAX_METADATA_DEPTH = 8;

const metadata = z.record(z.string(), z.unknown());
const optionalString = z.string().nullish();

const pkce = {
  code_challenge: optionalString,
  code_challenge_method: optionalString,
};

export const signupBody = z.object({
  email: optionalString,
  phone: optionalString,
  password: optionalString,
  data: metadata.nullish(),
  ...pkce,
});

export const passwordGrantBody = z.object({
  email: optionalString,
  phone: optionalString,
  password: optionalString,
});

export const refreshGrantBody = z.object({ refresh_token: optionalString });

export const pkceGrantBody = z.object({ auth_code: optionalString, code_verifier: optionalString });

export const updateUserBody = z.object({
  email: optionalString,
  phone: optionalString,
  password: optionalString,
  /** Keys set to null are removed from user_metadata; others are merged in. */
  data: metadata.nullish(),
  nonce: optionalString,
  current_password: optionalString,
  ...pkce,
});

export const recoverBody = z.object({ email: optionalString, ...pkce });

export const VERIFY_TYPES = ['signup', 'email', 'recovery', 'email_change', 'invite', 'magiclink'] as const;
export type VerifyType = (typeof VERIFY_TYPES)[number];

export const verifyBody = z.object({
  type: optionalString,
  token_hash: optionalString,
  token: optionalString,
  email: optionalString,
  phone: optionalString,
  redirect_to: optionalString,
});

export type SignupBody = z.infer<typeof signupBody>;
export type UpdateUserBody = z.infer<typeof updateUserBody>;
