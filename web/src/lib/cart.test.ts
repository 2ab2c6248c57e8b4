import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

/** An in-memory localStorage and a window that records its `storage` listeners, in place before cart.ts loads. */
const store = new Map<string, string>();
const listeners: ((e: { key: string | null; newValue: string | null }) => void)[] = [];
const g = globalThis as Record<string, unknown>;

let cart: typeof import('./cart.ts');
let initial: { kind: string; id: string; title: string }[] = [];
const A = '30000000-0000-4000-8000-000000000001';
const B = '30000000-0000-4000-8000-00000000000B';

beforeAll(async () => {
  store.set('lms-cart-v1', JSON.stringify([{ kind: 'course', id: A, title: 'Stored before load' }]));
  g.localStorage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  };
  g.window = {
    addEventListener: (type: string, fn: (typeof listeners)[number]) => type === 'storage' && listeners.push(fn),
  };
  cart = await import('./cart.ts');
  initial = cart.cartItems();
});

beforeEach(() => cart.clearCart());

describe('parseCart', () => {
  it('keeps well-formed items once each, lower-cased, and drops the rest', () => {
    const raw = JSON.stringify([
      { kind: 'course', id: A, title: 'One' },
      { kind: 'course', id: A.toUpperCase(), title: 'One again' },
      { kind: 'bundle', id: B, title: 'x'.repeat(300) },
      { kind: 'lesson', id: A },
      { kind: 'course', id: 'not-a-uuid' },
      null,
      'text',
    ]);
    const items = cart.parseCart(raw);
    expect(items.map((i) => [i.kind, i.id])).toEqual([
      ['course', A],
      ['bundle', B.toLowerCase()],
    ]);
    expect(items[1]!.title).toHaveLength(200);
  });

  it('reads nothing from a missing, broken or foreign value', () => {
    for (const raw of [null, '', '{', '{"kind":"course"}', '42']) expect(cart.parseCart(raw)).toEqual([]);
  });

  it('stops at the API limit of 50 items', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      kind: 'course',
      id: `30000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      title: `C${i}`,
    }));
    expect(cart.parseCart(JSON.stringify(many))).toHaveLength(cart.CART_MAX_ITEMS);
  });
});

describe('the cart', () => {
  it('starts from what localStorage held when the page loaded', () => {
    expect(initial).toEqual([{ kind: 'course', id: A, title: 'Stored before load' }]);
  });

  it('adds an item once, knows it is there, removes it, and keeps localStorage in step', () => {
    expect(cart.addToCart({ kind: 'course', id: A.toUpperCase(), title: 'One' })).toBe(true);
    expect(cart.addToCart({ kind: 'course', id: A, title: 'One' })).toBe(true);
    expect(cart.cartItems()).toEqual([{ kind: 'course', id: A, title: 'One' }]);
    expect(cart.inCart('course', A.toUpperCase())).toBe(true);
    expect(cart.inCart('bundle', A)).toBe(false);
    expect(JSON.parse(store.get(cart.CART_KEY)!)).toEqual([{ kind: 'course', id: A, title: 'One' }]);
    cart.addToCart({ kind: 'bundle', id: B, title: 'Pack' });
    cart.removeFromCart('course', A);
    expect(cart.cartItems().map((i) => i.kind)).toEqual(['bundle']);
    cart.clearCart();
    expect(cart.cartItems()).toEqual([]);
    expect(store.get(cart.CART_KEY)).toBe('[]');
  });

  it('refuses a 51st item', () => {
    for (let i = 0; i < cart.CART_MAX_ITEMS; i++) {
      expect(
        cart.addToCart({ kind: 'course', id: `30000000-0000-4000-8000-${String(i).padStart(12, '0')}`, title: '' }),
      ).toBe(true);
    }
    expect(cart.addToCart({ kind: 'bundle', id: B, title: 'One too many' })).toBe(false);
    expect(cart.cartItems()).toHaveLength(cart.CART_MAX_ITEMS);
  });

  it('follows changes another tab makes (the storage event)', () => {
    expect(listeners).toHaveLength(1);
    listeners[0]!({
      key: cart.CART_KEY,
      newValue: JSON.stringify([{ kind: 'bundle', id: B, title: 'From the other tab' }]),
    });
    expect(cart.cartItems()).toEqual([{ kind: 'bundle', id: B.toLowerCase(), title: 'From the other tab' }]);
    listeners[0]!({ key: null, newValue: null });
    expect(cart.cartItems()).toEqual([]);
  });
});
