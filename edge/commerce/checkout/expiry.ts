import { every } from '../../db/periodic.ts';
import type { Database } from '../../db/port.ts';
import { expireOrders } from './queries.ts';

/**
 * Expires pending orders past their checkout's end (private.expire_orders: their coupon holds are
 * released) every `intervalMs`, on the Node host. Checkout does the same before each new order, so
 * the timer only keeps the tables tidy between checkouts. Returns a stop function.
 */
export function startOrderExpiry(
  db: Database,
  intervalMs = 60_000,
  onError: (err: unknown) => void = (err) => console.error('order expiry failed', err),
): () => void {
  return every(intervalMs, () => db.asService(expireOrders), onError);
}
