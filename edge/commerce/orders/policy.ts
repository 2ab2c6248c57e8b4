import type { OrderKind, OrderStatus } from '../../contract/checkout.ts';
import type { RefundPolicy } from '../checkout/config.ts';

/**
 * The learner refund policy (REFUND_WINDOW_DAYS, REFUND_MAX_PROGRESS_PERCENT): the buyer of a paid,
 * not yet refunded single or bundle order may ask for their money back within the window after
 * paying, while their progress in every course of the order is at most the limit. Team purchases
 * are refunded by an admin. Pure: the API reads the facts, this decides, in words.
 */

export interface RefundFacts {
  viewerId: string;
  buyerId: string;
  kind: OrderKind;
  status: OrderStatus;
  total: number;
  /** ISO timestamp, null until paid. */
  paidAt: string | null;
  progress: { title: string; percent: number }[];
}

export interface RefundVerdict {
  allowed: boolean;
  reason: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const no = (reason: string): RefundVerdict => ({ allowed: false, reason });

const percent = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1)}%`;

export function learnerRefund(facts: RefundFacts, policy: RefundPolicy, now: Date): RefundVerdict {
  if (facts.viewerId !== facts.buyerId) return no('Only the buyer can ask for a refund of this order.');
  if (facts.status === 'refunded' || facts.status === 'partially_refunded') {
    return no('This order has already been refunded.');
  }
  if (facts.status !== 'paid' || !facts.paidAt) return no('Only a paid order can be refunded.');
  if (facts.total === 0) return no('Nothing was paid for this order.');
  if (facts.kind === 'corporate') return no('Team purchases are refunded by our support team: please contact us.');
  if (policy.windowDays === 0) return no('Refunds are not available.');
  const days = policy.windowDays === 1 ? '1 day' : `${policy.windowDays} days`;
  if (now.getTime() - Date.parse(facts.paidAt) > policy.windowDays * DAY_MS) {
    return no(`Refunds can be requested within ${days} of purchase.`);
  }
  const over = facts.progress.find((p) => p.percent > policy.maxProgressPercent);
  if (over) {
    return no(
      `Refunds are available up to ${percent(policy.maxProgressPercent)} progress; you have completed ${percent(
        over.percent,
      )} of ${over.title}.`,
    );
  }
  return { allowed: true, reason: null };
}
