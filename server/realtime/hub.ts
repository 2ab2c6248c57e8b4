import type { Access } from './authorize.ts';
import { type BroadcastMessage, encode, encodeBroadcast } from './frames.ts';
import { type Diff, type PresenceMap, TopicPresence } from './presence.ts';

/** One joined channel, as the hub sees it. */
export interface Subscriber {
  /** Unique per join: the presence owner. */
  readonly id: string;
  readonly access: Access;
  /**
   * Sends one encoded frame: text (a string, or its UTF-8 bytes with `binary` false) or binary.
   * The connection drops a slow consumer instead of buffering for it.
   */
  deliver(data: string | Uint8Array, binary?: boolean): void;
}

interface TopicState {
  subscribers: Set<Subscriber>;
  presence: TopicPresence;
}

/** Public and private channels of one name are different topics, as on Supabase. */
export const topicKey = (subTopic: string, isPrivate: boolean) => `${isPrivate ? 'private' : 'public'}:${subTopic}`;
/** A topic key as `topicKey` makes it. */
export const isTopicKey = (key: string) => /^(private|public):./.test(key);
/** The Phoenix topic (`realtime:<name>`) of a topic key. */
const phoenixTopic = (key: string) => `realtime:${key.slice(key.indexOf(':') + 1)}`;

/** Told of every presence change made by this host's own channels (to relay it to the other hosts). */
export type LocalPresenceListener = (key: string, diff: Diff) => void;

/**
 * The subscribers of every topic on this host, and the topic's presence: this host's own and,
 * with several hosts on one database, the other hosts' (kept under each host's id, also for
 * topics nobody here has joined yet). A broadcast is encoded once and the same frame goes to
 * every subscriber allowed to receive it.
 */
export class Hub {
  readonly #topics = new Map<string, TopicState>();
  readonly #onLocal: LocalPresenceListener | undefined;

  constructor(onLocalPresence?: LocalPresenceListener) {
    this.#onLocal = onLocalPresence;
  }

  #state(key: string): TopicState {
    let state = this.#topics.get(key);
    if (!state) {
      state = { subscribers: new Set(), presence: new TopicPresence() };
      this.#topics.set(key, state);
    }
    return state;
  }

  #release(key: string, state: TopicState): void {
    if (state.subscribers.size === 0 && state.presence.empty) this.#topics.delete(key);
  }

  subscribe(key: string, sub: Subscriber): void {
    this.#state(key).subscribers.add(sub);
  }

  /** Removes the subscriber and its presences (the others get the leave diff). */
  unsubscribe(key: string, sub: Subscriber, presenceKey: string, topic: string): void {
    const state = this.#topics.get(key);
    if (!state) return;
    state.subscribers.delete(sub);
    const diff = state.presence.untrack(sub.id, presenceKey);
    if (diff) this.#local(key, state, topic, diff);
    this.#release(key, state);
  }

  /** Delivers a broadcast to the topic's readers on this host, `except` one (the sender without `self`). */
  broadcast(key: string, topic: string, message: BroadcastMessage, except?: Subscriber): number {
    const state = this.#topics.get(key);
    if (!state) return 0;
    const encoded = encodeBroadcast(topic, message);
    // Text is turned into bytes once here, not once per socket.
    const binary = typeof encoded !== 'string';
    const frame = binary ? encoded : Buffer.from(encoded);
    let sent = 0;
    for (const sub of state.subscribers) {
      if (sub === except || !sub.access.broadcast.read) continue;
      sub.deliver(frame, binary);
      sent++;
    }
    return sent;
  }

  track(key: string, topic: string, sub: Subscriber, presenceKey: string, payload: Record<string, unknown>): void {
    const state = this.#topics.get(key);
    if (!state) return;
    this.#local(key, state, topic, state.presence.track(sub.id, presenceKey, payload));
  }

  untrack(key: string, topic: string, sub: Subscriber, presenceKey: string): void {
    const state = this.#topics.get(key);
    const diff = state?.presence.untrack(sub.id, presenceKey);
    if (state && diff) this.#local(key, state, topic, diff);
  }

  /** The topic's whole presence state, every host's: what `presence_state` sends on join. */
  presenceState(key: string): PresenceMap {
    return this.#topics.get(key)?.presence.state() ?? {};
  }

  /** What this host's own channels track, per topic key: the state it gives the other hosts. */
  localPresence(): Record<string, PresenceMap> {
    const out: Record<string, PresenceMap> = {};
    for (const [key, state] of this.#topics) if (state.presence.hasLocal) out[key] = state.presence.local();
    return out;
  }

  /** Applies another host's presence diff on one topic; this host's readers get what changed. */
  applyRemote(host: string, key: string, diff: Diff): void {
    const state = this.#state(key);
    const changed = state.presence.applyRemote(host, diff);
    if (changed) this.#pushDiff(state, phoenixTopic(key), changed);
    this.#release(key, state);
  }

  /**
   * Replaces all of another host's presence with `states` (its full state, per topic key; an
   * empty object drops the host). This host's readers get the difference.
   */
  replaceRemote(host: string, states: Record<string, PresenceMap>): void {
    const keys = new Set([...this.#topics.keys(), ...Object.keys(states)]);
    for (const key of keys) {
      const state = this.#state(key);
      const changed = state.presence.replaceRemote(host, states[key] ?? {});
      if (changed) this.#pushDiff(state, phoenixTopic(key), changed);
      this.#release(key, state);
    }
  }

  subscriberCount(key: string): number {
    return this.#topics.get(key)?.subscribers.size ?? 0;
  }

  #local(key: string, state: TopicState, topic: string, diff: Diff): void {
    this.#pushDiff(state, topic, diff);
    this.#onLocal?.(key, diff);
  }

  #pushDiff(state: TopicState, topic: string, diff: Diff): void {
    const frame = Buffer.from(
      encode({
        joinRef: null,
        ref: null,
        topic,
        event: 'presence_diff',
        payload: diff as unknown as Record<string, unknown>,
      }),
    );
    for (const sub of state.subscribers) if (sub.access.presence.read) sub.deliver(frame, false);
  }
}
