import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Errors as Supabase Auth (GoTrue) sends them, so auth-js maps them to the same AuthApiError
 * codes. The body depends on the request's `X-Supabase-Api-Version` header (auth-js always
 * sends 2024-01-01):
 *   2024-01-01 or later: `{ code: "<error_code>", message }` and the header echoed back;
 *   absent or older:     `{ code: <status>, error_code, msg }` (the legacy shape).
 * Both carry `x-sb-error-code`. A weak password adds `weak_password: { reasons }`.
 */
export class AuthError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly reasons?: string[];
  constructor(status: ContentfulStatusCode, code: string, message: string, reasons?: string[]) {
    super(message);
    this.status = status;
    this.code = code;
    this.reasons = reasons;
  }
}

export const validationFailed = (message: string) => new AuthError(400, 'validation_failed', message);
export const badJson = (message = 'Could not parse request body as JSON') => new AuthError(400, 'bad_json', message);
export const invalidCredentials = () => new AuthError(400, 'invalid_credentials', 'Invalid login credentials');
export const noAuthorization = () =>
  new AuthError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
export const badJwt = (detail: string) => new AuthError(403, 'bad_jwt', `invalid JWT: ${detail}`);
export const sessionNotFound = () =>
  new AuthError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
export const userNotFound = () => new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
export const otpExpired = (message = 'Token has expired or is invalid') => new AuthError(403, 'otp_expired', message);
export const rateLimited = () => new AuthError(429, 'over_request_rate_limit', 'Request rate limit reached');
export const emailRateLimited = (seconds: number) =>
  new AuthError(
    429,
    'over_email_send_rate_limit',
    `For security purposes, you can only request this after ${seconds} seconds.`,
  );

export const API_VERSION_HEADER = 'X-Supabase-Api-Version';
const API_VERSION_2024 = '2024-01-01';
const VERSION_RE = /^2[0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

/** The closest API version the caller asked for: '2024-01-01' or null (the initial one). */
export function requestedApiVersion(header: string | undefined): string | null {
  if (!header || !VERSION_RE.test(header)) return null;
  return header >= API_VERSION_2024 ? API_VERSION_2024 : null;
}

export function errorResponse(c: Context, err: AuthError): Response {
  const version = requestedApiVersion(c.req.header(API_VERSION_HEADER));
  c.header('x-sb-error-code', err.code);
  c.header('cache-control', 'no-store');
  const extra = err.reasons ? { weak_password: { reasons: err.reasons } } : {};
  if (version) {
    c.header(API_VERSION_HEADER, version);
    return c.json({ code: err.code, message: err.message, ...extra }, err.status);
  }
  return c.json({ code: err.status, error_code: err.code, msg: err.message, ...extra }, err.status);
}

const HTTP_CODES: Record<number, string> = {
  400: 'bad_json',
  404: 'not_found',
  413: 'request_too_large',
  415: 'bad_json',
};

/**
 * The one place errors become responses. A client's mistake (an AuthError, or a 4xx that
 * Hono's own middleware raised) is answered without logging; anything we did not anticipate
 * is logged with its stack and answered with a generic 500.
 */
export function onAuthError(err: Error, c: Context): Response {
  if (err instanceof AuthError) return errorResponse(c, err);
  if (err instanceof HTTPException && err.status < 500) {
    const code = HTTP_CODES[err.status] ?? 'validation_failed';
    return errorResponse(c, new AuthError(err.status, code, err.message || 'Bad request'));
  }
  console.error('auth: unhandled error', err);
  return errorResponse(
    c,
    new AuthError(500, 'unexpected_failure', 'Unexpected failure, please check server logs for more information'),
  );
}
