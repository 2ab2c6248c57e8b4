/**
 * Quotes for the database tests of the commerce functions, shaped as the pricing engine's output
 * (edge/contract/checkout.ts Quote), for simple carts: each line with at most one rule percentage,
 * one coupon percentage or fixed part, and the tax rate, all half-up per line as the engine rounds.
 * The tests of private.create_order must not depend on the engine: they state the numbers.
 */

export interface TestLine {
  kind: 'course' | 'bundle';
  id: string;
  title: string;
  unitAmount: number;
  seats?: number;
  /** The one rule's percentage on this line, in basis points. */
  ruleBps?: number;
  /** The coupon's percentage on this line's post-rule amount, in basis points. */
  couponBps?: number;
  /** A fixed coupon part on this line (after the rule). */
  couponOff?: number;
}

export interface TestQuoteOptions {
  currency?: string;
  coupon?: { code: string; label: string };
  taxRate?: { label: string; rateBps: number; country: string; region: string | null };
}

/** `Math.floor((amount * bps + 5000) / 10000)`: the engine's half-up percentage of an integer. */
export const pct = (amount: number, bps: number) => Math.floor((amount * bps + 5000) / 10000);

export function testQuote(lines: TestLine[], opts: TestQuoteOptions = {}) {
  const priced = lines.map((l) => {
    const seats = l.seats ?? 1;
    const listAmount = l.unitAmount * seats;
    const ruleDiscount = l.ruleBps ? pct(listAmount, l.ruleBps) : 0;
    const afterRule = listAmount - ruleDiscount;
    const couponDiscount = Math.min(afterRule, (l.couponBps ? pct(afterRule, l.couponBps) : 0) + (l.couponOff ?? 0));
    const netAmount = afterRule - couponDiscount;
    const taxAmount = opts.taxRate ? pct(netAmount, opts.taxRate.rateBps) : 0;
    return {
      kind: l.kind,
      id: l.id,
      title: l.title,
      seats,
      unitAmount: l.unitAmount,
      listAmount,
      rule: null,
      ruleDiscount,
      couponDiscount,
      netAmount,
      taxAmount,
      totalAmount: netAmount + taxAmount,
    };
  });
  const sum = (f: (l: (typeof priced)[number]) => number) => priced.reduce((n, l) => n + f(l), 0);
  const discount = sum((l) => l.ruleDiscount + l.couponDiscount);
  return {
    currency: opts.currency ?? 'USD',
    lines: priced,
    subtotal: sum((l) => l.listAmount),
    discount,
    tax: sum((l) => l.taxAmount),
    total: sum((l) => l.totalAmount),
    coupon: opts.coupon ?? null,
    taxRate: opts.taxRate ?? null,
    savings: discount,
  };
}
