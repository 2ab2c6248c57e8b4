import { rateLimited } from './errors.ts';
import { SlidingWindowLimiter } from './sliding-window.ts';

export { SlidingWindowLimiter } from './sliding-window.ts';

export const WINDOW_MS = 5 * 60 * 1000;

export interface AuthLimits {
  /** Failed password sign-ins per email and per IP (AUTH_SIGNIN_LIMIT). */
  signin: number;
  /** Sign-ups per IP. */
  signupPerIp: number;
  /** Recovery requests per IP. */
  recoverPerIp: number;
  /** Mail-link verifications per IP. */
  verifyPerIp: number;
  /** Refresh-token grants per IP (GoTrue's default is 150 per 5 minutes). */
  refreshPerIp: number;
  /** Password changes (PUT /user { password }) per user: each costs two bcrypt rounds. */
  passwordChangePerUser: number;
  /** Password changes per IP. */
  passwordChangePerIp: number;
}

export const DEFAULT_LIMITS: Omit<AuthLimits, 'signin'> = {
  signupPerIp: 30,
  recoverPerIp: 30,
  verifyPerIp: 30,
  refreshPerIp: 150,
  passwordChangePerUser: 5,
  passwordChangePerIp: 30,
};

export interface Limiters {
  signinEmail: SlidingWindowLimiter;
  signinIp: SlidingWindowLimiter;
  signupIp: SlidingWindowLimiter;
  recoverIp: SlidingWindowLimiter;
  verifyIp: SlidingWindowLimiter;
  refreshIp: SlidingWindowLimiter;
  passwordUser: SlidingWindowLimiter;
  passwordIp: SlidingWindowLimiter;
}

export function createLimiters(limits: AuthLimits): Limiters {
  return {
    signinEmail: new SlidingWindowLimiter(limits.signin, WINDOW_MS),
    signinIp: new SlidingWindowLimiter(limits.signin, WINDOW_MS),
    signupIp: new SlidingWindowLimiter(limits.signupPerIp, WINDOW_MS),
    recoverIp: new SlidingWindowLimiter(limits.recoverPerIp, WINDOW_MS),
    verifyIp: new SlidingWindowLimiter(limits.verifyPerIp, WINDOW_MS),
    refreshIp: new SlidingWindowLimiter(limits.refreshPerIp, WINDOW_MS),
    passwordUser: new SlidingWindowLimiter(limits.passwordChangePerUser, WINDOW_MS),
    passwordIp: new SlidingWindowLimiter(limits.passwordChangePerIp, WINDOW_MS),
  };
}

/** Slots taken by `enforce`; `release()` gives them back when the attempt should not count. */
export interface Reservation {
  release(): void;
}

/**
 * Throws 429 over_request_rate_limit unless every (limiter, key) pair has room, checked in
 * order (put the coarsest key, the IP, first). Slots are all-or-nothing: when a later pair is
 * refused, the earlier ones are given back, so a refused request records nothing anywhere.
 */
export function enforce(now: number, ...checks: [SlidingWindowLimiter, string][]): Reservation {
  const taken: [SlidingWindowLimiter, string][] = [];
  const release = () => {
    for (const [limiter, key] of taken.splice(0)) limiter.release(key, now);
  };
  for (const [limiter, key] of checks) {
    if (!limiter.hit(key, now)) {
      release();
      throw rateLimited();
    }
    taken.push([limiter, key]);
  }
  return { release };
}
