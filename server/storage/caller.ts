import type { JwtVerifier } from '../../edge/auth/jwt.ts';
import type { Caller } from '../../edge/db/port.ts';
import { errors } from './errors.ts';

/**
 * Who is calling, from `Authorization: Bearer <jwt>` as storage-js sends it (the user's access
 * token, or the anon key when signed out). No header is anon. A token that does not verify is
 * refused as Supabase refuses it (AccessDenied with the reason). The anon and service-role keys
 * identify the app, not a user: both are anon here, as in the data API (edge/http/context.ts).
 */
export async function storageCaller(verifier: JwtVerifier, authorization: string | undefined): Promise<Caller> {
  if (!authorization) return { role: 'anon' };
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(authorization.trim());
  if (!match) throw errors.accessDenied('Authorization must be "Bearer <token>"');
  try {
    const claims = await verifier.verify(match[1]!);
    return claims.role === 'authenticated' ? { role: 'authenticated', claims } : { role: 'anon' };
  } catch (err) {
    throw errors.accessDenied(err instanceof Error ? err.message : 'invalid token');
  }
}
