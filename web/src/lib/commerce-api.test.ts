import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import {
  amountText,
  checkoutItems,
  companyFromSearch,
  companyPackagesHref,
  isRetryable,
  refusalMessage,
  seatsFromSearch,
  teamCheckoutHref,
} from './commerce-api.ts';

const A = '30000000-0000-4000-8000-00000000000A';
const B = '60000000-0000-4000-8000-000000000001';
const cart = [
  { kind: 'course' as const, id: B, title: 'In the cart' },
  { kind: 'bundle' as const, id: A.toLowerCase(), title: 'Pack' },
];

describe('the Payment page URL', () => {
  it('buys the one item "Buy now" names, else the cart', () => {
    expect(checkoutItems(new URLSearchParams(`course=${A}`), cart)).toEqual([{ kind: 'course', id: A.toLowerCase() }]);
    expect(checkoutItems(new URLSearchParams(`bundle=${B}`), cart)).toEqual([{ kind: 'bundle', id: B }]);
    expect(checkoutItems(new URLSearchParams('course=nope'), cart)).toEqual([
      { kind: 'course', id: B },
      { kind: 'bundle', id: A.toLowerCase() },
    ]);
    expect(checkoutItems(new URLSearchParams(''), [])).toEqual([]);
  });

  it('preselects corporate seats from ?seats=1..10000 only', () => {
    expect(seatsFromSearch(new URLSearchParams('seats=10'))).toBe(10);
    for (const bad of ['seats=0', 'seats=10001', 'seats=-2', 'seats=ten', 'seats=1.5', '']) {
      expect(seatsFromSearch(new URLSearchParams(bad)), bad).toBeNull();
    }
  });

  it('names the company to buy for from ?company=<uuid> only', () => {
    expect(companyFromSearch(new URLSearchParams(`course=${B}&seats=2&company=${A}`))).toBe(A.toLowerCase());
    for (const bad of ['company=acme', 'company=', '', `company=${A}x`]) {
      expect(companyFromSearch(new URLSearchParams(bad)), bad).toBeNull();
    }
  });

  it('keeps the company from the company area through the packages page to the checkout', () => {
    expect(companyPackagesHref(B)).toBe(`/for-companies?company=${B}`);
    expect(teamCheckoutHref(10, new URLSearchParams(`company=${A}`))).toBe(
      `/checkout?seats=10&company=${A.toLowerCase()}`,
    );
    expect(teamCheckoutHref(10, new URLSearchParams(''))).toBe('/checkout?seats=10');
    expect(teamCheckoutHref(10, new URLSearchParams('company=<x>'))).toBe('/checkout?seats=10');
  });
});

describe('refusals in words', () => {
  it('says why a coupon or an order is refused', () => {
    expect(refusalMessage(new ApiError(422, 'coupon_expired', 'this coupon has expired'))).toBe(
      'This coupon code has expired.',
    );
    expect(refusalMessage(new ApiError(422, 'coupon_exhausted', 'x'))).toBe('This coupon code has been used up.');
    expect(refusalMessage(new ApiError(422, 'coupon_invalid', 'x'))).toBe(
      'This coupon code is not valid for this order.',
    );
    expect(refusalMessage(new ApiError(403, 'company_forbidden', 'x'))).toBe(
      'You are not an admin of this company, so you cannot buy seats for it.',
    );
    expect(refusalMessage(new ApiError(400, 'bad_request', 'Invalid request.'))).toBe('Invalid request.');
  });

  it('retries a checkout attempt with its key only when it may have reached the server', () => {
    expect(isRetryable(new ApiError(0, 'network', 'offline'))).toBe(true);
    expect(isRetryable(new ApiError(503, 'payment_provider_unavailable', 'x'))).toBe(true);
    expect(isRetryable(new ApiError(422, 'coupon_invalid', 'x'))).toBe(false);
  });

  it('shows zero amounts as money, not "Free"', () => {
    expect(amountText(0, 'USD')).toBe('$0.00');
    expect(amountText(5831, 'USD')).toBe('$58.31');
  });
});
