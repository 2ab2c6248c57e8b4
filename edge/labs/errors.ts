import type { Context } from 'hono';
import { AppError, onError } from '../http/errors.ts';
import { LabQueueError } from './runner.ts';

/**
 * The one place lab runner refusals become responses. edge/http/errors.ts answers any 5xx as a
 * bare 500; a busy or missing runner is not our bug but a "try again later", so the labs routers
 * use this handler: 429 rate_limited and 503 queue_full / runner_unavailable / labs_unavailable,
 * each with Retry-After. Everything else goes to the shared onError.
 */

/** No runner is configured on this host (an Edge Function without LABS_URL, say). */
export class LabsUnavailableError extends Error {
  constructor() {
    super('code labs are not available on this server');
    this.name = 'LabsUnavailableError';
  }
}

/** How long a client should wait when the host has no runner at all. */
const UNAVAILABLE_RETRY_SECONDS = 60;

export function labsOnError(err: Error, c: Context): Response {
  if (err instanceof LabQueueError) {
    const status = err.code === 'rate_limited' ? 429 : 503;
    const retry = Math.max(1, Math.ceil(err.retryAfterSeconds));
    return c.json({ error: { code: err.code, message: err.message } }, status, {
      'retry-after': String(retry),
      'cache-control': 'no-store',
    });
  }
  if (err instanceof LabsUnavailableError) {
    return c.json({ error: { code: 'labs_unavailable', message: err.message } }, 503, {
      'retry-after': String(UNAVAILABLE_RETRY_SECONDS),
      'cache-control': 'no-store',
    });
  }
  return onError(err, c);
}

/** 409 reference_fails: publishing needs a reference solution that passes every test. */
export const referenceFails = (result: unknown) =>
  new AppError(409, 'reference_fails', 'the reference solution does not pass the tests', result);
