/**
 * The invitation link (/join#token=…): the token sits in the fragment so it never reaches a server
 * log or a Referer header, and leaves the browser only in POST /api/invitations/accept. Signing in
 * or up on the way loses the fragment, so the page keeps the token in this tab's sessionStorage
 * until it is used (or the tab closes).
 */

export const JOIN_TOKEN_KEY = 'learnwell.join-token';

/** The token in a `#token=…` fragment (URL-decoded, trimmed), or null. */
export function tokenFromHash(hash: string): string | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const token = new URLSearchParams(raw).get('token')?.trim();
  return token && token.length >= 20 && token.length <= 200 ? token : null;
}

/** The part of the Storage API used here (sessionStorage in the page). */
export type TokenStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The storage to keep the token in, or null where there is none (blocked, or not a browser). */
export function sessionStore(): TokenStore | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/**
 * The token for this visit: the fragment's (kept in `store` for after a sign-in), else the one
 * kept earlier in this tab, else null.
 */
export function rememberToken(hash: string, store: TokenStore | null): string | null {
  const fromHash = tokenFromHash(hash);
  try {
    if (fromHash) {
      store?.setItem(JOIN_TOKEN_KEY, fromHash);
      return fromHash;
    }
    return tokenFromHash(`token=${encodeURIComponent(store?.getItem(JOIN_TOKEN_KEY) ?? '')}`);
  } catch {
    return fromHash;
  }
}

/** Forgets the kept token (after it was used, or when it can never work). */
export function forgetToken(store: TokenStore | null): void {
  try {
    store?.removeItem(JOIN_TOKEN_KEY);
  } catch {
    // Nothing kept.
  }
}

/** Refusals after which the token can never work: it is forgotten. */
export const FINAL_JOIN_ERRORS = ['invitation_invalid', 'invitation_expired', 'invitation_used'] as const;

export interface JoinProblem {
  title: string;
  message: string;
}

/** What the invitee is told for each refusal of POST /api/invitations/accept; null for other errors. */
export function joinProblem(code: string, signedInAs: string): JoinProblem | null {
  switch (code) {
    case 'invitation_invalid':
      return {
        title: 'This invitation link does not work',
        message:
          'The link is not valid: it may have been mistyped, replaced by a newer invitation, or withdrawn. Ask your company admin for a new invitation.',
      };
    case 'invitation_expired':
      return {
        title: 'This invitation has expired',
        message: 'Invitations are valid for 14 days. Ask your company admin to resend it, then open the new link.',
      };
    case 'invitation_used':
      return {
        title: 'This invitation was already used',
        message: 'Each invitation link works once. If you joined already, your courses are on your dashboard.',
      };
    case 'invitation_wrong_email':
      return {
        title: 'This invitation is for another email address',
        message: `You are signed in as ${signedInAs}, but the invitation was sent to a different address. Sign out, then sign in (or create an account) with the invited email address and open the link again.`,
      };
    default:
      return null;
  }
}

/** `/signin?next=/join`, `/signup?next=/join`: where signing in or up comes back here. */
export const joinNext = (page: '/signin' | '/signup') => `${page}?next=${encodeURIComponent('/join')}`;
