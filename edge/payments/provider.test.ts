import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createPaymentProvider, paymentEnvShape } from './provider.ts';

const base = { webhookSecret: 'whsec_0123456789abcdefghijklmnopqrstuv', siteUrl: 'http://localhost:8787' };

describe('createPaymentProvider', () => {
  it('is the local test provider without STRIPE_SECRET_KEY, Stripe with it', () => {
    expect(createPaymentProvider(base).name).toBe('local');
    expect(createPaymentProvider({ ...base, STRIPE_SECRET_KEY: 'sk_test_abc123' }).name).toBe('stripe');
  });

  it('parses the payment settings strictly', () => {
    const schema = z.object(paymentEnvShape);
    expect(schema.safeParse({}).success).toBe(true);
    expect(
      schema.safeParse({
        STRIPE_SECRET_KEY: 'sk_live_51AbC',
        STRIPE_WEBHOOK_SECRET: 'whsec_abc-DEF_123',
        STRIPE_API_URL: 'http://127.0.0.1:12111',
      }).success,
    ).toBe(true);
    for (const bad of [
      { STRIPE_SECRET_KEY: 'pk_test_abc' }, // a publishable key
      { STRIPE_SECRET_KEY: 'sk_test_ abc' },
      { STRIPE_WEBHOOK_SECRET: 'secret' },
      { STRIPE_WEBHOOK_SECRET: 'whsec_abc\n' },
      { STRIPE_API_URL: 'localhost:12111' },
    ]) {
      expect(schema.safeParse(bad).success).toBe(false);
    }
  });
});
