import { z } from 'zod';
import type { SellerInfo } from '../../invoices/types.ts';

/**
 * The settings of checkout and orders both hosts parse (server/env.ts and edge/env.ts spread
 * this shape into their schemas): the seller printed on invoices and the learner refund policy.
 */
export const commerceEnvShape = {
  SELLER_NAME: z.string().trim().min(1).max(200).optional(),
  /** Lines separated by commas or newlines: "Torstraße 140, 10119 Berlin, Germany". */
  SELLER_ADDRESS: z.string().trim().min(1).max(500).optional(),
  SELLER_EMAIL: z.string().trim().max(254).pipe(z.email()).optional(),
  SELLER_TAX_ID: z.string().trim().min(1).max(60).optional(),
  /** A learner may ask for a refund this many days after paying (0 turns learner refunds off). */
  REFUND_WINDOW_DAYS: z.coerce.number().int().min(0).max(365).default(14),
  /** ... while under this much progress (percent) in every course of the order. */
  REFUND_MAX_PROGRESS_PERCENT: z.coerce.number().min(0).max(100).default(30),
};

export interface RefundPolicy {
  windowDays: number;
  maxProgressPercent: number;
}

export interface CommerceConfig {
  /** The web app's public origin: where a gateway sends the buyer back. */
  siteUrl: string;
  seller: SellerInfo;
  refundPolicy: RefundPolicy;
}

export const DEFAULT_SELLER: SellerInfo = {
  name: 'Learnwell',
  address: ['1 Example Street', 'Example City'],
  email: 'billing@learnwell.example',
  taxId: null,
};

export const DEFAULT_REFUND_POLICY: RefundPolicy = { windowDays: 14, maxProgressPercent: 30 };

export interface CommerceEnv {
  SELLER_NAME?: string | undefined;
  SELLER_ADDRESS?: string | undefined;
  SELLER_EMAIL?: string | undefined;
  SELLER_TAX_ID?: string | undefined;
  REFUND_WINDOW_DAYS?: number | undefined;
  REFUND_MAX_PROGRESS_PERCENT?: number | undefined;
}

/** The config from parsed env; anything unset takes the defaults above. */
export function commerceConfig(env: CommerceEnv, siteUrl: string): CommerceConfig {
  const address = env.SELLER_ADDRESS?.split(/\s*(?:\r?\n|,)\s*/).filter(Boolean);
  return {
    siteUrl: siteUrl.replace(/\/+$/, ''),
    seller: {
      name: env.SELLER_NAME ?? DEFAULT_SELLER.name,
      address: address?.length ? address : DEFAULT_SELLER.address,
      email: env.SELLER_EMAIL ?? DEFAULT_SELLER.email,
      taxId: env.SELLER_TAX_ID ?? DEFAULT_SELLER.taxId,
    },
    refundPolicy: {
      windowDays: env.REFUND_WINDOW_DAYS ?? DEFAULT_REFUND_POLICY.windowDays,
      maxProgressPercent: env.REFUND_MAX_PROGRESS_PERCENT ?? DEFAULT_REFUND_POLICY.maxProgressPercent,
    },
  };
}
