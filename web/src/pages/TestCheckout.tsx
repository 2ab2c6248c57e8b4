import { A, createAsync, useNavigate, useParams } from '@solidjs/router';
import { createSignal, createUniqueId, For, Match, Show, Switch } from 'solid-js';
import type { CheckoutSessionView, LocalPayRequest } from '../../../edge/api-types.ts';
import { Async } from '../components/Async.tsx';
import { ErrorMessage } from '../components/Notices.tsx';
import { RequireAuth } from '../components/RequireAuth.tsx';
import { SkeletonBlock } from '../components/Skeleton.tsx';
import { isApiError } from '../lib/api.ts';
import { amountText, commerceApi, refusalMessage } from '../lib/commerce-api.ts';
import { useApp } from '../lib/context.ts';
import { plural } from '../lib/format.ts';
import { revalidateUserData, settle } from '../lib/queries.ts';
import { usePageTitle } from '../lib/title.ts';
import '../styles/checkout.css';

/** Stripe's test numbers the local provider knows (edge/payments/test-cards.ts). */
const TEST_CARDS = [
  { number: '4242 4242 4242 4242', outcome: 'the payment succeeds' },
  { number: '4000 0000 0000 0002', outcome: 'the card is declined' },
  { number: '4000 0000 0000 9995', outcome: 'the card has insufficient funds' },
];

/** How long to wait for the order to show as paid before pointing the buyer at their orders. */
const CONFIRM_TRIES = 40;
const CONFIRM_INTERVAL_MS = 500;

/**
 * The local provider's hosted test checkout (/checkout/test/:sessionId): what a Stripe Checkout
 * page would be, with Stripe's test card numbers (or PayPal's approve and cancel). The server
 * turns the outcome into the signed event Stripe would send and handles it as a webhook; on
 * success this page waits until the order shows as paid, then goes on.
 */
export default function TestCheckoutPage() {
  usePageTitle(() => 'Test checkout');
  return (
    <RequireAuth>
      <TestCheckoutView />
    </RequireAuth>
  );
}

function TestCheckoutView() {
  const params = useParams<{ sessionId: string }>();
  const { api } = useApp();
  const shop = commerceApi(api);
  const [attempt, setAttempt] = createSignal(0);
  const session = createAsync(() => {
    attempt();
    return settle(shop.session(params.sessionId));
  });
  return (
    <div class="container section checkout test-checkout">
      <h1>Test checkout — no real money</h1>
      <p class="notice notice-info">
        This is the platform’s test payment page: nothing is charged. Use one of the test card numbers below.
      </p>
      <Async
        data={session}
        fallback={<SkeletonBlock height={14} label="Loading the checkout…" />}
        retry={() => setAttempt((n) => n + 1)}
        error={(err) => (
          <Show when={isApiError(err, 'not_found')} fallback={<ErrorMessage message={refusalMessage(err)} />}>
            <div class="empty-state">
              <p>This checkout does not exist, or it is not yours.</p>
              <A href="/orders" class="button button-primary">
                Your orders
              </A>
            </div>
          </Show>
        )}
      >
        {(s) => (
          <div class="checkout-layout">
            <PayPanel session={s()} />
            <SessionSummary session={s()} />
          </div>
        )}
      </Async>
    </div>
  );
}

function SessionSummary(props: { session: CheckoutSessionView }) {
  const s = () => props.session;
  const money = (n: number) => amountText(n, s().currency);
  return (
    <section class="panel quote-summary" aria-labelledby="session-summary-title">
      <h2 id="session-summary-title">Order summary</h2>
      <ul class="quote-lines">
        <For each={s().lines}>
          {(line) => (
            <li class="quote-line">
              <span class="quote-line-title">
                {line.title}
                <Show when={line.seats > 1}>
                  <span class="muted"> × {plural(line.seats, 'seat', 'seats')}</span>
                </Show>
              </span>
              <span class="quote-line-amount">{money(line.totalAmount)}</span>
            </li>
          )}
        </For>
      </ul>
      <dl class="quote-totals">
        <div>
          <dt>List price</dt>
          <dd>{money(s().subtotal)}</dd>
        </div>
        <Show when={s().discount > 0}>
          <div class="quote-saving">
            <dt>Savings</dt>
            <dd>−{money(s().discount)}</dd>
          </div>
        </Show>
        <div>
          <dt>Tax</dt>
          <dd>{money(s().tax)}</dd>
        </div>
        <div class="quote-total">
          <dt>Total</dt>
          <dd>{money(s().total)}</dd>
        </div>
      </dl>
    </section>
  );
}

