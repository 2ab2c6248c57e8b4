import { isIP } from 'node:net';
import type { Sql } from '../../edge/db/port.ts';
import { type AmrEntry, randomToken, sha256Hex } from './tokens.ts';

/** auth.sessions, auth.mfa_amr_claims and auth.refresh_tokens (stored as sha256 hashes). */

const REVOKED_TOKEN_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

export interface NewSession {
  sessionId: string;
  refreshToken: string;
}

export async function createSession(
  sql: Sql,
  userId: string,
  method: string,
  client: ClientInfo,
  now: Date,
): Promise<NewSession> {
  const sessionId = crypto.randomUUID();
  await sql.query(
    `insert into auth.sessions (id, user_id, created_at, updated_at, refreshed_at, user_agent, ip)
     values ($1, $2, $3, $3, $3, $4, $5)`,
    [sessionId, userId, now, client.userAgent?.slice(0, 512) ?? null, isIP(client.ip) ? client.ip : null],
  );
  await sql.query(
    `insert into auth.mfa_amr_claims (session_id, authentication_method, created_at, updated_at) values ($1, $2, $3, $3)`,
    [sessionId, method, now],
  );
  const refreshToken = await insertRefreshToken(sql, userId, sessionId, null, now);
  return { sessionId, refreshToken };
}

/** Issues a refresh token in a session; `parentHash` links a rotated token to its successor. */
export async function insertRefreshToken(
  sql: Sql,
  userId: string,
  sessionId: string,
  parentHash: string | null,
  now: Date,
): Promise<string> {
  const token = randomToken();
  await sql.query(
    `insert into auth.refresh_tokens (token, user_id, session_id, parent, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $5)`,
    [sha256Hex(token), userId, sessionId, parentHash, now],
  );
  return token;
}

export interface RefreshTokenRow {
  id: number;
  token: string;
  user_id: string;
  session_id: string;
  revoked: boolean;
  updated_at: Date | string;
  not_after: Date | string | null;
}

/** The token row, locked against a concurrent refresh, with its session's expiry. */
export async function findRefreshToken(sql: Sql, token: string): Promise<RefreshTokenRow | null> {
  const rows = await sql.query<RefreshTokenRow>(
    `select rt.id, rt.token, rt.user_id, rt.session_id, rt.revoked, rt.updated_at, s.not_after
       from auth.refresh_tokens rt join auth.sessions s on s.id = rt.session_id
      where rt.token = $1
      for update of rt`,
    [sha256Hex(token)],
  );
  return rows[0] ?? null;
}

export async function revokeRefreshToken(sql: Sql, id: number, now: Date): Promise<void> {
  await sql.query('update auth.refresh_tokens set revoked = true, updated_at = $2 where id = $1', [id, now]);
}

/**
 * Forgets tokens rotated more than a day ago (GoTrue's cleanup does the same), so a session
 * refreshed hourly for a year does not keep 9,000 rows. Replaying one of those is then just
 * refresh_token_not_found.
 */
export async function pruneRevokedTokens(sql: Sql, sessionId: string, now: Date): Promise<void> {
  await sql.query('delete from auth.refresh_tokens where session_id = $1 and revoked and updated_at < $2', [
    sessionId,
    new Date(now.getTime() - REVOKED_TOKEN_RETENTION_MS),
  ]);
}

export async function touchSession(sql: Sql, sessionId: string, client: ClientInfo, now: Date): Promise<void> {
  await sql.query(
    'update auth.sessions set refreshed_at = $2, updated_at = $2, user_agent = $3, ip = $4 where id = $1',
    [sessionId, now, client.userAgent?.slice(0, 512) ?? null, isIP(client.ip) ? client.ip : null],
  );
}

export async function sessionExists(sql: Sql, sessionId: string, userId: string, now: Date): Promise<boolean> {
  const rows = await sql.query(
    'select 1 from auth.sessions where id = $1 and user_id = $2 and (not_after is null or not_after > $3)',
    [sessionId, userId, now],
  );
  return rows.length > 0;
}

export async function sessionAmr(sql: Sql, sessionId: string): Promise<AmrEntry[]> {
  const rows = await sql.query<{ authentication_method: string; created_at: Date | string }>(
    'select authentication_method, created_at from auth.mfa_amr_claims where session_id = $1 order by created_at desc',
    [sessionId],
  );
  return rows.map((r) => ({
    method: r.authentication_method,
    timestamp: Math.floor(new Date(r.created_at).getTime() / 1000),
  }));
}

export type LogoutScope = 'global' | 'local' | 'others';

/** Deletes sessions (their refresh tokens and amr claims go with them). */
export async function deleteSessions(
  sql: Sql,
  userId: string,
  scope: LogoutScope,
  currentSessionId: string,
): Promise<void> {
  if (scope === 'local') {
    await sql.query('delete from auth.sessions where id = $1', [currentSessionId]);
  } else if (scope === 'others') {
    await sql.query('delete from auth.sessions where user_id = $1 and id <> $2', [userId, currentSessionId]);
  } else {
    await sql.query('delete from auth.sessions where user_id = $1', [userId]);
  }
}
