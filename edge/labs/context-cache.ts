import type { GradingContext } from './queries.ts';

/**
 * What lab_grading_context answered for a learner and a lab, kept for a few seconds: a learner who
 * runs and submits again and again asks the database once per TTL instead of once per run.
 *
 * Why it is safe: the cache only decides whether code is *run*. Storing a graded submission goes
 * through private.record_lab_submission, which checks the learner's access again in the same
 * transaction as the insert, so a learner who lost access (cancelled enrollment, unpublished lab)
 * gets that refusal and nothing is stored. An edited lab is forgotten at once by this process
 * (`forgetLab`, called by the editor's routes); another host sees the edit within the TTL.
 */
export class GradingContextCache {
  readonly #entries = new Map<string, { context: GradingContext; expiresAt: number }>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}) {
    this.#ttlMs = options.ttlMs ?? 5_000;
    this.#maxEntries = options.maxEntries ?? 2_000;
    this.#now = options.now ?? Date.now;
  }

  get(labId: string, userId: string): GradingContext | undefined {
    const key = `${labId}:${userId}`;
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.context;
  }

  set(labId: string, userId: string, context: GradingContext): void {
    if (this.#ttlMs <= 0) return;
    const key = `${labId}:${userId}`;
    this.#entries.delete(key);
    if (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, { context, expiresAt: this.#now() + this.#ttlMs });
  }

  /** Forgets every learner's entry for a lab (its tests, limits or status changed). */
  forgetLab(labId: string): void {
    const prefix = `${labId}:`;
    for (const key of this.#entries.keys()) if (key.startsWith(prefix)) this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }
}
