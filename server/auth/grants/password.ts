import type { Context } from 'hono';
import type { AuthContext } from '../context.ts';
import { AuthError, invalidCredentials, validationFailed } from '../errors.ts';
import { verifyPassword } from '../passwords.ts';
import { enforce } from '../rate-limit.ts';
import { clientIp, readJson } from '../request.ts';
import { passwordGrantBody } from '../schemas.ts';
import { type SessionResponse, sessionResponse } from '../session-response.ts';
import { createSession } from '../sessions.ts';
import { findUserByEmail, findUserById, isBanned, isConfirmed, updateUser } from '../users.ts';

/**
 * grant_type=password. Rate-limited per email and per IP. Unknown email and wrong password
 * look the same (same error, same bcrypt work). bcrypt runs outside any transaction so a slow
 * hash never holds the database.
 */
export async function passwordGrant(ctx: AuthContext, c: Context): Promise<SessionResponse> {
  const body = await readJson(c, passwordGrantBody);
  if (!body.email) throw validationFailed(body.phone ? 'Phone logins are disabled' : 'missing email or phone');
  const email = body.email.trim().toLowerCase();
  const ip = clientIp(c);
  enforce(ctx.now().getTime(), [ctx.limiters.signinEmail, email], [ctx.limiters.signinIp, ip]);

  const found = await ctx.db.asOwner((sql) => findUserByEmail(sql, email));
  const ok = await verifyPassword(body.password ?? '', found?.encrypted_password);
  if (!found || !ok) throw invalidCredentials();
  if (!isConfirmed(found)) throw new AuthError(400, 'email_not_confirmed', 'Email not confirmed');
  if (isBanned(found, ctx.now())) throw new AuthError(400, 'user_banned', 'User is banned');

  return ctx.db.asOwner(async (sql) => {
    const now = ctx.now();
    const current = await findUserById(sql, found.id);
    // The password changed (or the user went) between the check and now: start over.
    if (!current || current.encrypted_password !== found.encrypted_password) throw invalidCredentials();
    const user = await updateUser(sql, current.id, { last_sign_in_at: now }, now);
    const session = await createSession(sql, user.id, 'password', { ip, userAgent: c.req.header('user-agent') ?? null }, now);
    return sessionResponse(ctx, sql, user, session.sessionId, session.refreshToken);
  });
}
