import { hs256Verifier, type JwtVerifier } from '../../edge/auth/jwt.ts';
import type { HostDatabase } from '../db/types.ts';
import type { Mailer } from '../mail/port.ts';
import { type AuthLimits, createLimiters, DEFAULT_LIMITS, type Limiters } from './rate-limit.ts';
import type { SignerConfig } from './tokens.ts';

export interface AuthDeps {
  db: HostDatabase;
  jwtSecret: string;
  jwtExpirySeconds: number;
  /** Public origin of the site, e.g. http://localhost:8787 (a trailing slash is ignored). */
  siteUrl: string;
  /** Sign-ups are confirmed at once; otherwise a confirmation mail is sent. */
  autoconfirm: boolean;
  /** Failed password sign-ins per email and per IP in a 5-minute sliding window. */
  signinLimit: number;
  mailer: Mailer;
  now?: () => Date;
  /** Per-IP caps for the other endpoints; defaults in rate-limit.ts. */
  limits?: Partial<Omit<AuthLimits, 'signin'>>;
}

/** Everything a route needs, derived once from the deps. */
export interface AuthContext {
  db: HostDatabase;
  mailer: Mailer;
  now: () => Date;
  /** Site origin + path without a trailing slash. */
  siteUrl: string;
  autoconfirm: boolean;
  signer: SignerConfig;
  verifier: JwtVerifier;
  limiters: Limiters;
}

/** A rotated refresh token may be used again for this long (GoTrue's default reuse interval). */
export const REFRESH_REUSE_INTERVAL_MS = 10_000;
/** Mail links (confirmation, recovery, email change) expire after an hour. */
export const ONE_TIME_TOKEN_TTL_MS = 60 * 60 * 1000;
/** A PKCE auth code must be exchanged within 5 minutes. */
export const AUTH_CODE_TTL_MS = 5 * 60 * 1000;
/** At most one mail of a kind per user per minute (GoTrue's SMTP max frequency). */
export const MAIL_MIN_INTERVAL_MS = 60_000;

export function createContext(deps: AuthDeps): AuthContext {
  const siteUrl = deps.siteUrl.replace(/\/+$/, '');
  const overrides = Object.fromEntries(Object.entries(deps.limits ?? {}).filter(([, v]) => v !== undefined));
  return {
    db: deps.db,
    mailer: deps.mailer,
    now: deps.now ?? (() => new Date()),
    siteUrl,
    autoconfirm: deps.autoconfirm,
    signer: { secret: deps.jwtSecret, expirySeconds: deps.jwtExpirySeconds, issuer: `${siteUrl}/auth/v1` },
    verifier: hs256Verifier(deps.jwtSecret),
    limiters: createLimiters({ signin: deps.signinLimit, ...DEFAULT_LIMITS, ...overrides }),
  };
}
