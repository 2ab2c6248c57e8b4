import { bestRule } from './best-rule.ts';
import { assertAmount } from './money.ts';
import { describeRules } from './rules-text.ts';
import type { PricingRule } from './types.ts';

export interface BundleOffer {
  /** The sum of its courses' prices. */
  listTotal: number;
  /** One seat of the bundle, after its best bundle rule: what a bundle line of the engine lists and discounts. */
  bundlePrice: number;
  savings: number;
  /** The bundle's rules in words, or null when it has none. */
  rulesText: string | null;
}

/**
 * A bundle card's prices, the engine's way (edge/pricing/engine.ts: one seat, bundle rules only):
 * `prices` are its courses' prices, `rules` its bundle rules.
 */
export function bundleOffer(
  prices: readonly number[],
  rules: readonly Pick<PricingRule, 'id' | 'scope' | 'minQuantity' | 'percentBps'>[],
): BundleOffer {
  let listTotal = 0;
  for (const p of prices) {
    assertAmount(p, 'course price');
    listTotal += p;
  }
  const best = bestRule(listTotal, rules, (r) => prices.length >= r.minQuantity);
  const savings = best?.discount ?? 0;
  return {
    listTotal,
    bundlePrice: listTotal - savings,
    savings,
    rulesText: rules.length ? describeRules(rules) : null,
  };
}
