import { rateLimited } from './errors.ts';

export const WINDOW_MS = 5 * 60 * 1000;

/**
 * In-memory sliding-window limiter: at most `limit` hits per key in any `windowMs`.
 * One process only (the embedded host); memory stays bounded by sweeping expired keys and
 * by a cap on the number of keys (the oldest go first).
 */
export class SlidingWindowLimiter {
  readonly limit: number;
  readonly windowMs: number;
  readonly #maxKeys: number;
  readonly #hits = new Map<string, number[]>();
  #sinceSweep = 0;

  constructor(limit: number, windowMs = WINDOW_MS, maxKeys = 50_000) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.#maxKeys = maxKeys;
  }

  /** Records a hit for `key`; false (and nothing recorded) when the key is over its limit. */
  hit(key: string, now: number): boolean {
    if (++this.#sinceSweep >= 1000) this.#sweep(now);
    const since = now - this.windowMs;
    const times = (this.#hits.get(key) ?? []).filter((t) => t > since);
    if (times.length >= this.limit) {
      this.#hits.set(key, times);
      return false;
    }
    times.push(now);
    this.#hits.delete(key); // re-insert: Map order is then least-recently-used first
    this.#hits.set(key, times);
    while (this.#hits.size > this.#maxKeys) {
      const oldest = this.#hits.keys().next().value as string;
      this.#hits.delete(oldest);
    }
    return true;
  }

  #sweep(now: number): void {
    this.#sinceSweep = 0;
    const since = now - this.windowMs;
    for (const [key, times] of this.#hits) {
      if (!times.some((t) => t > since)) this.#hits.delete(key);
    }
  }
}

export interface AuthLimits {
  /** Password sign-ins per email and per IP (AUTH_SIGNIN_LIMIT). */
  signin: number;
  /** Sign-ups per IP. */
  signupPerIp: number;
  /** Recovery requests per IP. */
  recoverPerIp: number;
  /** Mail-link verifications per IP. */
  verifyPerIp: number;
  /** Refresh-token grants per IP (GoTrue's default is 150 per 5 minutes). */
  refreshPerIp: number;
}

export const DEFAULT_LIMITS: Omit<AuthLimits, 'signin'> = {
  signupPerIp: 30,
  recoverPerIp: 30,
  verifyPerIp: 30,
  refreshPerIp: 150,
};

export interface Limiters {
  signinEmail: SlidingWindowLimiter;
  signinIp: SlidingWindowLimiter;
  signupIp: SlidingWindowLimiter;
  recoverIp: SlidingWindowLimiter;
  verifyIp: SlidingWindowLimiter;
  refreshIp: SlidingWindowLimiter;
}

export function createLimiters(limits: AuthLimits): Limiters {
  return {
    signinEmail: new SlidingWindowLimiter(limits.signin),
    signinIp: new SlidingWindowLimiter(limits.signin),
    signupIp: new SlidingWindowLimiter(limits.signupPerIp),
    recoverIp: new SlidingWindowLimiter(limits.recoverPerIp),
    verifyIp: new SlidingWindowLimiter(limits.verifyPerIp),
    refreshIp: new SlidingWindowLimiter(limits.refreshPerIp),
  };
}

/** Throws 429 over_request_rate_limit unless every (limiter, key) pair has room. */
export function enforce(now: number, ...checks: [SlidingWindowLimiter, string][]): void {
  for (const [limiter, key] of checks) {
    if (!limiter.hit(key, now)) throw rateLimited();
  }
}
