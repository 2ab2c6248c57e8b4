import { Hono } from 'hono';
import { loadCaller, verifyCaller } from '../caller.ts';
import type { AuthContext } from '../context.ts';
import { AuthError } from '../errors.ts';
import { createFlowState } from '../flow-state.ts';
import { emailChangeMail } from '../mail.ts';
import { issueOneTimeToken } from '../one-time-tokens.ts';
import { checkNewPassword, hashPassword, verifyPassword } from '../passwords.ts';
import { enforce } from '../rate-limit.ts';
import { safeRedirect } from '../redirect.ts';
import { clientKey, readJson } from '../request.ts';
import { updateUserBody } from '../schemas.ts';
import { deleteSessions } from '../sessions.ts';
import { findUserByEmail, updateUser, userJson } from '../users.ts';
import { validateEmail, validateMetadata, validatePkce } from '../validate.ts';

/** Merges `data` into user_metadata; a key set to null is removed (as GoTrue). */
function mergeMetadata(current: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return validateMetadata(merged);
}

/**
 * GET /user and PUT /user { email?, password?, data? }. A new password ends the user's other
 * sessions; password changes are rate-limited per user and per IP (they cost bcrypt work). A new email is applied at once with autoconfirm, otherwise after the link mailed
 * to the new address is followed.
 */
export function userRoutes(ctx: AuthContext): Hono {
  const app = new Hono();

  app.get('/user', async (c) => {
    const claims = await verifyCaller(ctx, c);
    const user = await ctx.db.asOwner((sql) => loadCaller(ctx, sql, claims));
    c.header('cache-control', 'no-store');
    return c.json(userJson(user));
  });

  app.put('/user', async (c) => {
    const claims = await verifyCaller(ctx, c);
    const body = await readJson(c, updateUserBody);
    if (body.phone) throw new AuthError(422, 'phone_provider_disabled', 'Phone updates are not supported');
    const password = body.password == null ? null : checkNewPassword(body.password);
    const email = body.email == null ? null : validateEmail(body.email);
    const patch = body.data == null ? null : validateMetadata(body.data);
    const pkce = validatePkce(body.code_challenge, body.code_challenge_method);
    const redirectTo = safeRedirect(ctx.siteUrl, c.req.query('redirect_to'));

    let encryptedPassword: string | null = null;
    if (password) {
      // Two bcrypt rounds per change: capped per IP and per user before either runs.
      enforce(ctx.now().getTime(), [ctx.limiters.passwordIp, clientKey(c)], [ctx.limiters.passwordUser, claims.sub]);
      const before = await ctx.db.asOwner((sql) => loadCaller(ctx, sql, claims));
      if (await verifyPassword(password, before.encrypted_password)) {
        throw new AuthError(422, 'same_password', 'New password should be different from the old password.');
      }
      encryptedPassword = await hashPassword(password);
    }

    const { user, mail } = await ctx.db.asOwner(async (sql) => {
      const now = ctx.now();
      let user = await loadCaller(ctx, sql, claims);
      const set: Record<string, unknown> = {};
      if (patch) set.raw_user_meta_data = mergeMetadata(user.raw_user_meta_data, patch);
      if (encryptedPassword) set.encrypted_password = encryptedPassword;
      let mailToken: string | null = null;
      if (email && email !== user.email.toLowerCase()) {
        const owner = await findUserByEmail(sql, email);
        if (owner)
          throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered');
        if (ctx.autoconfirm) {
          set.email = email;
          set.email_change = null;
        } else {
          set.email_change = email;
          set.email_change_sent_at = now;
          if (pkce) await createFlowState(sql, user.id, pkce, 'email_change', now);
          mailToken = await issueOneTimeToken(sql, user.id, 'email_change_token_new', email, now, pkce !== null);
        }
      }
      if (Object.keys(set).length) user = await updateUser(sql, user.id, set, now);
      // A changed password signs out every other session, as GoTrue's UpdatePassword does.
      if (encryptedPassword) await deleteSessions(sql, user.id, 'others', claims.sessionId);
      return { user, mail: mailToken && email ? emailChangeMail(ctx.siteUrl, email, mailToken, redirectTo) : null };
    });

    if (mail) {
      try {
        await ctx.mailer.send(mail);
      } catch (err) {
        console.error('auth: email change mail failed', err);
        throw new AuthError(500, 'unexpected_failure', 'Error sending email change email');
      }
    }
    c.header('cache-control', 'no-store');
    return c.json(userJson(user));
  });

  return app;
}
