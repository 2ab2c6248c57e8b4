/** Why the pricing engine refuses a quote: the API answers 422 with `{ error: { code, message, details } }`. */
export const PRICING_ERROR_CODES = [
  'empty_cart',
  'unknown_item',
  'not_for_sale',
  'duplicate_item',
  'currency_mismatch',
  'coupon_invalid',
  'coupon_expired',
  'coupon_exhausted',
] as const;
export type PricingErrorCode = (typeof PRICING_ERROR_CODES)[number];

/** The item (or coupon) a refusal is about, for the client to point at. */
export interface PricingErrorDetails {
  kind?: 'course' | 'bundle';
  id?: string;
  code?: string;
}

export class PricingError extends Error {
  override readonly name = 'PricingError';
  /** Every refusal is the buyer's request that cannot be priced: 422. */
  readonly status = 422;
  readonly code: PricingErrorCode;
  readonly details: PricingErrorDetails | undefined;

  constructor(code: PricingErrorCode, message: string, details?: PricingErrorDetails) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

export const isPricingError = (e: unknown): e is PricingError => e instanceof PricingError;
