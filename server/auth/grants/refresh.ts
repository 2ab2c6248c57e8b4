import type { Context } from 'hono';
import { type AuthContext, REFRESH_REUSE_INTERVAL_MS } from '../context.ts';
import { AuthError, validationFailed } from '../errors.ts';
import { enforce } from '../rate-limit.ts';
import { clientIp, clientKey, readJson } from '../request.ts';
import { refreshGrantBody } from '../schemas.ts';
import { type SessionResponse, sessionResponse } from '../session-response.ts';
import {
  findRefreshToken,
  insertRefreshToken,
  pruneRevokedTokens,
  revokeRefreshToken,
  touchSession,
} from '../sessions.ts';
import { findUserById, isBanned } from '../users.ts';

const alreadyUsed = () => new AuthError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used');
const notFound = () => new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');

/**
 * grant_type=refresh_token, with rotation: each use revokes the token and issues its child.
 * A revoked token presented again within the reuse interval (10 s, GoTrue's default: two
 * tabs refreshing at once, or a lost response) gets a fresh child of its own. Later than that
 * it is treated as stolen: the whole session is deleted (that deletion is committed) and the
 * caller gets 400 refresh_token_already_used.
 */
export async function refreshGrant(ctx: AuthContext, c: Context): Promise<SessionResponse> {
  const body = await readJson(c, refreshGrantBody);
  if (!body.refresh_token) throw validationFailed('refresh_token required');
  const refreshToken = body.refresh_token;
  const ip = clientIp(c);
  enforce(ctx.now().getTime(), [ctx.limiters.refreshIp, clientKey(c)]);

  const result = await ctx.db.asOwner(async (sql): Promise<SessionResponse | 'reused'> => {
    const now = ctx.now();
    const row = await findRefreshToken(sql, refreshToken);
    if (!row) throw notFound();
    if (row.not_after !== null && new Date(row.not_after) <= now) {
      throw new AuthError(400, 'session_expired', 'Invalid Refresh Token: Session Expired');
    }
    if (row.revoked && now.getTime() - new Date(row.updated_at).getTime() > REFRESH_REUSE_INTERVAL_MS) {
      await sql.query('delete from auth.sessions where id = $1', [row.session_id]);
      return 'reused';
    }
    const user = await findUserById(sql, row.user_id);
    if (!user) throw notFound();
    if (isBanned(user, now)) throw new AuthError(400, 'user_banned', 'Invalid Refresh Token: User Banned');
    if (!row.revoked) await revokeRefreshToken(sql, row.id, now);
    const next = await insertRefreshToken(sql, user.id, row.session_id, row.token, now);
    await touchSession(sql, row.session_id, { ip, userAgent: c.req.header('user-agent') ?? null }, now);
    await pruneRevokedTokens(sql, row.session_id, now);
    return sessionResponse(ctx, sql, user, row.session_id, next);
  });
  if (result === 'reused') {
    console.warn(`auth: refresh token reuse detected, session revoked (ip ${ip})`);
    throw alreadyUsed();
  }
  return result;
}
