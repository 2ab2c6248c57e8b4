import { z } from 'zod';
import { createLocalProvider, type LocalPaymentProvider } from './local.ts';
import { createStripeProvider, type StripePaymentProvider } from './stripe.ts';

/**
 * The payment settings both hosts parse (server/env.ts, edge/env.ts spread this shape into their
 * schemas). STRIPE_API_URL points the Stripe adapter elsewhere (tests: the fake Stripe server).
 */
export const paymentEnvShape = {
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, 'must be a Stripe secret key (sk_test_... or sk_live_...)')
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_[A-Za-z0-9_-]+$/, 'must be a webhook signing secret (whsec_...)')
    .optional(),
  STRIPE_API_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, 'must be an http(s) URL')
    .optional(),
};

export type ConfiguredPaymentProvider = LocalPaymentProvider | StripePaymentProvider;

export interface PaymentConfig {
  STRIPE_SECRET_KEY?: string;
  STRIPE_API_URL?: string;
  /** STRIPE_WEBHOOK_SECRET, or (Node host, local provider) the one generated into DATA_DIR. */
  webhookSecret: string;
  /** The public origin, for the local test checkout's URL. */
  siteUrl: string;
}

/** The provider, chosen once at boot: Stripe when a secret key is set, else the local test provider. */
export function createPaymentProvider(config: PaymentConfig): ConfiguredPaymentProvider {
  if (config.STRIPE_SECRET_KEY) {
    return createStripeProvider({
      secretKey: config.STRIPE_SECRET_KEY,
      webhookSecret: config.webhookSecret,
      apiUrl: config.STRIPE_API_URL,
    });
  }
  return createLocalProvider({ siteUrl: config.siteUrl, webhookSecret: config.webhookSecret });
}
