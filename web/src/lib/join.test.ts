import { describe, expect, it } from 'vitest';
import {
  FINAL_JOIN_ERRORS,
  forgetToken,
  JOIN_TOKEN_KEY,
  joinNext,
  joinProblem,
  rememberToken,
  type TokenStore,
  tokenFromHash,
} from './join.ts';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz0123456789-_ABCDE';

/** An in-memory Storage, as sessionStorage behaves in one tab. */
function memoryStore(): TokenStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, String(v)),
    removeItem: (k) => void data.delete(k),
  };
}

/** A storage the browser blocks (privacy settings): every call throws. */
const blocked: TokenStore = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('SecurityError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('join token', () => {
  it('reads the token from the fragment, decoded and trimmed', () => {
    expect(tokenFromHash(`#token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromHash(`token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromHash(`#other=1&token=${encodeURIComponent(` ${TOKEN} `)}`)).toBe(TOKEN);
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#token=')).toBeNull();
    expect(tokenFromHash('#token=short')).toBeNull();
    expect(tokenFromHash(`#token=${'a'.repeat(201)}`)).toBeNull();
  });

  it('keeps the fragment token for after a sign-in, and reads it back without a fragment', () => {
    const store = memoryStore();
    expect(rememberToken(`#token=${TOKEN}`, store)).toBe(TOKEN);
    expect(store.data.get(JOIN_TOKEN_KEY)).toBe(TOKEN);
    expect(rememberToken('', store)).toBe(TOKEN);
    forgetToken(store);
    expect(rememberToken('', store)).toBeNull();
  });

  it('a newer link replaces a kept token; a kept value that is not a token is ignored', () => {
    const store = memoryStore();
    rememberToken(`#token=${TOKEN}`, store);
    const newer = `${TOKEN}-newer`;
    expect(rememberToken(`#token=${newer}`, store)).toBe(newer);
    store.data.set(JOIN_TOKEN_KEY, 'x');
    expect(rememberToken('', store)).toBeNull();
  });

  it('works without storage, or with storage the browser blocks', () => {
    expect(rememberToken(`#token=${TOKEN}`, null)).toBe(TOKEN);
    expect(rememberToken('', null)).toBeNull();
    expect(rememberToken(`#token=${TOKEN}`, blocked)).toBe(TOKEN);
    expect(rememberToken('', blocked)).toBeNull();
    expect(() => forgetToken(blocked)).not.toThrow();
    expect(() => forgetToken(null)).not.toThrow();
  });

  it('explains every refusal; the wrong email names the signed-in account', () => {
    for (const code of [...FINAL_JOIN_ERRORS, 'invitation_wrong_email']) {
      expect(joinProblem(code, 'me@example.com')?.message).toBeTruthy();
    }
    expect(joinProblem('invitation_expired', 'x')?.message).toMatch(/resend/);
    expect(joinProblem('invitation_wrong_email', 'me@example.com')?.message).toContain('me@example.com');
    expect(joinProblem('validation_failed', 'x')).toBeNull();
  });

  it('signing in or up comes back to /join', () => {
    expect(joinNext('/signin')).toBe('/signin?next=%2Fjoin');
    expect(joinNext('/signup')).toBe('/signup?next=%2Fjoin');
  });
});
