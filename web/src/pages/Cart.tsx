import { A } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import type { Quote } from '../../../edge/api-types.ts';
import { ErrorMessage } from '../components/Notices.tsx';
import { fromQuote, QuoteSummary } from '../components/QuoteSummary.tsx';
import { cartItems, removeFromCart } from '../lib/cart.ts';
import { commerceApi, refusalMessage } from '../lib/commerce-api.ts';
import { useApp } from '../lib/context.ts';
import { usePageTitle } from '../lib/title.ts';
import '../styles/checkout.css';

/** The cart (/cart): what the visitor means to buy, priced by the server, and the way to checkout. */
export default function CartPage() {
  usePageTitle(() => 'Cart');
  const { api, announce } = useApp();
  const shop = commerceApi(api);
  const [quote, setQuote] = createSignal<Quote | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  let asked = 0;
  createEffect(
    on(
      () => JSON.stringify(cartItems().map((i) => [i.kind, i.id])),
      () => {
        const items = cartItems().map((i) => ({ kind: i.kind, id: i.id }));
        const mine = ++asked;
        if (items.length === 0) {
          setQuote(null);
          setError(null);
          return;
        }
        shop.quote({ items }).then(
          (q) => {
            if (mine !== asked) return;
            setQuote(q);
            setError(null);
          },
          (err: unknown) => {
            if (mine !== asked) return;
            setQuote(null);
            setError(refusalMessage(err));
          },
        );
      },
    ),
  );

  return (
    <div class="container section cart">
      <h1>Your cart</h1>
      <Show
        when={cartItems().length > 0}
        fallback={
          <div class="empty-state">
            <p>Your cart is empty.</p>
            <div class="cta-row">
              <A href="/courses" class="button button-primary">
                Browse courses
              </A>
              <A href="/bundles" class="button button-secondary">
                See bundles
              </A>
            </div>
          </div>
        }
      >
        <div class="checkout-layout">
          <section aria-labelledby="cart-items-title">
            <h2 id="cart-items-title">Items</h2>
            <ul class="cart-items">
              <For each={cartItems()}>
                {(item) => (
                  <li class="cart-item">
                    <span>
                      {item.title || 'Course'}
                      <span class="muted small"> ({item.kind === 'bundle' ? 'bundle' : 'course'})</span>
                    </span>
                    <button
                      type="button"
                      class="button button-small button-ghost"
                      onClick={() => {
                        removeFromCart(item.kind, item.id);
                        announce(`Removed ${item.title || 'the item'} from your cart.`);
                      }}
                    >
                      Remove<span class="sr-only"> {item.title}</span>
                    </button>
                  </li>
                )}
              </For>
            </ul>
            <A href="/checkout" class="button button-primary button-large">
              Go to checkout
            </A>
          </section>
          <div class="checkout-side">
            <ErrorMessage message={error()} />
            <Show when={quote()}>{(q) => <QuoteSummary data={fromQuote(q())} />}</Show>
          </div>
        </div>
      </Show>
    </div>
  );
}
