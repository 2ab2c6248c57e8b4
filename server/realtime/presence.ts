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
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function add(map: PresenceMap, key: string, meta: Meta): void {
  const entry = map[key];
  if (entry) entry.metas.push(meta);
  else map[key] = { metas: [meta] };
}

const isEmpty = (diff: Diff) => Object.keys(diff.joins).length === 0 && Object.keys(diff.leaves).length === 0;

/**
 * A presence map that came from another host, kept to what it must be: keys to `{metas}`, each
 * meta an object with a string `phx_ref`. Anything else is left out.
 */
export function toPresenceMap(value: unknown): PresenceMap {
  const out: PresenceMap = {};
  if (!isRecord(value)) return out;
  for (const [key, entry] of Object.entries(value)) {
    if (!isRecord(entry) || !Array.isArray(entry.metas)) continue;
    for (const meta of entry.metas) {
      if (isRecord(meta) && typeof meta.phx_ref === 'string') add(out, key, meta as Meta);
    }
  }
  return out;
}

/** presence key -> phx_ref -> meta: what one other host has on a topic. */
type RemoteState = Map<string, Map<string, Meta>>;

/**
 * The presences on one topic, as Phoenix.Presence keeps them: per presence key, one meta per
 * channel of this host that tracked it (`owner`), plus what every other host on the database
 * has there, under that host's id (metas by `phx_ref`). Every change returns the diff to push
 * as `presence_diff`.
 */
export class TopicPresence {
  readonly #keys = new Map<string, Map<string, Meta>>();
  readonly #remote = new Map<string, RemoteState>();

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

  /**
   * Applies another host's diff (joins, then leaves, as the client applies them) and returns
   * what changed here, or null when nothing did (a meta this host already had, or never had).
   */
  applyRemote(host: string, diff: Diff): Diff | null {
    let state = this.#remote.get(host);
    if (!state) {
      state = new Map();
      this.#remote.set(host, state);
    }
    const out: Diff = { joins: {}, leaves: {} };
    for (const [key, { metas }] of Object.entries(diff.joins)) {
      let refs = state.get(key);
      if (!refs) {
        refs = new Map();
        state.set(key, refs);
      }
      for (const meta of metas) {
        if (refs.has(meta.phx_ref)) continue;
        refs.set(meta.phx_ref, meta);
        add(out.joins, key, meta);
      }
    }
    for (const [key, { metas }] of Object.entries(diff.leaves)) {
      const refs = state.get(key);
      if (!refs) continue;
      for (const meta of metas) {
        const known = refs.get(meta.phx_ref);
        if (!known) continue;
        refs.delete(meta.phx_ref);
        add(out.leaves, key, known);
      }
    }
    for (const [key, refs] of state) if (refs.size === 0) state.delete(key);
    if (state.size === 0) this.#remote.delete(host);
    return isEmpty(out) ? null : out;
  }

  /** Replaces everything `host` has here with `next` (its full state), returning the difference. */
  replaceRemote(host: string, next: PresenceMap): Diff | null {
    const old = this.#remote.get(host) ?? new Map<string, Map<string, Meta>>();
    const leaves: PresenceMap = {};
    for (const [key, refs] of old) {
      const kept = new Set((next[key]?.metas ?? []).map((m) => m.phx_ref));
      for (const [ref, meta] of refs) if (!kept.has(ref)) add(leaves, key, meta);
    }
    this.#remote.delete(host);
    const diff = this.applyRemote(host, { joins: next, leaves: {} });
    const out: Diff = { joins: diff?.joins ?? {}, leaves };
    return isEmpty(out) ? null : out;
  }

  /** What this host's own channels track: the state it gives the other hosts. */
  local(): PresenceMap {
    const out: PresenceMap = {};
    for (const [key, metas] of this.#keys) out[key] = { metas: [...metas.values()] };
    return out;
  }

  /** The whole topic: this host's presences and every other host's. */
  state(): PresenceMap {
    const out = this.local();
    for (const state of this.#remote.values()) {
      for (const [key, refs] of state) for (const meta of refs.values()) add(out, key, meta);
    }
    return out;
  }

  get hasLocal(): boolean {
    return this.#keys.size > 0;
  }

  get empty(): boolean {
    return this.#keys.size === 0 && this.#remote.size === 0;
  }
}
