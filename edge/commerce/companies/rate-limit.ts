/**
 * A small in-memory rate limit: at most `max` hits per key in any `windowMs` (a sliding log of
 * hit times per key). Per app instance, which is enough to keep one client from filling a table
 * through a public form; keys that fall silent are swept, so memory stays bounded by the clients
 * of the last window (and by `maxKeys`, past which the oldest keys are dropped).
 */
export interface RateLimiter {
  /** Records a hit for `key` at `now` (ms) and returns 0, or the seconds to wait when over the limit (nothing recorded). */
  hit(key: string, now: number): number;
  readonly size: number;
}

export function rateLimiter(max: number, windowMs: number, maxKeys = 10_000): RateLimiter {
  const hits = new Map<string, number[]>();
  let lastSweep = 0;
  const sweep = (now: number) => {
    if (now - lastSweep < windowMs) return;
    lastSweep = now;
    for (const [key, times] of hits) if (times[times.length - 1]! <= now - windowMs) hits.delete(key);
  };
  return {
    hit(key, now) {
      sweep(now);
      const times = (hits.get(key) ?? []).filter((t) => t > now - windowMs && t <= now);
      if (times.length >= max) {
        hits.set(key, times);
        return Math.max(1, Math.ceil((times[0]! + windowMs - now) / 1000));
      }
      times.push(now);
      hits.delete(key); // re-inserted last: the map stays in order of last use
      hits.set(key, times);
      while (hits.size > maxKeys) hits.delete(hits.keys().next().value!);
      return 0;
    },
    get size() {
      return hits.size;
    },
  };
}

/**
 * The client's address for rate limits: `x-real-ip`, which the Node host sets from the socket
 * (a client-sent one is overwritten), else the last `x-forwarded-for` entry (the one the nearest
 * proxy added, which a client cannot forge), else one shared key.
 */
export function clientKey(headers: Headers): string {
  const real = headers.get('x-real-ip')?.trim();
  if (real) return real.slice(0, 100);
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').pop()?.trim();
  return last ? last.slice(0, 100) : 'unknown';
}
