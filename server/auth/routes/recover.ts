import { Hono } from 'hono';
import { type AuthContext, MAIL_MIN_INTERVAL_MS } from '../context.ts';
import { recoveryMail } from '../mail.ts';
import { issueOneTimeToken } from '../one-time-tokens.ts';
import { enforce } from '../rate-limit.ts';
import { clientKey, readJson } from '../request.ts';
import { recoverBody } from '../schemas.ts';
import { findUserByEmail, updateUser } from '../users.ts';
import { validateEmail, validatePkce } from '../validate.ts';

/**
 * POST /recover { email } → always 200 {} once the input is valid, whether or not the address
 * is registered (no enumeration). A registered user gets a recovery mail, at most one a
 * minute; a mail failure is logged, not reported, for the same reason.
 */
export function recoverRoutes(ctx: AuthContext): Hono {
  const app = new Hono();
  app.post('/recover', async (c) => {
    const body = await readJson(c, recoverBody);
    const now = ctx.now();
    enforce(now.getTime(), [ctx.limiters.recoverIp, clientKey(c)]);
    const email = validateEmail(body.email);
    // Accepted for auth-js's PKCE clients, but our link opens /reset-password (verifyOtp).
    validatePkce(body.code_challenge, body.code_challenge_method);

    const mail = await ctx.db.asOwner(async (sql) => {
      const user = await findUserByEmail(sql, email);
      if (!user) return null;
      const sentAt = user.recovery_sent_at ? new Date(user.recovery_sent_at).getTime() : 0;
      if (now.getTime() - sentAt < MAIL_MIN_INTERVAL_MS) return null;
      await updateUser(sql, user.id, { recovery_sent_at: now }, now);
      const token = await issueOneTimeToken(sql, user.id, 'recovery_token', user.email, now);
      return recoveryMail(ctx.siteUrl, user.email, token);
    });
    if (mail) {
      try {
        await ctx.mailer.send(mail);
      } catch (err) {
        console.error('auth: recovery mail failed', err);
      }
    }
    return c.json({});
  });
  return app;
}
