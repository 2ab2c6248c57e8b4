/**
 * Money arithmetic of the pricing engine: integer minor units only, never floats across lines.
 * A percentage of an amount is rounded half-up on that amount (`floor((amount * bps + 5000) / 10000)`);
 * an amount shared over lines is split pro rata by the largest-remainder method, so the parts sum
 * exactly to the whole.
 */

const BPS = 10_000;
/** Above this, `amount * bps` could leave the exact range of a double: BigInt takes over. */
const SAFE_FOR_BPS = Math.floor(Number.MAX_SAFE_INTEGER / BPS);

/** Throws unless `n` is a non-negative safe integer (an amount in minor units). */
export function assertAmount(n: number, what = 'amount'): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}

/** Throws unless `bps` is an integer in 0..10000. */
export function assertBps(bps: number, what = 'rate'): void {
  if (!Number.isInteger(bps) || bps < 0 || bps > BPS) throw new RangeError(`${what} must be 0..10000 bps, got ${bps}`);
}

/** `bps` basis points of `amount`, rounded half-up: 1999 at 1000 bps (10%) is 200, 1994 is 199. */
export function percentOf(amount: number, bps: number): number {
  if (amount <= SAFE_FOR_BPS) return Math.floor((amount * bps + 5000) / BPS);
  return Number((BigInt(amount) * BigInt(bps) + 5000n) / 10000n);
}

/**
 * Splits `total` over `weights` pro rata: part i is floor(total * w_i / W) and the units left over go
 * one each to the largest remainders (ties: the lowest index; callers order the weights by a stable
 * key). The parts sum to `total` exactly, and no part exceeds its weight when `total <= W`.
 * All weights zero: everything goes to the first part (nothing to be pro rata to).
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  let sum = 0;
  let max = 0;
  for (const w of weights) {
    sum += w;
    if (w > max) max = w;
  }
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const parts = new Array<number>(n);
  const remainders = new Array<number | bigint>(n);
  let given = 0;
  if (total * max <= Number.MAX_SAFE_INTEGER) {
    for (let i = 0; i < n; i++) {
      const p = total * weights[i]!;
      const q = Math.floor(p / sum);
      parts[i] = q;
      remainders[i] = p - q * sum;
      given += q;
    }
  } else {
    const t = BigInt(total);
    const s = BigInt(sum);
    for (let i = 0; i < n; i++) {
      const p = t * BigInt(weights[i]!);
      const q = p / s;
      parts[i] = Number(q);
      remainders[i] = p - q * s;
      given += parts[i]!;
    }
  }
  let left = total - given; // < n
  if (left > 0) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => {
      const ra = remainders[a]!;
      const rb = remainders[b]!;
      return ra > rb ? -1 : ra < rb ? 1 : a - b;
    });
    for (const i of order) {
      if (left === 0) break;
      parts[i] = parts[i]! + 1;
      left--;
    }
  }
  return parts;
}
