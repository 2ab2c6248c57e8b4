import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { cartItems } from '../lib/cart.ts';
import { plural } from '../lib/format.ts';
import '../styles/cart-link.css';

/** The header's cart: an icon with the number of items kept (web/src/lib/cart.ts), to /cart. */
export function CartLink() {
  const count = () => cartItems().length;
  return (
    <A
      href="/cart"
      class="button button-ghost cart-link"
      activeClass="active"
      aria-label={count() > 0 ? `Cart, ${plural(count(), 'item', 'items')}` : 'Cart'}
    >
      <svg class="icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
        <path
          d="M2 3h2.2l1.9 9.2a1 1 0 0 0 1 .8h7.6a1 1 0 0 0 1-.8L17 6H5"
          fill="none"
          stroke="currentColor"
          stroke-width="1.6"
          stroke-linecap="round"
          stroke-linejoin="round"
        />
        <circle cx="8" cy="16.5" r="1.3" fill="currentColor" />
        <circle cx="14.5" cy="16.5" r="1.3" fill="currentColor" />
      </svg>
      <Show when={count() > 0}>
        <span class="cart-link-count" aria-hidden="true">
          {count()}
        </span>
      </Show>
    </A>
  );
}