function PayPanel(props: { session: CheckoutSessionView }) {
  const { api, announce } = useApp();
  const shop = commerceApi(api);
  const navigate = useNavigate();
  const s = () => props.session;
  const cardId = createUniqueId();
  let cardInput: HTMLInputElement | undefined;
  const [card, setCard] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [confirming, setConfirming] = createSignal(false);
  const [unconfirmed, setUnconfirmed] = createSignal(false);

  /** Polls the order until it shows as paid (the webhook handler has fulfilled it). */
  const waitUntilPaid = async (): Promise<boolean> => {
    for (let i = 0; i < CONFIRM_TRIES; i++) {
      try {
        const order = await shop.order(s().orderId);
        if (order.status === 'paid') return true;
      } catch {
        // A failed poll is retried like a slow one.
      }
      await new Promise((r) => setTimeout(r, CONFIRM_INTERVAL_MS));
    }
    return false;
  };

  const submit = async (body: LocalPayRequest) => {
    setBusy(true);
    setError(null);
    try {
      const result = await shop.pay(s().sessionId, body);
      if (result.status === 'paid') {
        setConfirming(true);
        announce('Payment accepted. Confirming your payment…');
        if (!(await waitUntilPaid())) {
          setConfirming(false);
          setUnconfirmed(true);
          return;
        }
        await revalidateUserData();
        announce('Payment received.');
        navigate(result.redirectUrl);
        return;
      }
      setCard('');
      setError(
        `${result.message ?? 'The payment failed.'} ${body && 'card' in body ? 'Try another card.' : ''}`.trim(),
      );
      cardInput?.focus();
    } catch (err) {
      setError(refusalMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const paidAlready = () => ['paid', 'refunded', 'partially_refunded'].includes(s().status);
  const next = () => (s().kind === 'corporate' ? '/company' : '/dashboard');

  return (
    <section class="panel checkout-pay" aria-labelledby="pay-title">
      <h2 id="pay-title">Pay {amountText(s().total, s().currency)}</h2>
      <Switch>
        <Match when={confirming()}>
          <p class="loading" role="status">
            <span class="spinner" aria-hidden="true" />
            Confirming your payment…
          </p>
        </Match>
        <Match when={unconfirmed()}>
          <p class="notice notice-info" role="status">
            Your payment was accepted, but we have not confirmed it yet. It will show in your orders shortly.
          </p>
          <A href={`/orders/${s().orderId}`} class="button button-primary">
            View your order
          </A>
        </Match>
        <Match when={paidAlready()}>
          <p class="notice notice-success">This order is paid.</p>
          <A href={next()} class="button button-primary">
            {s().kind === 'corporate' ? 'Go to your company' : 'Go to my learning'}
          </A>
        </Match>
        <Match when={s().status === 'expired'}>
          <p class="notice notice-error">This checkout expired before it was paid.</p>
          <A href="/checkout" class="button button-primary">
            Start again
          </A>
        </Match>
        <Match when={s().method === 'paypal'}>
          <p>Approve the payment as PayPal would ask you to, or cancel it.</p>
          <div class="cta-row">
            <button
              type="button"
              class="button button-primary"
              disabled={busy()}
              onClick={() => submit({ approve: true })}
            >
              {busy() ? 'Paying…' : 'Approve'}
            </button>
            <button
              type="button"
              class="button button-secondary"
              disabled={busy()}
              onClick={() => submit({ approve: false })}
            >
              Cancel
            </button>
          </div>
          <ErrorMessage message={error()} id="pay-error" />
        </Match>
        <Match when={true}>
          <form
            aria-label="Card payment"
            onSubmit={(e) => {
              e.preventDefault();
              if (!card().trim()) {
                setError('Enter a card number.');
                cardInput?.focus();
                return;
              }
              void submit({ card: card() });
            }}
          >
            <div class="field">
              <label for={cardId}>Card number</label>
              <input
                id={cardId}
                ref={cardInput}
                type="text"
                inputmode="numeric"
                autocomplete="off"
                maxlength="23"
                value={card()}
                onInput={(e) => setCard(e.currentTarget.value)}
                aria-invalid={error() ? 'true' : 'false'}
                aria-describedby={`${cardId}-cards${error() ? ' pay-error' : ''}`}
              />
            </div>
            <div id={`${cardId}-cards`} class="test-cards">
              <p class="small">Test cards (any future expiry date, any CVC):</p>
              <ul>
                <For each={TEST_CARDS}>
                  {(c) => (
                    <li>
                      <code>{c.number}</code>: {c.outcome}
                    </li>
                  )}
                </For>
              </ul>
            </div>
            <ErrorMessage message={error()} id="pay-error" />
            <button type="submit" class="button button-primary button-block" disabled={busy()}>
              {busy() ? 'Paying…' : 'Pay'}
            </button>
          </form>
        </Match>
      </Switch>
      <p class="small">
        <A href={`/orders/${s().orderId}`}>Leave the checkout</A>: your order stays open until it expires.
      </p>
    </section>
  );
}
