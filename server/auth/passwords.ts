import bcrypt from 'bcryptjs';
import { AuthError, validationFailed } from './errors.ts';

/**
 * Passwords: bcrypt (cost 10, as GoTrue) in auth.users.encrypted_password.
 * Minimum length is 8 characters — stricter than GoTrue's default of 6, which NIST SP 800-63B
 * and OWASP consider too short. bcrypt reads only the first 72 bytes, so longer passwords are
 * refused rather than silently truncated.
 */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_BYTES = 72;
const COST = 10;

/** Throws 422 weak_password (with reasons, as GoTrue) or 422 validation_failed. */
export function checkNewPassword(password: string | null | undefined): string {
  if (!password) throw new AuthError(422, 'validation_failed', 'Signup requires a valid password');
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new AuthError(422, 'weak_password', `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`, ['length']);
  }
  if (new TextEncoder().encode(password).length > MAX_PASSWORD_BYTES) {
    throw validationFailed(`Password cannot be longer than ${MAX_PASSWORD_BYTES} bytes`);
  }
  return password;
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

// Compared against when the user does not exist, so both paths take as long.
let dummyHash: Promise<string> | undefined;

/** Constant work whether or not a user (or a password hash) exists. */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const usable = typeof hash === 'string' && hash.startsWith('$2');
  dummyHash ??= bcrypt.hash('not-a-real-password-for-timing', COST);
  const ok = await bcrypt.compare(password, usable ? hash : await dummyHash);
  return usable && ok;
}
