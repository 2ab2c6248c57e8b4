import { createSignal } from 'solid-js';

/**
 * The cart: what the visitor means to buy, kept in localStorage so it survives reloads and
 * sign-in, and shared by every tab (the `storage` event). It holds references only (kind, id and
 * the title to show); every price comes from `POST /api/checkout/quote`, never from here.
 *
 * Pages that sell: "Add to cart" calls `addToCart`; the Payment page (`/checkout`) reads the
 * cart, or one item given in its URL (`/checkout?course=<id>`, `?bundle=<id>`; `&seats=<n>`
 * preselects a corporate purchase of n seats), so "Buy now" skips the cart.
 */

export type CartItemKind = 'course' | 'bundle';

export interface CartItem {
  kind: CartItemKind;
  id: string;
  title: string;
}

export const CART_KEY = 'lms-cart-v1';
/** The API quotes at most 50 items. */
export const CART_MAX_ITEMS = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The items in a stored value; anything malformed is dropped (the store is the user's to edit). */
export function parseCart(raw: string | null): CartItem[] {
  if (!raw) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const items: CartItem[] = [];
  for (const v of value) {
    if (!v || typeof v !== 'object') continue;
    const { kind, id, title } = v as Record<string, unknown>;
    if ((kind !== 'course' && kind !== 'bundle') || typeof id !== 'string' || !UUID.test(id)) continue;
    const key = `${kind}:${id.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({ kind, id: id.toLowerCase(), title: typeof title === 'string' ? title.slice(0, 200) : '' });
    if (items.length === CART_MAX_ITEMS) break;
  }
  return items;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

const [items, setItems] = createSignal<CartItem[]>(parseCart(storage()?.getItem(CART_KEY) ?? null));

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key === CART_KEY || e.key === null) setItems(parseCart(e.newValue));
  });
}

function save(next: CartItem[]): void {
  setItems(next);
  storage()?.setItem(CART_KEY, JSON.stringify(next));
}

/** The cart's items (reactive). */
export const cartItems = items;

export function inCart(kind: CartItemKind, id: string): boolean {
  return items().some((i) => i.kind === kind && i.id === id.toLowerCase());
}

/** Adds an item (once); false when the cart is full. */
export function addToCart(item: CartItem): boolean {
  if (inCart(item.kind, item.id)) return true;
  if (items().length >= CART_MAX_ITEMS) return false;
  save([...items(), { ...item, id: item.id.toLowerCase() }]);
  return true;
}

export function removeFromCart(kind: CartItemKind, id: string): void {
  save(items().filter((i) => !(i.kind === kind && i.id === id.toLowerCase())));
}

export function clearCart(): void {
  save([]);
}
