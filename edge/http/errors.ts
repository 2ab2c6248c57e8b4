import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import type { ApiErrorBody } from '../api-types.ts';

/** A failure the caller can act on: it maps to a 4xx with a stable code. */
export class AppError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly details?: unknown;
  constructor(status: ContentfulStatusCode, code: string, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError(400, 'bad_request', message, details);
export const unauthorized = (message = 'sign in first') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = 'you may not do that') => new AppError(403, 'forbidden', message);
export const notFound = (what = 'resource') => new AppError(404, 'not_found', `${what} not found`);
export const conflict = (message: string) => new AppError(409, 'conflict', message);

/** Postgres errors a caller can cause, by SQLSTATE. Anything else is ours: a 500. */
function fromPostgres(err: { code?: unknown; message?: unknown; hint?: unknown }): AppError | null {
  const code = typeof err.code === 'string' ? err.code : '';
  const message = typeof err.message === 'string' ? err.message : 'request failed';
  switch (code) {
    case '42501': // insufficient_privilege: a grant or RLS said no
      return new AppError(
        403,
        'forbidden',
        /row-level security|permission denied/.test(message) ? 'you may not do that' : message,
      );
    case '28000':
      return unauthorized(message);
    case 'P0002':
      return new AppError(404, 'not_found', message);
    case 'P0001': {
      // A definer function names the answer in its hint: 'payment_required', or '<4xx>:<code>'
      // (e.g. raise ... using hint = '409:attempts_exhausted').
      const hint = typeof err.hint === 'string' ? err.hint : '';
      const typed = /^(4\d\d):([a-z_]{1,60})$/.exec(hint);
      if (typed) return new AppError(Number(typed[1]) as ContentfulStatusCode, typed[2]!, message);
      return hint === 'payment_required'
        ? new AppError(402, 'payment_required', message)
        : new AppError(409, 'conflict', message);
    }
    case '23505':
      return conflict('that already exists');
    case '23001': // restrict_violation (PostgreSQL 17, PGlite): other rows still refer to it
      return conflict('it is still in use');
    case '23503':
      // PostgreSQL 15 reports a refused delete with the same code as a missing reference.
      return /^update or delete on/.test(message)
        ? conflict('it is still in use')
        : badRequest('a referenced record does not exist');
    case '23514':
    case '23502':
    case '22P02':
    case '22001':
    case '22003':
    case '22007':
    case '22008':
    case '22021': // character_not_in_repertoire: NUL or invalid UTF-8 in a text parameter
    case '22P05': // untranslatable_character: \u0000 in json
    case '2201B': // invalid_regular_expression
    case '22025': // invalid_escape_sequence
      return badRequest('invalid value');
    default:
      return null;
  }
}

export function toErrorBody(err: AppError): ApiErrorBody {
  return {
    error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) },
  };
}

/**
 * The client hung up while its body was being read (Node's IncomingMessage fails the read with
 * "aborted"): its mistake or its network, not ours, and nobody is left to read the answer.
 */
const clientAborted = (err: Error) => err.message === 'aborted' && (err as { code?: unknown }).code === 'ECONNRESET';

/** The one place errors become responses. A 500 never echoes internals; only a 5xx is logged. */
export function onError(err: Error, c: Context): Response {
  let appError: AppError | null = null;
  if (err instanceof AppError) appError = err;
  else if (clientAborted(err)) appError = badRequest('the request was cut off');
  else if (err instanceof ZodError) {
    appError = badRequest(
      'invalid request',
      err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  } else if (err instanceof HTTPException) {
    const status = err.status;
    const code =
      status === 413
        ? 'payload_too_large'
        : status === 401
          ? 'unauthorized'
          : status === 404
            ? 'not_found'
            : 'bad_request';
    appError = new AppError(status as ContentfulStatusCode, code, err.message || 'bad request');
  } else if (err && typeof err === 'object' && 'code' in err) {
    appError = fromPostgres(err as { code?: unknown; message?: unknown; hint?: unknown });
  }
  if (appError && appError.status < 500) return c.json(toErrorBody(appError), appError.status);
  console.error('unhandled error', err);
  return c.json({ error: { code: 'internal', message: 'something went wrong on our side' } }, 500);
}
