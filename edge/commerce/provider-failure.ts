import type { Context } from 'hono';
import type { PaymentProviderError } from '../payments/port.ts';

/** A gateway that failed or refused: 503 when a retry may work, else 502. Never an opaque 500. */
export function providerFailure(c: Context, err: PaymentProviderError): Response {
  return err.retryable
    ? c.json(
        {
          error: {
            code: 'payment_provider_unavailable',
            message: 'the payment provider could not be reached: try again',
          },
        },
        503,
        {
          'retry-after': '5',
        },
      )
    : c.json({ error: { code: 'payment_provider_error', message: 'the payment provider refused the request' } }, 502);
}
