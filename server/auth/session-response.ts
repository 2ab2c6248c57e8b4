import type { Sql } from '../../edge/db/port.ts';
import type { AuthContext } from './context.ts';
import { sessionAmr } from './sessions.ts';
import { signAccessToken } from './tokens.ts';
import { type UserRow, userJson } from './users.ts';

/** GoTrue's AccessTokenResponse: what /token, /signup (autoconfirm) and /verify return. */
export interface SessionResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  expires_at: number;
  refresh_token: string;
  user: Record<string, unknown>;
}

export async function sessionResponse(
  ctx: AuthContext,
  sql: Sql,
  user: UserRow,
  sessionId: string,
  refreshToken: string,
): Promise<SessionResponse> {
  const { token, expiresAt } = await signAccessToken(
    ctx.signer,
    {
      userId: user.id,
      email: user.email,
      appMetadata: user.raw_app_meta_data,
      userMetadata: user.raw_user_meta_data,
      sessionId,
      amr: await sessionAmr(sql, sessionId),
      isAnonymous: user.is_anonymous,
    },
    ctx.now(),
  );
  return {
    access_token: token,
    token_type: 'bearer',
    expires_in: ctx.signer.expirySeconds,
    expires_at: expiresAt,
    refresh_token: refreshToken,
    user: userJson(user),
  };
}
