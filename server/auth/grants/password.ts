import type { Context } from 'hono';
import type { AuthContext } from '../context.ts';
import { AuthError, invalidCredentials, validationFailed } from '../errors.ts';
import { checkOfferedPassword, verifyPassword } from '../passwords.ts';
import { enforce } from '../rate-limit.ts';
import { clientIp, clientKey, readJson } from '../request.ts';
import { passwordGrantBody } from '../schemas.ts';
import { type SessionResponse, sessionResponse } from '../session-response.ts';
import { createSession } from '../sessions.ts';
import { findUserByEmail, findUserById, isBanned, isConfirmed, type UserRow, updateUser } from '../users.ts';
import { signInEmail } from '../validate.ts';

/**
 * grant_type=password. Unknown email and wrong password look the same (same error, same
 * bcrypt work, in a worker thread). bcrypt runs outside any transaction so a slow hash never
 * holds the database.
 *
 * Rate limits count failures, per IP and per email: each attempt takes a slot in both
 * (IP first, so a locked-out address records nothing against the emails it tries) before the
 * password is checked, so a burst of concurrent guesses cannot outrun the limit; a correct
 * password gives both slots back. An office behind one address can sign in all day, and a
 * learner on many devices is never locked out by their own successes; guessing stays capped.
 */
export async function passwordGrant(ctx: AuthContext, c: Context): Promise<SessionResponse> {
  const body = await readJson(c, passwordGrantBody);
  if (!body.email) throw validationFailed(body.phone ? 'Phone logins are disabled' : 'missing email or phone');
  const email = signInEmail(body.email);
  const password = checkOfferedPassword(body.password);
  const ip = clientIp(c);
  const slots = enforce(ctx.now().getTime(), [ctx.limiters.signinIp, clientKey(c)], [ctx.limiters.signinEmail, email]);

  let found: UserRow | null;
  let ok: boolean;
  try {
    found = await ctx.db.asOwner((sql) => findUserByEmail(sql, email));
    ok = await verifyPassword(password, found?.encrypted_password);
  } catch (err) {
    slots.release(); // not a failed guess: the server could not check
    throw err;
  }
  if (!found || !ok) throw invalidCredentials();
  slots.release();
  if (!isConfirmed(found)) throw new AuthError(400, 'email_not_confirmed', 'Email not confirmed');
  if (isBanned(found, ctx.now())) throw new AuthError(400, 'user_banned', 'User is banned');

  return ctx.db.asOwner(async (sql) => {
    const now = ctx.now();
    const current = await findUserById(sql, found.id);
    // The password changed (or the user went) between the check and now: start over.
    if (!current || current.encrypted_password !== found.encrypted_password) throw invalidCredentials();
    const user = await updateUser(sql, current.id, { last_sign_in_at: now }, now);
    const session = await createSession(
      sql,
      user.id,
      'password',
      { ip, userAgent: c.req.header('user-agent') ?? null },
      now,
    );
    return sessionResponse(ctx, sql, user, session.sessionId, session.refreshToken);
  });
}
