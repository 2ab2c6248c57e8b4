import { randomBytes } from 'node:crypto';

/** One tracked presence: what the client tracked, plus Phoenix's refs. */
export interface Meta {
  phx_ref: string;
  phx_ref_prev?: string;
  [field: string]: unknown;
}
export type PresenceMap = Record<string, { metas: Meta[] }>;
export interface Diff {
  joins: PresenceMap;
  leaves: PresenceMap;
}

const newRef = () => randomBytes(9).toString('base64url');
const one = (key: string, meta: Meta): PresenceMap => ({ [key]: { metas: [meta] } });

/**
 * The presences on one topic, as Phoenix.Presence keeps them: per presence key, one meta per
 * channel that tracked it (`owner`). Every change returns the diff to push as `presence_diff`.
 */
export class TopicPresence {
  readonly #keys = new Map<string, Map<string, Meta>>();

  track(owner: string, key: string, payload: Record<string, unknown>): Diff {
    let metas = this.#keys.get(key);
    if (!metas) {
      metas = new Map();
      this.#keys.set(key, metas);
    }
    const previous = metas.get(owner);
    const meta: Meta = { ...payload, phx_ref: newRef() };
    if (previous) meta.phx_ref_prev = previous.phx_ref;
    metas.set(owner, meta);
    return { joins: one(key, meta), leaves: previous ? one(key, previous) : {} };
  }

  /** The diff of `owner` leaving `key`, or null when it tracked nothing there. */
  untrack(owner: string, key: string): Diff | null {
    const metas = this.#keys.get(key);
    const previous = metas?.get(owner);
    if (!metas || !previous) return null;
    metas.delete(owner);
    if (metas.size === 0) this.#keys.delete(key);
    return { joins: {}, leaves: one(key, previous) };
  }

  state(): PresenceMap {
    const out: PresenceMap = {};
    for (const [key, metas] of this.#keys) out[key] = { metas: [...metas.values()] };
    return out;
  }

  get empty(): boolean {
    return this.#keys.size === 0;
  }
}
