import type { PricingRule } from './types.ts';

/**
 * Pricing rules in words, for bundle cards, the company page's seat tiers and a quote line's label:
 * bundle and cart rules read "Buy 2, get 10% off", seat rules "10+ seats: 15% off", and a list of
 * tiers reads "Buy 2, get 10% off; 3 or more, 20% off".
 */

type RuleWords = Pick<PricingRule, 'scope' | 'minQuantity' | 'percentBps'> & { bundleId?: string | null };

/** Basis points as a percentage without trailing zeros: 1000 -> "10%", 1250 -> "12.5%", 5 -> "0.05%". */
export function formatPercent(bps: number): string {
  const whole = Math.floor(bps / 100);
  const cents = bps % 100;
  if (cents === 0) return `${whole}%`;
  return `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}%`;
}

/** One rule: "Buy 2, get 10% off" (bundle, cart), "10+ seats: 15% off" (seats), "10% off" when any quantity qualifies. */
export function describeRule(rule: RuleWords): string {
  const percent = formatPercent(rule.percentBps);
  if (rule.scope === 'seats') return `${rule.minQuantity}+ seats: ${percent} off`;
  return rule.minQuantity <= 1 ? `${percent} off` : `Buy ${rule.minQuantity}, get ${percent} off`;
}

const SCOPE_ORDER: Record<PricingRule['scope'], number> = { bundle: 0, cart: 1, seats: 2 };

/**
 * Tiers in words, by scope and then by quantity. A tier that can never win (no better than a
 * tier of a lower or equal quantity, since only the best single rule applies) is left out, so
 * the words never promise a discount a buyer cannot get.
 */
export function describeRules(rules: readonly RuleWords[]): string {
  const sorted = [...rules].sort(
    (a, b) =>
      SCOPE_ORDER[a.scope] - SCOPE_ORDER[b.scope] ||
      (a.bundleId ?? '').localeCompare(b.bundleId ?? '') ||
      a.minQuantity - b.minQuantity ||
      b.percentBps - a.percentBps,
  );
  const phrases: string[] = [];
  let group = '';
  let best = 0;
  for (const rule of sorted) {
    const key = `${rule.scope}:${rule.bundleId ?? ''}`;
    const first = key !== group;
    if (first) {
      group = key;
      best = 0;
    }
    if (rule.percentBps <= best) continue;
    best = rule.percentBps;
    if (rule.scope !== 'seats' && !first && rule.minQuantity > 1) {
      phrases.push(`${rule.minQuantity} or more, ${formatPercent(rule.percentBps)} off`);
    } else {
      phrases.push(describeRule(rule));
    }
  }
  return phrases.join('; ');
}
