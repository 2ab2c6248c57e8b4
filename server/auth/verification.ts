import type { Sql } from '../../edge/db/port.ts';
import { AuthError, otpExpired, validationFailed } from './errors.ts';
import type { FlowMethod } from './flow-state.ts';
import { consumeOneTimeToken, type OneTimeTokenType } from './one-time-tokens.ts';
import { VERIFY_TYPES, type VerifyType } from './schemas.ts';
import { findUserByEmail, findUserById, isBanned, type UserRow, updateUser } from './users.ts';

/** Redeeming a mail link (POST and GET /verify share this): one use, within the hour. */

const TOKEN_TYPES: Record<VerifyType, OneTimeTokenType[]> = {
  signup: ['confirmation_token'],
  email: ['confirmation_token'],
  recovery: ['recovery_token'],
  email_change: ['email_change_token_new'],
  invite: [], // never issued here
  magiclink: [],
};

export function parseVerifyType(type: string | null | undefined): VerifyType {
  if (!type) throw validationFailed('Verify requires a verification type');
  if (!(VERIFY_TYPES as readonly string[]).includes(type)) throw validationFailed('Unsupported verification type');
  return type as VerifyType;
}

export function flowMethodFor(type: VerifyType): FlowMethod | null {
  if (type === 'signup' || type === 'email') return 'email/signup';
  if (type === 'email_change') return 'email_change';
  return null;
}

/** Consumes the token and applies what it confirms; returns the (updated) user. */
export async function redeemLink(sql: Sql, type: VerifyType, token: string, now: Date): Promise<UserRow> {
  const consumed = await consumeOneTimeToken(sql, token, TOKEN_TYPES[type], now);
  if (!consumed)
    throw otpExpired(type === 'email_change' || type === 'signup' ? 'Email link is invalid or has expired' : undefined);
  const user = await findUserById(sql, consumed.user_id);
  if (!user) throw otpExpired();
  if (isBanned(user, now)) throw new AuthError(400, 'user_banned', 'User is banned');

  const confirmedAt = user.email_confirmed_at ?? now;
  if (consumed.token_type === 'email_change_token_new') {
    if (user.email_change?.toLowerCase() !== consumed.relates_to.toLowerCase()) throw otpExpired();
    const owner = await findUserByEmail(sql, consumed.relates_to);
    if (owner && owner.id !== user.id) {
      throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered');
    }
    return updateUser(
      sql,
      user.id,
      {
        email: consumed.relates_to,
        email_change: null,
        email_change_sent_at: null,
        email_confirmed_at: confirmedAt,
        last_sign_in_at: now,
      },
      now,
    );
  }
  // A link sent to an address the user no longer has is void.
  if (user.email.toLowerCase() !== consumed.relates_to.toLowerCase()) throw otpExpired();
  const set: Record<string, unknown> = { email_confirmed_at: confirmedAt, last_sign_in_at: now };
  if (user.email_confirmed_at === null && consumed.token_type === 'recovery_token') {
    // A recovery link confirms the mailbox, not the password: whoever signed up with this
    // address may not own it (pre-registration). That password and the sign-up's pending
    // links go; the reset page then sets the owner's own password.
    set.encrypted_password = null;
    await sql.query("delete from auth.one_time_tokens where user_id = $1 and token_type = 'confirmation_token'", [
      user.id,
    ]);
    await sql.query("delete from auth.flow_state where user_id = $1 and authentication_method = 'email/signup'", [
      user.id,
    ]);
  }
  return updateUser(sql, user.id, set, now);
}
