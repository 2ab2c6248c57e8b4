import { A, useLocation, useNavigate } from '@solidjs/router';
import { createEffect, createMemo, createSignal, createUniqueId, For, on, onCleanup, Show } from 'solid-js';
import type { CheckoutBody, PaymentMethod, Quote, QuoteRequestInput } from '../../../edge/api-types.ts';
import { ErrorMessage } from '../components/Notices.tsx';
import { fromQuote, QuoteSummary } from '../components/QuoteSummary.tsx';
import { ApiError } from '../lib/api.ts';
import { cartItems, clearCart } from '../lib/cart.ts';
import {
  COUNTRIES,
  checkoutItems,
  commerceApi,
  companyFromSearch,
  isRetryable,
  newIdempotencyKey,
  PAYMENT_METHOD_LABELS,
  refusalMessage,
  seatsFromSearch,
} from '../lib/commerce-api.ts';
import { useApp } from '../lib/context.ts';
import { revalidateUserData } from '../lib/queries.ts';
import { createAction } from '../lib/submit.ts';
import { usePageTitle } from '../lib/title.ts';
import '../styles/checkout.css';

type Purchase = 'single' | 'bundle' | 'corporate';
const COUPON_CODES = new Set(['coupon_invalid', 'coupon_expired', 'coupon_exhausted']);
const MAX_SEATS = 10_000;

/**
 * The Payment page (/checkout): what is bought (one item from "Buy now", or the cart), for whom
 * (single course, bundle, or corporate seats), how it is paid, a coupon and the buyer's country;
 * the order summary re-quotes from the server as choices change. Pay creates the order with a
 * fresh Idempotency-Key per attempt (the same key when that attempt is retried) and goes to the
 * payment page the server answers.
 */
