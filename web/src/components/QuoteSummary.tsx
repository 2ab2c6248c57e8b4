import { For, Show } from 'solid-js';
import { amountText } from '../lib/commerce-api.ts';
import { plural } from '../lib/format.ts';

/** What an order summary shows: a quote, or an order's stored lines and totals. */
export interface SummaryLine {
  title: string;
  seats: number;
  listAmount: number;
  ruleDiscount: number;
  ruleLabel: string | null;
  couponDiscount: number;
  totalAmount: number;
}

export interface SummaryData {
  currency: string;
  lines: SummaryLine[];
  subtotal: number;
  tax: number;
  total: number;
  coupon: { code: string; label: string } | null;
  taxLabel: string | null;
}

/**
 * The order summary of the Payment page, the cart and the test checkout: items at list price,
 * the savings of the pricing rules, the coupon, the tax and the total, all as the server priced them.
 */
export function QuoteSummary(props: { data: SummaryData; title?: string; busy?: boolean }) {
  const d = () => props.data;
  const money = (n: number) => amountText(n, d().currency);
  const savings = () => d().lines.reduce((s, l) => s + l.ruleDiscount, 0);
  const couponOff = () => d().lines.reduce((s, l) => s + l.couponDiscount, 0);
  return (
    <section
      class="panel quote-summary"
      aria-labelledby="quote-summary-title"
      aria-busy={props.busy ? 'true' : 'false'}
    >
      <h2 id="quote-summary-title">{props.title ?? 'Order summary'}</h2>
      <ul class="quote-lines">
        <For each={d().lines}>
          {(line) => (
            <li class="quote-line">
              <span class="quote-line-title">
                {line.title}
                <Show when={line.seats > 1}>
                  <span class="muted"> × {plural(line.seats, 'seat', 'seats')}</span>
                </Show>
              </span>
              <span class="quote-line-amount">{money(line.listAmount)}</span>
              <Show when={line.ruleDiscount > 0}>
                <span class="quote-line-note">{line.ruleLabel ?? 'Discount'}</span>
                <span class="quote-line-amount quote-saving">−{money(line.ruleDiscount)}</span>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <dl class="quote-totals">
        <div>
          <dt>List price</dt>
          <dd>{money(d().subtotal)}</dd>
        </div>
        <Show when={savings() > 0}>
          <div class="quote-saving">
            <dt>Savings</dt>
            <dd>−{money(savings())}</dd>
          </div>
        </Show>
        <Show when={d().coupon}>
          {(coupon) => (
            <div class="quote-saving">
              <dt>
                Coupon {coupon().code} <span class="muted">({coupon().label})</span>
              </dt>
              <dd>−{money(couponOff())}</dd>
            </div>
          )}
        </Show>
        <div>
          <dt>{d().taxLabel ? `Tax (${d().taxLabel})` : 'Tax'}</dt>
          <dd>{money(d().tax)}</dd>
        </div>
        <div class="quote-total">
          <dt>Total</dt>
          <dd>{money(d().total)}</dd>
        </div>
      </dl>
    </section>
  );
}

/** A quote from POST /api/checkout/quote as summary data. */
export function fromQuote(q: {
  currency: string;
  lines: {
    title: string;
    seats: number;
    listAmount: number;
    ruleDiscount: number;
    rule: { label: string } | null;
    couponDiscount: number;
    totalAmount: number;
  }[];
  subtotal: number;
  tax: number;
  total: number;
  coupon: { code: string; label: string } | null;
  taxRate: { label: string } | null;
}): SummaryData {
  return {
    currency: q.currency,
    lines: q.lines.map((l) => ({
      title: l.title,
      seats: l.seats,
      listAmount: l.listAmount,
      ruleDiscount: l.ruleDiscount,
      ruleLabel: l.rule?.label ?? null,
      couponDiscount: l.couponDiscount,
      totalAmount: l.totalAmount,
    })),
    subtotal: q.subtotal,
    tax: q.tax,
    total: q.total,
    coupon: q.coupon,
    taxLabel: q.taxRate?.label ?? null,
  };
}
