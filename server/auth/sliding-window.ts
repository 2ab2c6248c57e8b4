/**
 * In-memory sliding-window limiter: at most `limit` hits per key in any `windowMs`. One
 * process only (the embedded host). Memory is bounded by `maxKeys`, and the bound can never
 * be used to unlock anyone: a locked key stays locked until its window ends, whatever else
 * arrives. When the store is full, expired and then least recently used unlocked keys make
 * room; if every key is locked, a new key is refused (fails closed) rather than evicting one.
 */
export class SlidingWindowLimiter {
  readonly limit: number;
  readonly windowMs: number;
  readonly #maxKeys: number;
  /** Keys with room left, least recently hit first (so expired keys are a prefix). */
  readonly #open = new Map<string, number[]>();
  /** Keys at their limit, with the time their oldest counted hit leaves the window. */
  readonly #locked = new Map<string, { times: number[]; until: number }>();
  /** While the store is full of locked keys: when the first of them unlocks. */
  #fullUntil = 0;
  #sinceSweep = 0;

  constructor(limit: number, windowMs = 5 * 60 * 1000, maxKeys = 50_000) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.#maxKeys = maxKeys;
  }

  /** Takes a slot for `key` at `now`: true, or false (nothing recorded) when none is left. */
  hit(key: string, now: number): boolean {
    if (++this.#sinceSweep >= 1000) this.#sweepOpen(now);
    const locked = this.#locked.get(key);
    if (locked && now < locked.until) return false;
    let times = locked ? locked.times : this.#open.get(key);
    if (locked) this.#locked.delete(key);
    if (times === undefined && !this.#makeRoom(now)) return false;
    times = (times ?? []).filter((t) => t > now - this.windowMs);
    times.push(now);
    this.#place(key, times);
    return true;
  }

  /** Gives back the slot a hit at `at` took (the attempt succeeded and should not count). */
  release(key: string, at: number): void {
    const locked = this.#locked.get(key);
    const times = locked ? locked.times : this.#open.get(key);
    const i = times?.lastIndexOf(at) ?? -1;
    if (!times || i < 0) return;
    times.splice(i, 1);
    if (locked) this.#locked.delete(key);
    this.#place(key, times);
  }

  /** Files a key under open (as the most recently used) or locked, by its count. */
  #place(key: string, times: number[]): void {
    this.#open.delete(key);
    if (times.length >= this.limit) {
      const until = times[times.length - this.limit]! + this.windowMs;
      this.#locked.set(key, { times, until });
    } else if (times.length > 0) {
      this.#open.set(key, times);
    }
  }

  /** Room for one more key: drops an expired or the least recently used open key. */
  #makeRoom(now: number): boolean {
    if (this.#open.size + this.#locked.size < this.#maxKeys) return true;
    const oldest = this.#open.keys().next();
    if (!oldest.done) {
      this.#open.delete(oldest.value);
      return true;
    }
    if (now < this.#fullUntil) return false;
    // Every key is locked: free those whose window has ended, or note when the first will.
    let next = Number.POSITIVE_INFINITY;
    for (const [key, { times, until }] of this.#locked) {
      if (now >= until) {
        this.#locked.delete(key);
        this.#place(
          key,
          times.filter((t) => t > now - this.windowMs),
        );
      } else {
        next = Math.min(next, until);
      }
    }
    this.#fullUntil = next;
    return this.#open.size + this.#locked.size < this.#maxKeys || this.#makeRoom(now);
  }

  /** Drops the expired prefix of the open keys (memory back early; no key changes state). */
  #sweepOpen(now: number): void {
    this.#sinceSweep = 0;
    for (const [key, times] of this.#open) {
      if (times[times.length - 1]! > now - this.windowMs) break;
      this.#open.delete(key);
    }
  }
}
