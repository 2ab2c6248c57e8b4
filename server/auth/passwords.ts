import { runBcrypt } from './bcrypt-pool.ts';
import { AuthError, invalidCredentials, validationFailed } from './errors.ts';
import { hasControlChars } from './validate.ts';

/**
 * Passwords: bcrypt (cost 10, as GoTrue) in auth.users.encrypted_password, computed in a
 * worker thread (bcrypt-pool.ts) so a hash never stalls the event loop.
 * Minimum length is 8 characters — stricter than GoTrue's default of 6, which NIST SP 800-63B
 * and OWASP consider too short. bcrypt reads only the first 72 bytes, so longer passwords are
 * refused rather than silently truncated (and never compared at sign-in). Control characters
 * and unpaired surrogates are refused too: bcrypt stops at a NUL (a password of NULs hashes
 * like the empty one), and every lone surrogate encodes to the same U+FFFD.
 */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_BYTES = 72;
const COST = 10;

const LONE_SURROGATE_RE = /\p{Cs}/u;
const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8');

function refuseUnsafeChars(password: string): void {
  if (hasControlChars(password)) throw validationFailed('Password may not contain control characters');
  if (LONE_SURROGATE_RE.test(password)) throw validationFailed('Password may not contain unpaired surrogates');
}

/** Throws 422 weak_password (with reasons, as GoTrue) or validation_failed (422 missing, 400 malformed). */
export function checkNewPassword(password: string | null | undefined): string {
  if (!password) throw new AuthError(422, 'validation_failed', 'Signup requires a valid password');
  refuseUnsafeChars(password);
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new AuthError(422, 'weak_password', `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`, [
      'length',
    ]);
  }
  if (byteLength(password) > MAX_PASSWORD_BYTES) {
    throw validationFailed(`Password cannot be longer than ${MAX_PASSWORD_BYTES} bytes`);
  }
  return password;
}

/**
 * A password offered at sign-in, checked before any lookup: missing, empty or over 72 bytes
 * is 400 invalid_credentials (no account has such a password), control characters 400
 * validation_failed. What passes is never empty, so bcrypt never compares an empty password.
 */
export function checkOfferedPassword(password: string | null | undefined): string {
  if (!password) throw invalidCredentials();
  refuseUnsafeChars(password);
  if (byteLength(password) > MAX_PASSWORD_BYTES) throw invalidCredentials();
  return password;
}

export async function hashPassword(password: string): Promise<string> {
  return (await runBcrypt({ op: 'hash', password, cost: COST })) as string;
}

// Compared against when the user does not exist, so both paths take as long.
let dummyHash: Promise<string> | undefined;

/** Constant work whether or not a user (or a password hash) exists; never true for ''. */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const usable = typeof hash === 'string' && hash.startsWith('$2');
  dummyHash ??= hashPassword('not-a-real-password-for-timing').catch((err: unknown) => {
    dummyHash = undefined; // a refused (busy) hash is tried again next time
    throw err;
  });
  const ok = (await runBcrypt({ op: 'compare', password, hash: usable ? hash : await dummyHash })) as boolean;
  return usable && ok && password !== '';
}
