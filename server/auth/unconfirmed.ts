import type { Sql } from '../../edge/db/port.ts';
import { MAIL_MIN_INTERVAL_MS } from './context.ts';
import { emailRateLimited } from './errors.ts';
import { findUserById, USER_COLUMNS, type UserRow } from './users.ts';

/**
 * A sign-up of an address that exists but was never confirmed (AUTH_AUTOCONFIRM=false).
 * Whoever signed up first did not prove they own the mailbox, so the newest sign-up wins:
 * its password and metadata replace the earlier ones, and everything the earlier sign-up
 * started (mail links, PKCE flows, sessions) is void. Confirming the address then keeps only
 * the password of the sign-up whose link was followed, never a pre-registered attacker's.
 */

export interface Replacement {
  encryptedPassword: string;
  userMetadata: Record<string, unknown>;
}

/**
 * Returns the replaced user, or null when the address was confirmed meanwhile (the caller
 * then answers as for any confirmed address). Throws 429 over_email_send_rate_limit, changing
 * nothing, when the last confirmation mail went out less than a minute ago (as GoTrue).
 * Both conditions sit in the UPDATE's WHERE, so a confirmation committed concurrently can
 * never have its password overwritten.
 */
export async function replaceUnconfirmedSignup(
  sql: Sql,
  user: UserRow,
  next: Replacement,
  now: Date,
): Promise<UserRow | null> {
  const mailableSince = new Date(now.getTime() - MAIL_MIN_INTERVAL_MS);
  const rows = await sql.query<UserRow>(
    `update auth.users
        set encrypted_password = $2, raw_user_meta_data = $3, confirmation_sent_at = $4, updated_at = $4
      where id = $1 and email_confirmed_at is null and (confirmation_sent_at is null or confirmation_sent_at <= $5)
      returning ${USER_COLUMNS}`,
    [user.id, next.encryptedPassword, JSON.stringify(next.userMetadata), now, mailableSince],
  );
  const replaced = rows[0];
  if (!replaced) {
    const current = await findUserById(sql, user.id);
    if (!current || current.email_confirmed_at !== null) return null;
    const sentAt = new Date(current.confirmation_sent_at ?? now).getTime();
    throw emailRateLimited(Math.max(1, Math.ceil((sentAt + MAIL_MIN_INTERVAL_MS - now.getTime()) / 1000)));
  }
  await voidPendingFlows(sql, user.id);
  return replaced;
}

/** Mail links, PKCE flows and sessions of the user go: none may outlive a replaced sign-up. */
export async function voidPendingFlows(sql: Sql, userId: string): Promise<void> {
  await sql.query('delete from auth.one_time_tokens where user_id = $1', [userId]);
  await sql.query('delete from auth.flow_state where user_id = $1', [userId]);
  await sql.query('delete from auth.sessions where user_id = $1', [userId]);
}
