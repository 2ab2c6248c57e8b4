import { errors as joseErrors, jwtVerify } from 'jose';
import type { JwtClaims } from '../db/port.ts';
import { AppError } from '../http/errors.ts';

export interface JwtVerifier {
  verify(token: string): Promise<JwtClaims>;
}

const invalid = (message: string) => new AppError(401, 'invalid_token', message);

/**
 * Verifies a Supabase-shaped access token: HS256 only (no `alg: none`, no algorithm
 * confusion), signature, expiry, and a role we know.
 */
export function hs256Verifier(secret: string): JwtVerifier {
  const key = new TextEncoder().encode(secret);
  return {
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
        const role = payload.role;
        if (role !== 'authenticated' && role !== 'anon' && role !== 'service_role') throw invalid('unknown role');
        if (role === 'authenticated' && (typeof payload.sub !== 'string' || !/^[0-9a-f-]{36}$/i.test(payload.sub))) {
          throw invalid('token has no subject');
        }
        return payload as JwtClaims;
      } catch (err) {
        if (err instanceof AppError) throw err;
        if (err instanceof joseErrors.JWTExpired) throw invalid('token expired');
        throw invalid('invalid token');
      }
    },
  };
}
