import type { Context } from 'hono';
import type { JwtClaims, Sql } from '../../edge/db/port.ts';
import type { AuthContext } from './context.ts';
import { badJwt, noAuthorization, sessionNotFound, userNotFound } from './errors.ts';
import { bearerToken } from './request.ts';
import { sessionExists } from './sessions.ts';
import { findUserById, type UserRow } from './users.ts';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who is calling /user or /logout: a verified access token whose session still exists. */

export interface UserClaims {
  sub: string;
  sessionId: string;
}

/** Verifies the Bearer token (HS256, expiry, a user subject and a session); no database. */
export async function verifyCaller(ctx: AuthContext, c: Context): Promise<UserClaims> {
  const token = bearerToken(c);
  if (!token) throw noAuthorization();
  let claims: JwtClaims;
  try {
    claims = await ctx.verifier.verify(token);
  } catch {
    throw badJwt('unable to parse or verify signature, token is invalid or expired');
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= ctx.now().getTime()) {
    throw badJwt('token has invalid claims: token is expired');
  }
  if (claims.role !== 'authenticated' || typeof claims.sub !== 'string')
    throw badJwt('invalid claim: missing sub claim');
  // auth.users.id is a uuid: anything else would reach Postgres as a malformed value (a 500).
  if (!UUID_RE.test(claims.sub)) throw badJwt('invalid claim: sub claim must be a UUID');
  const sessionId = claims.session_id;
  if (typeof sessionId !== 'string' || !UUID_RE.test(sessionId)) {
    throw badJwt('invalid claim: session_id claim must be a UUID');
  }
  return { sub: claims.sub, sessionId };
}

/** Loads the caller inside a transaction: 403 when the user is gone or the session was ended. */
export async function loadCaller(ctx: AuthContext, sql: Sql, claims: UserClaims): Promise<UserRow> {
  const user = await findUserById(sql, claims.sub);
  if (!user) throw userNotFound();
  if (!(await sessionExists(sql, claims.sessionId, user.id, ctx.now()))) throw sessionNotFound();
  return user;
}