export default function CheckoutPage() {
  usePageTitle(() => 'Checkout');
  const { api, auth, announce } = useApp();
  const shop = commerceApi(api);
  const location = useLocation();
  const navigate = useNavigate();
  const params = createMemo(() => new URLSearchParams(location.search));
  const fromUrl = () => params().has('course') || params().has('bundle');
  const items = createMemo(() => checkoutItems(params(), cartItems()));
  const hasBundle = () => items().some((i) => i.kind === 'bundle');

  const preset = seatsFromSearch(params());
  /** `?company=<id>` (the company area's "Buy more seats"): the company the seats are for. */
  const wantCompany = createMemo(() => companyFromSearch(params()));
  const [corporate, setCorporate] = createSignal(preset !== null || wantCompany() !== null);
  const [seatsText, setSeatsText] = createSignal(String(preset ?? 5));
  const [companyName, setCompanyName] = createSignal('');
  const [method, setMethod] = createSignal<PaymentMethod>('card');
  const [couponText, setCouponText] = createSignal('');
  const [coupon, setCoupon] = createSignal<string | null>(null);
  const [couponError, setCouponError] = createSignal<string | null>(null);
  const [country, setCountry] = createSignal('');
  const purchase = (): Purchase => (corporate() ? 'corporate' : hasBundle() ? 'bundle' : 'single');

  const seats = (): number | null => {
    if (!corporate()) return 1;
    const t = seatsText().trim();
    if (!/^\d{1,5}$/.test(t)) return null;
    const n = Number(t);
    return n >= 1 && n <= MAX_SEATS ? n : null;
  };

  // Companies the buyer administers: a corporate purchase buys for the one in the URL, else the first;
  // without one, it names the company to create.
  const [companies, setCompanies] = createSignal<{ id: string; name: string }[] | null>(null);
  const [companiesFailed, setCompaniesFailed] = createSignal(false);
  createEffect(
    on(
      () => auth.state.status,
      (status) => {
        if (status !== 'signed-in') return setCompanies(null);
        shop.companies().then(
          (r) => {
            setCompaniesFailed(false);
            setCompanies(r.items);
          },
          () => {
            setCompaniesFailed(true);
            setCompanies([]);
          },
        );
      },
    ),
  );
  const needsCompanyName = () => corporate() && wantCompany() === null && companies()?.length === 0;
  /** The company the seats are bought for, once the buyer's companies are known. */
  const buyingFor = () => {
    const want = wantCompany();
    return want === null ? companies()?.[0] : companies()?.find((c) => c.id === want);
  };
  /** A company in the URL that the buyer does not administer: the server refuses it (company_forbidden). */
  const notTheirs = () => wantCompany() !== null && companies() !== null && !companiesFailed() && !buyingFor();

  // The quote: asked again (debounced) whenever the request changes; late answers of older requests are dropped.
  const request = createMemo((): QuoteRequestInput | null => {
    const n = seats();
    if (items().length === 0 || n === null) return null;
    return {
      items: items(),
      seats: n,
      ...(coupon() ? { coupon: coupon()! } : {}),
      ...(country() ? { country: country() } : {}),
    };
  });
  const [quote, setQuote] = createSignal<Quote | null>(null);
  const [quoteError, setQuoteError] = createSignal<string | null>(null);
  const [quoting, setQuoting] = createSignal(false);
  let asked = 0;
  let announced: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const ask = async (r: QuoteRequestInput) => {
    const mine = ++asked;
    setQuoting(true);
    try {
      const q = await shop.quote(r);
      if (mine !== asked) return;
      setQuote(q);
      setQuoteError(null);
      if (r.coupon && r.coupon !== announced) {
        announced = r.coupon;
        announce(`Coupon ${r.coupon} applied.`);
      }
    } catch (err) {
      if (mine !== asked) return;
      if (r.coupon && err instanceof ApiError && COUPON_CODES.has(err.code)) {
        // The code is refused: say why, and price the order without it.
        setCouponError(refusalMessage(err));
        setCoupon(null);
        return;
      }
      setQuote(null);
      setQuoteError(refusalMessage(err));
    } finally {
      if (mine === asked) setQuoting(false);
    }
  };
  createEffect(
    on(
      () => JSON.stringify(request()),
      () => {
        clearTimeout(timer);
        const r = request();
        if (!r) {
          asked++;
          setQuote(null);
          setQuoting(false);
          return;
        }
        timer = setTimeout(() => void ask(r), 250);
      },
    ),
  );

  const applyCoupon = (e: SubmitEvent) => {
    e.preventDefault();
    const code = couponText().trim().toUpperCase();
    setCouponError(null);
    if (!code) return setCouponError('Enter a coupon code first.');
    setCoupon(code);
  };

  // One checkout attempt = one Idempotency-Key: kept while the same request is retried, new once it changes.
  let attempt: { key: string; body: string } | null = null;
  const go = (url: string) => {
    const target = new URL(url, window.location.origin);
    // The local test checkout and the pages after payment are this web app's: stay in it (and in this origin).
    if (target.origin === window.location.origin || target.pathname.startsWith('/checkout/test/')) {
      void revalidateUserData();
      navigate(target.pathname + target.search);
    } else {
      window.location.assign(url);
    }
  };
  const pay = createAction(async () => {
    const r = request();
    if (!r) return 'Check the number of seats first.';
    const name = companyName().trim();
    if (needsCompanyName() && name.length < 2) return 'Enter your company’s name for a team purchase.';
    const want = wantCompany();
    const company = want !== null ? { companyId: want } : needsCompanyName() ? { company: { name } } : {};
    const body: CheckoutBody = {
      ...r,
      method: method(),
      ...(corporate() ? { corporate: true, ...company } : {}),
    };
    const text = JSON.stringify(body);
    if (!attempt || attempt.body !== text) attempt = { key: newIdempotencyKey(), body: text };
    try {
      const { checkoutUrl } = await shop.checkout(body, attempt.key);
      attempt = null;
      if (!fromUrl()) clearCart();
      go(checkoutUrl);
    } catch (err) {
      if (!isRetryable(err)) attempt = null;
      throw err;
    }
  }, refusalMessage);

  const here = () => `/checkout${location.search}`;
  const ids = {
    seats: createUniqueId(),
    company: createUniqueId(),
    coupon: createUniqueId(),
    country: createUniqueId(),
  };

  return (
    <div class="container section checkout">
      <h1>Checkout</h1>
      <Show
        when={items().length > 0}
        fallback={
          <div class="empty-state">
            <p>There is nothing to pay for yet.</p>
            <A href="/courses" class="button button-primary">
              Browse courses
            </A>
          </div>
        }
      >
        <div class="checkout-layout">
          <form
            class="checkout-form"
            aria-label="Payment"
            onSubmit={(e) => {
              e.preventDefault();
              void pay.run();
            }}
          >
            <fieldset class="checkout-options">
              <legend>What are you buying?</legend>
              <RadioOption
                name="purchase"
                value="single"
                checked={purchase() === 'single'}
                disabled={hasBundle()}
                label="Single course"
                hint="For you: the course, yours to keep."
                onSelect={() => setCorporate(false)}
              />
              <RadioOption
                name="purchase"
                value="bundle"
                checked={purchase() === 'bundle'}
                disabled={!hasBundle()}
                label="Bundle"
                hint="For you: several courses at a bundle price."
                onSelect={() => setCorporate(false)}
              />
              <RadioOption
                name="purchase"
                value="corporate"
                checked={purchase() === 'corporate'}
                label="Corporate"
                hint="Seats for your team, assigned from your company page."
                onSelect={() => setCorporate(true)}
              />
              <Show when={corporate()}>
                <div class="field-row">
                  <div class="field">
                    <label for={ids.seats}>Number of seats</label>
                    <input
                      id={ids.seats}
                      type="number"
                      inputmode="numeric"
                      min="1"
                      max={MAX_SEATS}
                      value={seatsText()}
                      onInput={(e) => setSeatsText(e.currentTarget.value)}
                      aria-invalid={seats() === null ? 'true' : 'false'}
                      aria-describedby={seats() === null ? `${ids.seats}-error` : undefined}
                    />
                    <ErrorMessage
                      message={seats() === null ? `Enter a number of seats from 1 to ${MAX_SEATS}.` : null}
                      id={`${ids.seats}-error`}
                    />
                  </div>
                  <Show when={needsCompanyName()}>
                    <div class="field">
                      <label for={ids.company}>Company name</label>
                      <input
                        id={ids.company}
                        type="text"
                        autocomplete="organization"
                        maxlength="120"
                        value={companyName()}
                        onInput={(e) => setCompanyName(e.currentTarget.value)}
                      />
                    </div>
                  </Show>
                </div>
                <Show when={buyingFor()}>
                  {(company) => <p class="small">The seats are bought for {company().name}.</p>}
                </Show>
                <Show when={notTheirs()}>
                  <p class="notice notice-error">
                    You are not an admin of the company this purchase was started for, so you cannot buy seats for it.
                  </p>
                </Show>
              </Show>
            </fieldset>

            <fieldset class="checkout-options">
              <legend>Payment method</legend>
              <For each={['card', 'paypal', 'stripe_checkout'] as PaymentMethod[]}>
                {(m) => (
                  <RadioOption
                    name="method"
                    value={m}
                    checked={method() === m}
                    label={PAYMENT_METHOD_LABELS[m]}
                    onSelect={() => setMethod(m)}
                  />
                )}
              </For>
            </fieldset>

            <div class="field">
              <label for={ids.country}>Country (for tax)</label>
              <select id={ids.country} value={country()} onChange={(e) => setCountry(e.currentTarget.value)}>
                <option value="">Choose your country</option>
                <For each={COUNTRIES}>{(c) => <option value={c.code}>{c.name}</option>}</For>
              </select>
            </div>

            <Show
              when={auth.state.status === 'signed-in'}
              fallback={
                <Show when={auth.state.status === 'signed-out'}>
                  <A href={`/signin?next=${encodeURIComponent(here())}`} class="button button-primary button-block">
                    Sign in to pay
                  </A>
                </Show>
              }
            >
              <button
                type="submit"
                class="button button-primary button-block button-large"
                disabled={pay.busy() || !quote()}
                aria-describedby={pay.error() ? 'pay-error' : undefined}
              >
                {pay.busy() ? 'Starting your payment…' : 'Pay'}
              </button>
            </Show>
            <ErrorMessage message={pay.error()} id="pay-error" />
          </form>

          <div class="checkout-side">
            <form class="coupon-form" aria-label="Coupon" onSubmit={applyCoupon}>
              <div class="field">
                <label for={ids.coupon}>Coupon code</label>
                <div class="coupon-row">
                  <input
                    id={ids.coupon}
                    type="text"
                    autocomplete="off"
                    autocapitalize="characters"
                    maxlength="32"
                    value={couponText()}
                    onInput={(e) => setCouponText(e.currentTarget.value)}
                    aria-invalid={couponError() ? 'true' : 'false'}
                    aria-describedby={couponError() ? 'coupon-error' : undefined}
                  />
                  <button type="submit" class="button button-secondary">
                    Apply
                  </button>
                </div>
              </div>
              <ErrorMessage message={couponError()} id="coupon-error" />
              <Show when={coupon() && quote()?.coupon}>
                <p class="notice notice-success">
                  Coupon {quote()!.coupon!.code} applied: {quote()!.coupon!.label}.{' '}
                  <button
                    type="button"
                    class="button-link"
                    onClick={() => {
                      setCoupon(null);
                      setCouponText('');
                      announced = undefined;
                    }}
                  >
                    Remove coupon
                  </button>
                </p>
              </Show>
            </form>

            <ErrorMessage message={quoteError()} />
            <Show when={quote()} fallback={<Show when={quoting()}>{<p role="status">Pricing your order…</p>}</Show>}>
              {(q) => <QuoteSummary data={fromQuote(q())} busy={quoting()} />}
            </Show>
            <p class="sr-only" role="status">
              {quoting() && quote() ? 'Updating the order summary…' : ''}
            </p>
          </div>
        </div>
      </Show>
    </div>
  );
}

function RadioOption(props: {
  name: string;
  value: string;
  checked: boolean;
  disabled?: boolean;
  label: string;
  hint?: string;
  onSelect: () => void;
}) {
  const id = createUniqueId();
  return (
    <div class="choice checkout-choice">
      <input
        type="radio"
        id={id}
        name={props.name}
        value={props.value}
        checked={props.checked}
        disabled={props.disabled}
        onChange={() => props.onSelect()}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
      />
      <label for={id}>{props.label}</label>
      <Show when={props.hint}>
        <span id={`${id}-hint`} class="muted small">
          {props.hint}
        </span>
      </Show>
    </div>
  );
}
