import { validationFailed } from './errors.ts';
import { exceedsDepth } from './json-depth.ts';
import { MAX_METADATA_BYTES, MAX_METADATA_DEPTH } from './schemas.ts';

/** Field rules shared by the routes, with GoTrue's messages. */

const EMAIL_RE =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

const MAX_EMAIL_LENGTH = 255;
const CONTROL_RE = /[\u0000-\u001f\u007f]/;

/** C0 controls (NUL included) and DEL: refused in emails and passwords. */
export const hasControlChars = (s: string): boolean => CONTROL_RE.test(s);

function refuseControlChars(email: string): void {
  if (hasControlChars(email)) throw validationFailed('Email may not contain control characters');
}

/** Returns the normalised (trimmed, lower-case) address or throws 400 validation_failed. */
export function validateEmail(email: string | null | undefined): string {
  refuseControlChars(email ?? '');
  const normalised = (email ?? '').trim().toLowerCase();
  if (!normalised) throw validationFailed('An email address is required');
  if (normalised.length > MAX_EMAIL_LENGTH) throw validationFailed('An email address is too long');
  if (!EMAIL_RE.test(normalised)) throw validationFailed('Unable to validate email address: invalid format');
  return normalised;
}

/**
 * An address offered at sign-in: no format check (an unknown address is just invalid
 * credentials, as GoTrue answers), but nothing Postgres refuses (NUL) and nothing that would
 * make a huge rate-limit key: control characters or over 255 characters are 400.
 */
export function signInEmail(email: string): string {
  refuseControlChars(email);
  const normalised = email.trim().toLowerCase();
  if (normalised.length > MAX_EMAIL_LENGTH) throw validationFailed('An email address is too long');
  return normalised;
}

// What Postgres jsonb refuses: \u0000 and lone surrogates (JSON.stringify escapes exactly those).
const JSONB_UNSAFE_RE = /(?<!\\)(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/i;

/**
 * User metadata: at most 8 KB of JSON, nested at most MAX_METADATA_DEPTH levels (checked
 * without recursion before JSON.stringify, which would overflow the stack on deep input).
 */
export function validateMetadata(data: Record<string, unknown>): Record<string, unknown> {
  if (exceedsDepth(data, MAX_METADATA_DEPTH)) {
    throw validationFailed(`User metadata may be nested at most ${MAX_METADATA_DEPTH} levels deep`);
  }
  const json = JSON.stringify(data);
  if (new TextEncoder().encode(json).length > MAX_METADATA_BYTES) {
    throw validationFailed(`User metadata is limited to ${MAX_METADATA_BYTES} bytes of JSON`);
  }
  if (JSONB_UNSAFE_RE.test(json))
    throw validationFailed('User metadata may not contain NUL characters or lone surrogates');
  return data;
}

export type ChallengeMethod = 's256' | 'plain';
export interface PkceChallenge {
  challenge: string;
  method: ChallengeMethod;
}

const CHALLENGE_RE = /^[A-Za-z0-9._~-]{43,128}$/;

/** Both or neither of code_challenge and code_challenge_method; null when neither (implicit flow). */
export function validatePkce(
  challenge: string | null | undefined,
  method: string | null | undefined,
): PkceChallenge | null {
  if (!challenge && !method) return null;
  if (!challenge || !method) throw validationFailed('PKCE flow requires code_challenge_method and code_challenge');
  if (!CHALLENGE_RE.test(challenge)) {
    throw validationFailed(
      'code challenge has to be between 43 and 128 characters and only contain unreserved characters',
    );
  }
  const m = method.toLowerCase();
  if (m !== 's256' && m !== 'plain') throw validationFailed('code challenge method not supported');
  return { challenge, method: m };
}
