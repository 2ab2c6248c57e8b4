import type {
  BuyerCompanies,
  CheckoutBody,
  CheckoutResponse,
  CheckoutSessionView,
  LocalPayRequest,
  LocalPayResponse,
  OrderDetail,
  OrderKind,
  OrderList,
  OrderStatus,
  PaymentMethod,
  Quote,
  QuoteRequestInput,
} from '../../../edge/api-types.ts';
import { type Api, ApiError } from './api.ts';
import type { CartItem } from './cart.ts';
import { DOWNLOAD_FAILED, downloadFile } from './download.ts';
import { formatMoney } from './format.ts';

/**
 * The buyer's calls to the data API (quotes, checkout, the test checkout, orders and invoices)
 * and the words the pages use for the commerce codes. Every price comes from the server.
 */
export function commerceApi(api: Api) {
  const seg = encodeURIComponent;
  return {
    quote: (body: QuoteRequestInput) => api.postJson<Quote>('/api/checkout/quote', body),
    /** `key`: the attempt's Idempotency-Key (the same on a retry of that attempt). */
    checkout: (body: CheckoutBody, key: string) =>
      api.send<CheckoutResponse>('/api/checkout', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify(body),
      }),
    companies: () => api.getJson<BuyerCompanies>('/api/checkout/companies'),
    session: (id: string) => api.getJson<CheckoutSessionView>(`/api/checkout/sessions/${seg(id)}`),
    pay: (id: string, body: LocalPayRequest) =>
      api.postJson<LocalPayResponse>(`/api/payments/local/sessions/${seg(id)}/pay`, body),
    orders: () => api.getJson<OrderList>('/api/orders'),
    order: (id: string) => api.getJson<OrderDetail>(`/api/orders/${seg(id)}`),
    requestRefund: (id: string, reason: string) =>
      api.postJson<OrderDetail>(`/api/orders/${seg(id)}/refund-request`, { reason }),
    /** Saves an order's invoice, or any invoice or credit note by id, as a PDF. */
    downloadInvoice: (what: { orderId: string } | { invoiceId: string }, fileName: string) =>
      download(
        api,
        'orderId' in what ? `/api/orders/${seg(what.orderId)}/invoice.pdf` : `/api/invoices/${seg(what.invoiceId)}/pdf`,
        fileName,
      ),
  };
}

export type CommerceApi = ReturnType<typeof commerceApi>;

function download(api: Api, path: string, fileName: string): Promise<void> {
  return downloadFile(api, path, fileName, (_code, status) =>
    status === 404 ? 'That document is not available.' : DOWNLOAD_FAILED,
  );
}

/** An id in a checkout URL (`?course=`, `?bundle=`, `?company=`). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the Payment page buys: one item from its URL (`?course=`, `?bundle=`, "Buy now") or the cart. */
export function checkoutItems(
  search: URLSearchParams,
  cart: readonly CartItem[],
): { kind: 'course' | 'bundle'; id: string }[] {
  const course = search.get('course');
  if (course && UUID.test(course)) return [{ kind: 'course', id: course.toLowerCase() }];
  const bundle = search.get('bundle');
  if (bundle && UUID.test(bundle)) return [{ kind: 'bundle', id: bundle.toLowerCase() }];
  return cart.map((i) => ({ kind: i.kind, id: i.id }));
}

/** `?seats=10` preselects a corporate purchase of that many seats; anything else is no preselection. */
export function seatsFromSearch(search: URLSearchParams): number | null {
  const raw = search.get('seats');
  if (!raw || !/^\d{1,5}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= 10_000 ? n : null;
}

/**
 * `?company=<id>`: the company a corporate purchase buys for (the company area's "Buy more seats"
 * links carry it); null when absent or not a UUID, and the purchase buys for the buyer's first company.
 */
export function companyFromSearch(search: URLSearchParams): string | null {
  const raw = search.get('company');
  return raw && UUID.test(raw) ? raw.toLowerCase() : null;
}

/** The company packages page from the company area: its "Enroll your team" then buys for that company. */
export function companyPackagesHref(company: string): string {
  return `/for-companies?company=${encodeURIComponent(company)}`;
}

/** The corporate checkout of `seats` seats, for the company in `?company=` when there is one. */
export function teamCheckoutHref(seats: number, search: URLSearchParams): string {
  const company = companyFromSearch(search);
  return `/checkout?seats=${seats}${company ? `&company=${encodeURIComponent(company)}` : ''}`;
}

/** A fresh Idempotency-Key for one checkout attempt. */
export function newIdempotencyKey(): string {
  return `checkout-${crypto.randomUUID()}`;
}

/** Why the server refused a quote or a checkout, in words for the buyer. */
const REFUSALS: Record<string, string> = {
  coupon_invalid: 'This coupon code is not valid for this order.',
  coupon_expired: 'This coupon code has expired.',
  coupon_exhausted: 'This coupon code has been used up.',
  empty_cart: 'Add a course or a bundle first.',
  unknown_item: 'Something in this order is no longer available.',
  not_for_sale: 'Something in this order is not for sale at the moment.',
  duplicate_item: 'A course is in this order twice (perhaps also inside a bundle). Remove one.',
  currency_mismatch: 'These items are priced in different currencies: buy them separately.',
  company_required: 'Enter your company’s name for a team purchase.',
  company_forbidden: 'You are not an admin of this company, so you cannot buy seats for it.',
  checkout_expired: 'This checkout expired before it was paid. Start again.',
  payment_provider_unavailable: 'The payment service could not be reached. Please try again in a moment.',
  payment_provider_error: 'The payment service refused this payment. Please try again or choose another method.',
};

export function refusalMessage(err: unknown): string {
  if (err instanceof ApiError) return REFUSALS[err.code] ?? err.message;
  return err instanceof Error && err.message ? err.message : 'Something went wrong. Please try again.';
}

/** Whether a failed call may be sent again with the same Idempotency-Key (it may have reached the server). */
export function isRetryable(err: unknown): boolean {
  return err instanceof ApiError && (err.code === 'network' || err.status >= 500);
}

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending: 'Awaiting payment',
  paid: 'Paid',
  failed: 'Payment failed',
  expired: 'Expired',
  refunded: 'Refunded',
  partially_refunded: 'Partly refunded',
};

export const ORDER_KIND_LABELS: Record<OrderKind, string> = {
  single: 'Single course',
  bundle: 'Bundle',
  corporate: 'Corporate',
};

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  card: 'Card',
  paypal: 'PayPal',
  stripe_checkout: 'Stripe Checkout',
};

/** Countries with a tax rate on file, and a few without (tax 0). */
export const COUNTRIES: { code: string; name: string }[] = [
  { code: 'AU', name: 'Australia' },
  { code: 'CA', name: 'Canada' },
  { code: 'FR', name: 'France' },
  { code: 'DE', name: 'Germany' },
  { code: 'IN', name: 'India' },
  { code: 'JP', name: 'Japan' },
  { code: 'NL', name: 'Netherlands' },
  { code: 'ES', name: 'Spain' },
  { code: 'GB', name: 'United Kingdom' },
  { code: 'US', name: 'United States' },
];

/** An amount in a summary: like formatMoney, but zero is "$0.00", not "Free". */
export function amountText(amount: number, currency: string): string {
  if (amount !== 0) return formatMoney({ amount, currency });
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(0);
  } catch {
    return `0.00 ${currency}`;
  }
}
