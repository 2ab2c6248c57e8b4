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

/**
 * The subscribers of every topic on this host, and their presence. A broadcast is encoded
 * once and the same frame goes to every subscriber allowed to receive it.
 */
export class Hub {
  readonly #topics = new Map<string, TopicState>();

  subscribe(key: string, sub: Subscriber): void {
    let state = this.#topics.get(key);
    if (!state) {
      state = { subscribers: new Set(), presence: new TopicPresence() };
      this.#topics.set(key, state);
    }
    state.subscribers.add(sub);
  }

  /** Removes the subscriber and its presences (the others get the leave diff). */
  unsubscribe(key: string, sub: Subscriber, presenceKey: string, topic: string): void {
    const state = this.#topics.get(key);
    if (!state) return;
    state.subscribers.delete(sub);
    const diff = state.presence.untrack(sub.id, presenceKey);
    if (diff) this.#pushDiff(state, topic, diff);
    if (state.subscribers.size === 0 && state.presence.empty) this.#topics.delete(key);
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
    this.#pushDiff(state, topic, state.presence.track(sub.id, presenceKey, payload));
  }

  untrack(key: string, topic: string, sub: Subscriber, presenceKey: string): void {
    const state = this.#topics.get(key);
    const diff = state?.presence.untrack(sub.id, presenceKey);
    if (state && diff) this.#pushDiff(state, topic, diff);
  }

  presenceState(key: string): PresenceMap {
    return this.#topics.get(key)?.presence.state() ?? {};
  }

  subscriberCount(key: string): number {
    return this.#topics.get(key)?.subscribers.size ?? 0;
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
