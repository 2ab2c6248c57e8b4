import { describe, expect, it } from 'vitest';
import { cardOutcome, luhnValid } from './test-cards.ts';

describe("cardOutcome: Stripe's test card numbers", () => {
  it.each([
    ['4242424242424242', 'paid'],
    ['4242 4242 4242 4242', 'paid'],
    ['4242-4242-4242-4242', 'paid'],
    ['5555555555554444', 'paid'],
    ['378282246310005', 'paid'],
    ['4000000000000002', 'declined'],
    ['4000000000009995', 'insufficient_funds'],
    ['4242424242424241', 'invalid_number'], // fails the Luhn check
    ['4000000000000077', 'invalid_number'], // Luhn-valid, but not a test card this checkout knows
    ['4111111111111111', 'invalid_number'],
    ['', 'invalid_number'],
    ['42424242', 'invalid_number'],
    ['4242424242424242424242', 'invalid_number'],
    ['4242x24242424242', 'invalid_number'],
  ])('%s -> %s', (number, outcome) => {
    expect(cardOutcome(number)).toBe(outcome);
  });

  it('checks the Luhn digit', () => {
    expect(luhnValid('79927398713')).toBe(false); // too short for a card
    expect(luhnValid('4000000000000002')).toBe(true);
    expect(luhnValid('4000000000000003')).toBe(false);
    expect(luhnValid('378282246310005')).toBe(true);
  });
});
