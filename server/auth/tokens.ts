import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { SignJWT } from 'jose';
import type { ChallengeMethod } from './validate.ts';

/** Opaque secrets (refresh tokens, mail links, auth codes): 32 random bytes, base64url. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps instead of a secret. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export interface AmrEntry {
  method: string;
  timestamp: number;
}

export interface AccessTokenInput {
  userId: string;
  email: string;
  appMetadata: Record<string, unknown>;
  userMetadata: Record<string, unknown>;
  sessionId: string;
  amr: AmrEntry[];
  isAnonymous: boolean;
}

export interface SignerConfig {
  secret: string;
  expirySeconds: number;
  issuer: string;
}

/** An access token with Supabase Auth's claim shape, HS256. Returns the token and its exp. */
export async function signAccessToken(
  config: SignerConfig,
  input: AccessTokenInput,
  now: Date,
): Promise<{ token: string; expiresAt: number }> {
  const iat = Math.floor(now.getTime() / 1000);
  const expiresAt = iat + config.expirySeconds;
  const token = await new SignJWT({
    email: input.email,
    phone: '',
    app_metadata: input.appMetadata,
    user_metadata: input.userMetadata,
    role: 'authenticated',
    aal: 'aal1',
    amr: input.amr,
    session_id: input.sessionId,
    is_anonymous: input.isAnonymous,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setAudience('authenticated')
    .setIssuer(config.issuer)
    .setSubject(input.userId)
    .setIssuedAt(iat)
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(config.secret));
  return { token, expiresAt };
}

/** RFC 7636: does the verifier answer the challenge? Constant-time comparison. */
export function pkceMatches(verifier: string, challenge: string, method: ChallengeMethod): boolean {
  const expected = method === 's256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  const a = Buffer.from(expected);
  const b = Buffer.from(challenge);
  return a.length === b.length && timingSafeEqual(a, b);
}
