import type { Context } from 'hono';
import type { AuthContext } from '../context.ts';
import { AuthError, validationFailed } from '../errors.ts';
import { takeFlowByAuthCode } from '../flow-state.ts';
import { enforce } from '../rate-limit.ts';
import { clientIp, clientKey, readJson } from '../request.ts';
import { pkceGrantBody } from '../schemas.ts';
import { type SessionResponse, sessionResponse } from '../session-response.ts';
import { createSession } from '../sessions.ts';
import { pkceMatches } from '../tokens.ts';
import { findUserById, updateUser } from '../users.ts';

/** grant_type=pkce: trades an auth code from GET /verify, plus the code verifier, for a session. */
export async function pkceGrant(ctx: AuthContext, c: Context): Promise<SessionResponse> {
  const body = await readJson(c, pkceGrantBody);
  if (!body.auth_code || !body.code_verifier) {
    throw validationFailed('invalid request: both auth code and code verifier should be non-empty');
  }
  const { auth_code: code, code_verifier: verifier } = body;
  const ip = clientIp(c);
  enforce(ctx.now().getTime(), [ctx.limiters.verifyIp, clientKey(c)]);

  return ctx.db.asOwner(async (sql) => {
    const now = ctx.now();
    const flow = await takeFlowByAuthCode(sql, code, now);
    if (!flow) throw new AuthError(404, 'flow_state_not_found', 'invalid flow state, no valid flow state found');
    if (!flow.fresh) throw new AuthError(422, 'flow_state_expired', 'invalid flow state, flow state has expired');
    if (!pkceMatches(verifier, flow.code_challenge, flow.code_challenge_method)) {
      throw new AuthError(403, 'bad_code_verifier', 'code challenge does not match previously saved code verifier');
    }
    const found = await findUserById(sql, flow.user_id);
    if (!found) throw new AuthError(404, 'flow_state_not_found', 'invalid flow state, no valid flow state found');
    const user = await updateUser(sql, found.id, { last_sign_in_at: now }, now);
    const session = await createSession(
      sql,
      user.id,
      'otp',
      { ip, userAgent: c.req.header('user-agent') ?? null },
      now,
    );
    return sessionResponse(ctx, sql, user, session.sessionId, session.refreshToken);
  });
}
