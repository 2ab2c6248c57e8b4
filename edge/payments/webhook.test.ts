import { describe, expect, it } from 'vitest';
import { createLocalProvider } from './local.ts';
import { type StripeEvent, WebhookSignatureError } from './port.ts';
import { createStripeProvider } from './stripe.ts';
import { signStripePayload, verifyStripeWebhook, WEBHOOK_TOLERANCE_SECONDS } from './webhook.ts';

/** Webhook signatures, as Stripe makes them (SDK generateTestHeaderStringAsync) and checks them (constructEventAsync). */

const SECRET = 'whsec_test_signing_secret_0123456789abcdef';
const ORDER = '00000000-0000-4000-8000-0000000000aa';
const payload = JSON.stringify(
  {
    id: 'evt_1Q2w3E4r5T6y',
    object: 'event',
    api_version: '2026-10-28.endive',
    created: 1795450000,
    livemode: false,
    type: 'checkout.session.completed',
    data: {
      object: {
        id: 'cs_test_1',
        object: 'checkout.session',
        amount_total: 4900,
        currency: 'usd',
        client_reference_id: ORDER,
        payment_status: 'paid',
      },
    },
  },
  null,
  2,
);
const nowSeconds = () => Math.floor(Date.now() / 1000);

async function refusal(promise: Promise<unknown>): Promise<WebhookSignatureError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WebhookSignatureError);
  return err as WebhookSignatureError;
}

describe('verifyStripeWebhook', () => {
  it('accepts a body signed with the secret and returns the event', async () => {
    const event = await verifyStripeWebhook(payload, await signStripePayload(payload, SECRET), SECRET);
    expect(event).toMatchObject({ id: 'evt_1Q2w3E4r5T6y', type: 'checkout.session.completed' });
    expect(event.data.object.client_reference_id).toBe(ORDER);
  });

  it('accepts a header with several v1 signatures when one matches (secret rotation)', async () => {
    const t = nowSeconds();
    const good = await signStripePayload(payload, SECRET, t);
    const other = await signStripePayload(payload, 'whsec_the_previous_secret_000000000000', t);
    const header = `${good},${other.split(',')[1]}`;
    await expect(verifyStripeWebhook(payload, header, SECRET)).resolves.toMatchObject({ id: 'evt_1Q2w3E4r5T6y' });
  });

  it('refuses a signature made with another secret', async () => {
    const header = await signStripePayload(payload, 'whsec_someone_else_0123456789abcdef01');
    expect((await refusal(verifyStripeWebhook(payload, header, SECRET))).reason).toBe('bad_signature');
  });

  it('refuses a missing or empty header', async () => {
    expect((await refusal(verifyStripeWebhook(payload, null, SECRET))).reason).toBe('missing_signature');
    expect((await refusal(verifyStripeWebhook(payload, '', SECRET))).reason).toBe('missing_signature');
  });

  it('refuses a header that is not a Stripe signature', async () => {
    for (const header of ['nonsense', 't=abc,v1=00', `t=${nowSeconds()}`, `t=${nowSeconds()},v0=abcd`]) {
      expect((await refusal(verifyStripeWebhook(payload, header, SECRET))).reason).toBe('bad_signature');
    }
  });

  it(`refuses a timestamp older than ${WEBHOOK_TOLERANCE_SECONDS} seconds, and takes one just inside`, async () => {
    const stale = await signStripePayload(payload, SECRET, nowSeconds() - WEBHOOK_TOLERANCE_SECONDS - 1);
    expect((await refusal(verifyStripeWebhook(payload, stale, SECRET))).reason).toBe('stale_timestamp');
    const fresh = await signStripePayload(payload, SECRET, nowSeconds() - WEBHOOK_TOLERANCE_SECONDS + 5);
    await expect(verifyStripeWebhook(payload, fresh, SECRET)).resolves.toMatchObject({ id: 'evt_1Q2w3E4r5T6y' });
  });

  it('refuses a body altered by one byte anywhere, or re-serialized', async () => {
    const header = await signStripePayload(payload, SECRET);
    const altered = payload.replace('"amount_total": 4900', '"amount_total": 4901');
    expect(altered).not.toBe(payload);
    expect((await refusal(verifyStripeWebhook(altered, header, SECRET))).reason).toBe('bad_signature');
    for (const at of [0, Math.floor(payload.length / 2), payload.length - 1]) {
      const code = payload.charCodeAt(at);
      const flipped = payload.slice(0, at) + String.fromCharCode(code ^ 1) + payload.slice(at + 1);
      expect((await refusal(verifyStripeWebhook(flipped, header, SECRET))).reason).toBe('bad_signature');
    }
    expect((await refusal(verifyStripeWebhook(`${payload} `, header, SECRET))).reason).toBe('bad_signature');
    const reserialized = JSON.stringify(JSON.parse(payload));
    expect((await refusal(verifyStripeWebhook(reserialized, header, SECRET))).reason).toBe('bad_signature');
  });

  it('refuses a signed body that is not a Stripe event', async () => {
    for (const body of ['not json', '[]', '{"id":"evt_1","object":"event","type":"x"}', '{"object":"event"}']) {
      const header = await signStripePayload(body, SECRET);
      expect((await refusal(verifyStripeWebhook(body, header, SECRET))).reason).toBe('malformed_payload');
    }
  });

  it('fails loudly without a secret rather than accepting anything', async () => {
    await expect(verifyStripeWebhook(payload, 't=1,v1=00', '')).rejects.not.toBeInstanceOf(WebhookSignatureError);
  });
});

describe('one verifier for both providers', () => {
  const local = createLocalProvider({ siteUrl: 'http://localhost:8787', webhookSecret: SECRET });
  const stripe = createStripeProvider({ secretKey: 'sk_test_unused', webhookSecret: SECRET });

  it("verifies the local provider's events with the Stripe adapter's verifier, and the reverse", async () => {
    const signed = await local.paymentEvent({
      sessionId: 'cs_test_local_x',
      orderId: ORDER,
      amount: 4900,
      currency: 'USD',
      outcome: 'paid',
      method: 'card',
    });
    const viaStripe: StripeEvent = await stripe.verifyWebhook(signed.payload, signed.signature);
    expect(viaStripe).toEqual(signed.event);
    const header = await signStripePayload(payload, SECRET);
    await expect(local.verifyWebhook(payload, header)).resolves.toMatchObject({ id: 'evt_1Q2w3E4r5T6y' });
  });

  it('refuses a local event checked with another secret, or altered after signing', async () => {
    const signed = await local.paymentEvent({
      sessionId: 'cs_test_local_x',
      orderId: ORDER,
      amount: 4900,
      currency: 'USD',
      outcome: 'paid',
      method: 'card',
    });
    const elsewhere = createLocalProvider({ siteUrl: 'http://x', webhookSecret: 'whsec_other_0123456789abcdefghijkl' });
    expect((await refusal(elsewhere.verifyWebhook(signed.payload, signed.signature))).reason).toBe('bad_signature');
    const richer = signed.payload.replace('"amount_total": 4900', '"amount_total": 49');
    expect((await refusal(local.verifyWebhook(richer, signed.signature))).reason).toBe('bad_signature');
  });
});
