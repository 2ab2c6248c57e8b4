import { Hono } from 'hono';
import type { Mail } from '../../mail/port.ts';
import type { AuthContext } from '../context.ts';
import { AuthError } from '../errors.ts';
import { createFlowState } from '../flow-state.ts';
import { confirmationMail } from '../mail.ts';
import { issueOneTimeToken } from '../one-time-tokens.ts';
import { checkNewPassword, hashPassword } from '../passwords.ts';
import { enforce } from '../rate-limit.ts';
import { safeRedirect } from '../redirect.ts';
import { clientIp, clientKey, readJson } from '../request.ts';
import { signupBody } from '../schemas.ts';
import { type SessionResponse, sessionResponse } from '../session-response.ts';
import { createSession } from '../sessions.ts';
import { replaceUnconfirmedSignup } from '../unconfirmed.ts';
import { findUserByEmail, insertUser, isConfirmed, obfuscatedUserJson, type UserRow, userJson } from '../users.ts';
import { validateEmail, validateMetadata, validatePkce } from '../validate.ts';

const userExists = () => new AuthError(422, 'user_already_exists', 'User already registered');

/**
 * POST /signup. With autoconfirm: the user and a session. Otherwise: the user, and a
 * confirmation mail. A taken address is 422 user_already_exists with autoconfirm; without it
 * the caller sees an obfuscated user (as GoTrue). A sign-up of an unconfirmed address replaces
 * the earlier sign-up (password, metadata; its links die) and mails a fresh link, at most one
 * a minute (429 over_email_send_rate_limit otherwise).
 */
export function signupRoutes(ctx: AuthContext): Hono {
  const app = new Hono();
  app.post('/signup', async (c) => {
    const body = await readJson(c, signupBody);
    const ip = clientIp(c);
    const now = ctx.now();
    enforce(now.getTime(), [ctx.limiters.signupIp, clientKey(c)]);
    if (body.phone && !body.email) throw new AuthError(422, 'phone_provider_disabled', 'Phone signups are disabled');
    const password = checkNewPassword(body.password);
    const email = validateEmail(body.email);
    const metadata = validateMetadata(body.data ?? {});
    const pkce = validatePkce(body.code_challenge, body.code_challenge_method);
    const redirectTo = safeRedirect(ctx.siteUrl, c.req.query('redirect_to'));
    const encryptedPassword = await hashPassword(password);

    // `user: null` answers with an obfuscated user; `mail` goes out after the commit.
    type Outcome = { session: SessionResponse } | { user: UserRow | null; mail: Mail | null };

    const outcome = await ctx.db.asOwner(async (sql): Promise<Outcome> => {
      const confirmLink = async (user: UserRow) => {
        if (pkce) await createFlowState(sql, user.id, pkce, 'email/signup', now);
        const token = await issueOneTimeToken(sql, user.id, 'confirmation_token', user.email, now, pkce !== null);
        return confirmationMail(ctx.siteUrl, user.email, token, redirectTo);
      };
      const existing = await findUserByEmail(sql, email);
      if (existing) {
        if (ctx.autoconfirm) throw userExists();
        if (isConfirmed(existing)) return { user: null, mail: null };
        // Never confirmed: this sign-up replaces the earlier one, whose links die (unconfirmed.ts).
        const replaced = await replaceUnconfirmedSignup(
          sql,
          existing,
          { encryptedPassword, userMetadata: metadata },
          now,
        );
        return { user: null, mail: replaced ? await confirmLink(replaced) : null };
      }
      const user = await insertUser(sql, {
        email,
        encryptedPassword,
        userMetadata: metadata,
        confirmed: ctx.autoconfirm,
        now,
      });
      if (!user) {
        if (ctx.autoconfirm) throw userExists(); // a concurrent sign-up won the race
        return { user: null, mail: null };
      }
      if (!ctx.autoconfirm) return { user, mail: await confirmLink(user) };
      const session = await createSession(
        sql,
        user.id,
        'password',
        { ip, userAgent: c.req.header('user-agent') ?? null },
        now,
      );
      return { session: await sessionResponse(ctx, sql, user, session.sessionId, session.refreshToken) };
    });

    c.header('cache-control', 'no-store');
    if ('session' in outcome) return c.json(outcome.session);
    if (outcome.mail) {
      try {
        await ctx.mailer.send(outcome.mail);
      } catch (err) {
        console.error('auth: confirmation mail failed', err);
        throw new AuthError(500, 'unexpected_failure', 'Error sending confirmation email');
      }
    }
    return c.json(outcome.user ? userJson(outcome.user) : obfuscatedUserJson(email, metadata, now));
  });
  return app;
}
