import { z } from 'zod';
import { checkoutRequest, orderKind, orderStatus, paymentMethod, paymentProvider } from './checkout.ts';
import { isoDateTime, uuid } from './primitives.ts';

/**
 * The buyer's path around a checkout (edge/commerce/checkout): the body POST /api/checkout takes,
 * the hosted test checkout's data (GET /api/checkout/sessions/:id), its pay call (POST
 * /api/payments/local/sessions/:id/pay, local provider only) and the companies a corporate buyer
 * administers (GET /api/checkout/companies). Money is integer minor units.
 */

const amount = z.int().min(0);
const currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code');

/**
 * POST /api/checkout's body: checkoutRequest plus `corporate`, the Payment page's "Corporate"
 * choice, so a company admin may buy one seat for their company (seats > 1 or a company name
 * make a purchase corporate anyway).
 */
export const checkoutBody = checkoutRequest.extend({ corporate: z.boolean().optional() });

/** A Stripe Checkout Session id (the local provider's are `cs_test_local_...`). */
export const checkoutSessionId = z.string().regex(/^cs_[A-Za-z0-9_]{1,250}$/, 'must be a checkout session id');

export const checkoutSessionLine = z.strictObject({ title: z.string(), seats: z.int().min(1), totalAmount: amount });

/** GET /api/checkout/sessions/:id: what the buyer pays, for the test checkout page. The buyer only. */
export const checkoutSessionView = z.strictObject({
  sessionId: z.string(),
  orderId: uuid,
  kind: orderKind,
  status: orderStatus,
  provider: paymentProvider,
  method: paymentMethod,
  currency,
  lines: z.array(checkoutSessionLine),
  subtotal: amount,
  discount: amount,
  tax: amount,
  total: amount,
  expiresAt: isoDateTime,
});

/** The test checkout's pay call: a test card number, or (PayPal) approve or cancel. */
export const localPayRequest = z.union([
  z.strictObject({ card: z.string().trim().min(1).max(40) }),
  z.strictObject({ approve: z.boolean() }),
]);

/** What became of it; `redirectUrl` is where the web app goes next (a path of the web app). */
export const localPayResponse = z.strictObject({
  status: z.enum(['paid', 'failed']),
  code: z.string().optional(),
  message: z.string().optional(),
  redirectUrl: z.string(),
});

/**
 * GET /api/checkout/companies: the companies the caller actively administers, oldest first (a corporate
 * purchase without `companyId` buys for the first).
 */
export const buyerCompanies = z.strictObject({
  items: z.array(z.strictObject({ id: uuid, name: z.string() })),
});

export type CheckoutBody = z.input<typeof checkoutBody>;
export type CheckoutSessionLine = z.infer<typeof checkoutSessionLine>;
export type CheckoutSessionView = z.infer<typeof checkoutSessionView>;
export type LocalPayRequest = z.infer<typeof localPayRequest>;
export type LocalPayResponse = z.infer<typeof localPayResponse>;
export type BuyerCompanies = z.infer<typeof buyerCompanies>;
