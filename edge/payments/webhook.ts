import Stripe from 'stripe';
import { type StripeEvent, WebhookSignatureError } from './port.ts';

/** Stripe's default and the contract's: a signature older than 5 minutes is refused (replays). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** Web Crypto: the same code on Deno (Edge Functions) and Node. */
const subtle = Stripe.createSubtleCryptoProvider();

/**
 * Verifies a Stripe webhook on its raw body with the SDK's `constructEventAsync` (HMAC-SHA256
 * over `<t>.<body>`, constant-time compare, timestamp tolerance) and returns the event. Both
 * providers use it: the local one signs its events with the same secret. `receivedAt` (ms) is for tests.
 */
export async function verifyStripeWebhook(
  rawBody: string,
  signatureHeader: string | null,
  secret: string,
  receivedAt?: number,
): Promise<StripeEvent> {
  if (!secret) throw new Error('no webhook secret configured');
  if (!signatureHeader) throw new WebhookSignatureError('missing_signature', 'no Stripe-Signature header');
  let event: unknown;
  try {
    event = await Stripe.webhooks.constructEventAsync(
      rawBody,
      signatureHeader,
      secret,
      WEBHOOK_TOLERANCE_SECONDS,
      subtle,
      receivedAt,
    );
  } catch (err) {
    if (err instanceof Stripe.errors.StripeSignatureVerificationError) {
      const stale = /tolerance/i.test(err.message);
      throw new WebhookSignatureError(
        stale ? 'stale_timestamp' : 'bad_signature',
        stale ? 'the signature timestamp is too old' : 'the signature does not match the body',
      );
    }
    // Signed with our secret but not JSON (or a thin v2 notification): nothing we can act on.
    throw new WebhookSignatureError('malformed_payload', 'the signed body is not a Stripe event');
  }
  if (!isStripeEvent(event))
    throw new WebhookSignatureError('malformed_payload', 'the signed body is not a Stripe event');
  return event;
}

function isStripeEvent(value: unknown): value is StripeEvent {
  if (!value || typeof value !== 'object') return false;
  const e = value as Record<string, unknown>;
  const data = e.data as Record<string, unknown> | null | undefined;
  return (
    e.object === 'event' &&
    typeof e.id === 'string' &&
    e.id.length > 0 &&
    typeof e.type === 'string' &&
    typeof data === 'object' &&
    data !== null &&
    typeof data.object === 'object' &&
    data.object !== null &&
    !Array.isArray(data.object)
  );
}

/** The `Stripe-Signature` header for a body, as Stripe makes it (SDK `generateTestHeaderStringAsync`). */
export function signStripePayload(payload: string, secret: string, timestampSeconds?: number): Promise<string> {
  return Stripe.webhooks.generateTestHeaderStringAsync({
    payload,
    secret,
    cryptoProvider: subtle,
    ...(timestampSeconds === undefined ? {} : { timestamp: timestampSeconds }),
  });
}
