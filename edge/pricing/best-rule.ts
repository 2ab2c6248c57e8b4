import { percentOf } from './money.ts';

type Rule = { id: string; percentBps: number };

/**
 * The one rule that applies to a line of `amount`: the one giving the largest discount (ties, which
 * rounding can make between different rates: the lowest id). A rule that saves nothing is no rule.
 */
export function bestRule<R extends Rule>(
  amount: number,
  candidates: Iterable<R>,
  accept: (rule: R) => boolean = () => true,
): { rule: R; discount: number } | null {
  let best: R | null = null;
  let bestDiscount = 0;
  for (const rule of candidates) {
    if (!accept(rule)) continue;
    const discount = percentOf(amount, rule.percentBps);
    if (discount > bestDiscount || (discount === bestDiscount && best !== null && rule.id < best.id)) {
      if (discount === 0) continue;
      best = rule;
      bestDiscount = discount;
    }
  }
  return best ? { rule: best, discount: bestDiscount } : null;
}
