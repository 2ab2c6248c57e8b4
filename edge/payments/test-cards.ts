/**
 * Stripe's documented test card numbers, for the local provider's hosted test checkout. Only these
 * numbers do anything; any other input (a real card number included) is refused as invalid.
 */

export type CardOutcome = 'paid' | 'declined' | 'insufficient_funds' | 'invalid_number';

const TEST_CARDS: Record<string, Exclude<CardOutcome, 'invalid_number'>> = {
  '4242424242424242': 'paid', // Visa
  '5555555555554444': 'paid', // Mastercard
  '378282246310005': 'paid', // American Express
  '4000000000000002': 'declined', // generic_decline
  '4000000000009995': 'insufficient_funds', // insufficient_funds decline
};

/** The Luhn checksum every card number carries. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** What the test checkout does with a card number (spaces and dashes allowed, as people type them). */
export function cardOutcome(number: string): CardOutcome {
  const digits = number.replace(/[\s-]/g, '');
  if (!luhnValid(digits)) return 'invalid_number';
  return TEST_CARDS[digits] ?? 'invalid_number';
}
