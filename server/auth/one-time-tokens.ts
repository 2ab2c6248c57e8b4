import type { Sql } from '../../edge/db/port.ts';
import { ONE_TIME_TOKEN_TTL_MS } from './context.ts';
import { randomToken, sha256Hex } from './tokens.ts';

/**
 * Mail-link tokens in auth.one_time_tokens: the mail carries the token, the table its sha256.
 * One live token per user and type (a new one replaces the old); a token works once and
 * for an hour.
 */

export type OneTimeTokenType = 'confirmation_token' | 'recovery_token' | 'email_change_token_new';

/** Tokens of a PKCE flow carry this prefix, as GoTrue's do, so /verify answers with a code. */
export const PKCE_PREFIX = 'pkce_';

export async function issueOneTimeToken(
  sql: Sql,
  userId: string,
  type: OneTimeTokenType,
  relatesTo: string,
  now: Date,
  pkce = false,
): Promise<string> {
  const token = (pkce ? PKCE_PREFIX : '') + randomToken();
  await sql.query(
    `insert into auth.one_time_tokens (user_id, token_type, token_hash, relates_to, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $5)
     on conflict (user_id, token_type)
     do update set token_hash = excluded.token_hash, relates_to = excluded.relates_to,
                   created_at = excluded.created_at, updated_at = excluded.updated_at`,
    [userId, type, sha256Hex(token), relatesTo, now],
  );
  return token;
}

export interface ConsumedToken {
  user_id: string;
  token_type: OneTimeTokenType;
  relates_to: string;
}

/** Deletes the token and returns it if it is one of `types` and still fresh; otherwise null. */
export async function consumeOneTimeToken(
  sql: Sql,
  token: string,
  types: OneTimeTokenType[],
  now: Date,
): Promise<ConsumedToken | null> {
  const rows = await sql.query<ConsumedToken & { created_at: Date | string }>(
    `delete from auth.one_time_tokens where token_hash = $1 and token_type = any($2::text[])
     returning user_id, token_type, relates_to, created_at`,
    [sha256Hex(token), types],
  );
  const row = rows[0];
  if (!row) return null;
  if (now.getTime() - new Date(row.created_at).getTime() > ONE_TIME_TOKEN_TTL_MS) return null;
  return { user_id: row.user_id, token_type: row.token_type, relates_to: row.relates_to };
}
