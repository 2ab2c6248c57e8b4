import { decodeJwt } from 'jose';
import type { JwtVerifier } from '../../edge/auth/jwt.ts';
import type { Caller } from '../../edge/db/port.ts';
import { REASONS } from './limits.ts';

/** Who a channel acts as: a request role (RLS decides), or the service role (RLS bypassed). */
export type Identity = { kind: 'service' } | { kind: 'caller'; caller: Caller };

export interface VerifiedToken {
  identity: Identity;
  /** Seconds since the epoch; undefined when the token never expires. */
  exp?: number;
}

/** A refused token, with the reason Supabase Realtime gives (`code: message`). */
export class TokenError extends Error {
  readonly code: 'InvalidJWTToken' | 'JwtSignatureError';
  constructor(code: 'InvalidJWTToken' | 'JwtSignatureError', message: string) {
    super(message);
    this.code = code;
  }
  get reason(): string {
    return `${this.code}: ${this.message}`;
  }
}

/** Verifies an access token or API key (HS256, the project's secret) into an identity. */
export async function verifyToken(verifier: JwtVerifier, token: unknown, now = Date.now): Promise<VerifiedToken> {
  if (typeof token !== 'string' || token.length === 0 || token.length > 8192) {
    throw new TokenError('JwtSignatureError', 'Failed to validate JWT signature');
  }
  let claims: Awaited<ReturnType<JwtVerifier['verify']>>;
  try {
    claims = await verifier.verify(token);
  } catch (err) {
    if (err instanceof Error && err.message === 'token expired') {
      const exp = Number(decodeJwt(token).exp);
      throw new TokenError('InvalidJWTToken', REASONS.expired(Math.max(0, Math.floor(now() / 1000 - exp))));
    }
    throw new TokenError('JwtSignatureError', 'Failed to validate JWT signature');
  }
  const exp = typeof claims.exp === 'number' ? claims.exp : undefined;
  if (claims.role === 'service_role') return { identity: { kind: 'service' }, exp };
  if (claims.role === 'anon') return { identity: { kind: 'caller', caller: { role: 'anon' } }, exp };
  return { identity: { kind: 'caller', caller: { role: 'authenticated', claims } }, exp };
}
