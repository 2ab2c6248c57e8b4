import type { Sql } from '../../edge/db/port.ts';
import { AUTH_CODE_TTL_MS, ONE_TIME_TOKEN_TTL_MS } from './context.ts';
import { randomToken, sha256Hex } from './tokens.ts';
import type { ChallengeMethod, PkceChallenge } from './validate.ts';

/**
 * PKCE (auth.flow_state): a mail flow started with a code challenge ends, at GET /verify, in
 * an auth code (kept as sha256) that POST /token?grant_type=pkce trades, with the verifier,
 * for a session. Used by @supabase/ssr, whose flow type is pkce.
 */

export type FlowMethod = 'email/signup' | 'email_change';

export async function createFlowState(
  sql: Sql,
  userId: string,
  pkce: PkceChallenge,
  method: FlowMethod,
  now: Date,
): Promise<void> {
  // Abandoned flows of this user go first: nothing can redeem them any more.
  await sql.query('delete from auth.flow_state where user_id = $1 and created_at < $2', [
    userId,
    new Date(now.getTime() - ONE_TIME_TOKEN_TTL_MS),
  ]);
  await sql.query(
    `insert into auth.flow_state (user_id, code_challenge, code_challenge_method, authentication_method, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $5)`,
    [userId, pkce.challenge, pkce.method, method, now],
  );
}

/** Issues the auth code for the user's latest pending flow; null when there is none. */
export async function issueAuthCode(sql: Sql, userId: string, method: FlowMethod, now: Date): Promise<string | null> {
  const code = randomToken();
  const rows = await sql.query(
    `update auth.flow_state set auth_code = $4, auth_code_issued_at = $3, updated_at = $3
      where id = (select id from auth.flow_state
                   where user_id = $1 and authentication_method = $2 and auth_code is null and created_at > $5
                   order by created_at desc limit 1)
      returning id`,
    [userId, method, now, sha256Hex(code), new Date(now.getTime() - ONE_TIME_TOKEN_TTL_MS)],
  );
  return rows.length ? code : null;
}

export interface RedeemedFlow {
  user_id: string;
  code_challenge: string;
  code_challenge_method: ChallengeMethod;
  authentication_method: FlowMethod;
  fresh: boolean;
}

/** Removes the flow an auth code belongs to (codes are single-use) and returns it. */
export async function takeFlowByAuthCode(sql: Sql, code: string, now: Date): Promise<RedeemedFlow | null> {
  const rows = await sql.query<Omit<RedeemedFlow, 'fresh'> & { auth_code_issued_at: Date | string }>(
    `delete from auth.flow_state where auth_code = $1
     returning user_id, code_challenge, code_challenge_method, authentication_method, auth_code_issued_at`,
    [sha256Hex(code)],
  );
  const row = rows[0];
  if (!row) return null;
  const fresh = now.getTime() - new Date(row.auth_code_issued_at).getTime() <= AUTH_CODE_TTL_MS;
  return { ...row, fresh };
}
