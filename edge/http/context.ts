import type { Context, MiddlewareHandler } from 'hono';
import type { JwtVerifier } from '../auth/jwt.ts';
import type { Caller, Database, Sql } from '../db/port.ts';
import { AppError, unauthorized } from './errors.ts';

export type Env = { Variables: { caller: Caller } };

/** Who is calling: a verified bearer token makes them `authenticated`; no token is `anon`. */
export function identify(verifier: JwtVerifier): MiddlewareHandler<Env> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) {
      c.set('caller', { role: 'anon' });
      return next();
    }
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
    if (!match) throw new AppError(401, 'invalid_token', 'Authorization must be "Bearer <token>"');
    const claims = await verifier.verify(match[1]!);
    // The publishable anon key is a JWT too: it identifies the app, not a user.
    c.set('caller', claims.role === 'authenticated' ? { role: 'authenticated', claims } : { role: 'anon' });
    return next();
  };
}

/** The signed-in user's id, or a 401. */
export function requireUser(c: Context<Env>): string {
  const caller = c.get('caller');
  if (caller.role !== 'authenticated') throw unauthorized();
  return caller.claims.sub;
}

/** Runs `fn` in one transaction as the caller of this request. */
export function asCaller<T>(db: Database, c: Context<Env>, fn: (sql: Sql) => Promise<T>): Promise<T> {
  return db.asCaller(c.get('caller'), fn);
}
