import { Hono } from 'hono';
import type { AuthContext } from '../context.ts';
import { AuthError, otpExpired, validationFailed } from '../errors.ts';
import { issueAuthCode } from '../flow-state.ts';
import { welcomeMail } from '../mail.ts';
import { PKCE_PREFIX } from '../one-time-tokens.ts';
import { enforce } from '../rate-limit.ts';
import { safeRedirect, withParams } from '../redirect.ts';
import { clientIp, clientKey, readJson } from '../request.ts';
import { verifyBody } from '../schemas.ts';
import { sessionResponse } from '../session-response.ts';
import { createSession } from '../sessions.ts';
import type { UserRow } from '../users.ts';
import { flowMethodFor, parseVerifyType, redeemLink } from '../verification.ts';

/** A confirmed sign-up gets the welcome mail, after the commit; a failed send never undoes the sign-in. */
export function sendWelcome(ctx: AuthContext, user: UserRow): void {
  const first = user.raw_user_meta_data?.first_name;
  ctx.mailer
    .send(welcomeMail(ctx.siteUrl, user.email, typeof first === 'string' ? first : undefined))
    .catch((err) => console.error('auth: welcome mail failed', err instanceof Error ? err.message : err));
}

const OAUTH_ERRORS: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized_client',
  403: 'access_denied',
  429: 'access_denied',
};

/**
 * POST /verify { type, token_hash } → a session (what verifyOtp calls).
 * GET /verify?token&type&redirect_to → 303 to redirect_to (our own origin only) with the
 * session in the fragment, or ?code= for a PKCE flow, or #error=... when the link is spent.
 */
export function verifyRoutes(ctx: AuthContext): Hono {
  const app = new Hono();

  app.post('/verify', async (c) => {
    const body = await readJson(c, verifyBody);
    const type = parseVerifyType(body.type);
    const ip = clientIp(c);
    enforce(ctx.now().getTime(), [ctx.limiters.verifyIp, clientKey(c)]);
    // Six-digit email codes ({ email, token }) are never sent by this server.
    if (!body.token_hash) {
      if (body.token) throw otpExpired();
      throw validationFailed('Verify requires either a token or a token hash');
    }
    const tokenHash = body.token_hash;
    let confirmed: UserRow | undefined;
    const result = await ctx.db.asOwner(async (sql) => {
      const now = ctx.now();
      const user = await redeemLink(sql, type, tokenHash, now);
      if (type === 'signup') confirmed = user;
      const session = await createSession(
        sql,
        user.id,
        'otp',
        { ip, userAgent: c.req.header('user-agent') ?? null },
        now,
      );
      return sessionResponse(ctx, sql, user, session.sessionId, session.refreshToken);
    });
    if (confirmed) sendWelcome(ctx, confirmed);
    c.header('cache-control', 'no-store');
    return c.json(result);
  });

  app.get('/verify', async (c) => {
    const token = c.req.query('token');
    const type = parseVerifyType(c.req.query('type'));
    if (!token) throw validationFailed('Verify requires a token');
    const redirectTo = safeRedirect(ctx.siteUrl, c.req.query('redirect_to'));
    const pkce = token.startsWith(PKCE_PREFIX);
    const ip = clientIp(c);
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'no-referrer');
    let confirmed: UserRow | undefined;
    try {
      enforce(ctx.now().getTime(), [ctx.limiters.verifyIp, clientKey(c)]);
      const params = await ctx.db.asOwner(async (sql): Promise<Record<string, string>> => {
        const now = ctx.now();
        const user = await redeemLink(sql, type, token, now);
        if (type === 'signup') confirmed = user;
        const method = flowMethodFor(type);
        if (pkce && method) {
          const code = await issueAuthCode(sql, user.id, method, now);
          if (!code) throw new AuthError(400, 'flow_state_not_found', 'No associated flow state found');
          return { code };
        }
        const session = await createSession(
          sql,
          user.id,
          'otp',
          { ip, userAgent: c.req.header('user-agent') ?? null },
          now,
        );
        const s = await sessionResponse(ctx, sql, user, session.sessionId, session.refreshToken);
        return {
          access_token: s.access_token,
          expires_at: String(s.expires_at),
          expires_in: String(s.expires_in),
          refresh_token: s.refresh_token,
          token_type: s.token_type,
          type,
          sb: '',
        };
      });
      if (confirmed) sendWelcome(ctx, confirmed);
      return c.redirect(withParams(redirectTo, params, 'code' in params ? 'query' : 'fragment'), 303);
    } catch (err) {
      if (!(err instanceof AuthError) || err.status >= 500) throw err;
      const params = {
        error: OAUTH_ERRORS[err.status] ?? 'invalid_request',
        error_code: err.code,
        error_description: err.message,
      };
      const url = withParams(redirectTo, params, 'fragment');
      return c.redirect(pkce ? withParams(url, params, 'query') : url, 303);
    }
  });

  return app;
}
