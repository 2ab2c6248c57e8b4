import { type Hub, isTopicKey } from './hub.ts';
import { type Diff, type PresenceMap, toPresenceMap } from './presence.ts';

/**
 * Presence across the hosts on one PostgreSQL, so that realtime-js sees one presence state per
 * topic whatever host each client is on (as Supabase Realtime's cluster does). Every message
 * names its host (`h`); the feed carries them (NOTIFY, or a row when too large).
 *
 * - `diff` (numbered `s` per host): a change made by one of the host's channels; the others
 *   apply it under that host's id and push `presence_diff` to their own readers.
 * - `hello`: a host that starts (its state is empty, at number 0); every other host answers
 *   with `state` (its whole presence and the number of its last diff), addressed to it.
 * - `ask`: a host that missed something (a gap in the numbers, a host it has not heard start)
 *   asks that host for its `state`.
 * - `hb`: every `heartbeatMs`, with the number of the host's last diff. A host not heard from
 *   for 3 intervals is dropped: its presences leave. `bye` (a clean shutdown) drops it at once.
 */

export type PresenceMessage =
  | { k: 'hello'; h: string }
  | { k: 'ask'; h: string; to: string }
  | { k: 'hb'; h: string; s: number }
  | { k: 'diff'; h: string; s: number; key: string; joins: PresenceMap; leaves: PresenceMap }
  | { k: 'state'; h: string; to: string; s: number; topics: Record<string, PresenceMap> }
  | { k: 'bye'; h: string };

/** Another host, as this one knows it. */
interface Peer {
  /** The number of its last diff applied here; null until its state is known. */
  seq: number | null;
  /** The highest number it has announced (diffs, heartbeats). */
  announced: number;
  /** Diffs that came ahead of one still on its way (a row is read after a later NOTIFY). */
  waiting: Map<number, Extract<PresenceMessage, { k: 'diff' }>>;
  seen: number;
  /** Since when this host has been behind it, and when it last asked for its state. */
  behindSince: number | null;
  askedAt: number;
}

export interface PresenceRelayOptions {
  /** This host's id (the feed's). */
  host: string;
  hub: Hub;
  /** Sends one message to the other hosts. */
  send(message: PresenceMessage): Promise<void>;
  /** How often a heartbeat goes out; a host silent for 3 intervals is gone. */
  heartbeatMs: number;
  now?: () => number;
}

/** Hosts that said goodbye are remembered this many intervals, so a late message cannot revive them. */
const DEPARTED_INTERVALS = 10;
/** Diffs kept while one before them is missing; past this, the host's whole state is asked for. */
const MAX_WAITING = 1000;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSeq = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

export class PresenceRelay {
  readonly #host: string;
  readonly #hub: Hub;
  readonly #send: (message: PresenceMessage) => Promise<void>;
  readonly #interval: number;
  readonly #now: () => number;
  readonly #peers = new Map<string, Peer>();
  readonly #departed = new Map<string, number>();
  /** The number of this host's last diff. */
  #seq = 0;
  /** Messages go out one after another, so that NOTIFYs commit in the order they were made. */
  #outbox: Promise<void> = Promise.resolve();
  #timer: ReturnType<typeof setInterval> | undefined;
  #running = false;

  constructor(opts: PresenceRelayOptions) {
    this.#host = opts.host;
    this.#hub = opts.hub;
    this.#send = opts.send;
    this.#interval = opts.heartbeatMs;
    this.#now = opts.now ?? Date.now;
  }

  /** Says hello (the others answer with their state) and starts the heartbeat. */
  async start(): Promise<void> {
    this.#running = true;
    this.#timer = setInterval(() => this.#tick(), this.#interval);
    this.#timer.unref?.();
    await this.#post({ k: 'hello', h: this.#host });
  }

  /** Says goodbye (the others drop this host's presences at once); nothing goes out after it. */
  async stop(): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    clearInterval(this.#timer);
    await this.#post({ k: 'bye', h: this.#host });
  }

  /** A change made by one of this host's channels (the hub calls it). */
  local(key: string, diff: Diff): void {
    if (!this.#running) return;
    void this.#post({ k: 'diff', h: this.#host, s: ++this.#seq, key, joins: diff.joins, leaves: diff.leaves });
  }

  /** A message from another host, as the feed hands it over (checked here: it is only JSON). */
  receive(message: unknown): void {
    if (!this.#running || !isRecord(message) || typeof message.h !== 'string' || message.h === this.#host) return;
    const from = message.h;
    if (this.#departed.has(from)) return;
    const now = this.#now();
    switch (message.k) {
      case 'hello': {
        // A host that starts has nothing yet: its state is known, empty, at number 0.
        const peer = this.#peer(from, now);
        if (peer.seq === null) peer.seq = 0;
        this.#drain(from, peer);
        this.#answer(from);
        return;
      }
      case 'ask':
        if (message.to === this.#host) this.#answer(from);
        this.#peer(from, now);
        return;
      case 'hb': {
        const peer = this.#peer(from, now);
        if (isSeq(message.s)) peer.announced = Math.max(peer.announced, message.s);
        return;
      }
      case 'diff': {
        if (!isSeq(message.s) || typeof message.key !== 'string' || !isTopicKey(message.key)) return;
        const peer = this.#peer(from, now);
        peer.announced = Math.max(peer.announced, message.s);
        if (peer.seq !== null && message.s <= peer.seq) return;
        peer.waiting.set(message.s, {
          k: 'diff',
          h: from,
          s: message.s,
          key: message.key,
          joins: toPresenceMap(message.joins),
          leaves: toPresenceMap(message.leaves),
        });
        this.#drain(from, peer);
        if (peer.waiting.size > MAX_WAITING) {
          // Too far behind to catch up diff by diff: its whole state will come instead.
          peer.waiting.clear();
          peer.seq = null;
        }
        return;
      }
      case 'state': {
        if (message.to !== this.#host || !isSeq(message.s) || !isRecord(message.topics)) return;
        const peer = this.#peer(from, now);
        if (peer.seq !== null && message.s < peer.seq) return;
        const topics: Record<string, PresenceMap> = {};
        for (const [key, state] of Object.entries(message.topics)) {
          if (isTopicKey(key)) topics[key] = toPresenceMap(state);
        }
        this.#hub.replaceRemote(from, topics);
        peer.seq = message.s;
        peer.announced = Math.max(peer.announced, message.s);
        this.#drain(from, peer);
        return;
      }
      case 'bye':
        this.#drop(from);
        this.#departed.set(from, now);
        return;
      default:
        return;
    }
  }

  #newPeer(now: number): Peer {
    return { seq: null, announced: 0, waiting: new Map(), seen: now, behindSince: null, askedAt: -Infinity };
  }

  /**
   * The peer `from`. One not known yet has an unknown state: its answer to this host's hello may
   * be on its way; if it is not there by the next heartbeats, the tick asks for it.
   */
  #peer(from: string, now: number): Peer {
    let peer = this.#peers.get(from);
    if (!peer) {
      peer = this.#newPeer(now);
      this.#peers.set(from, peer);
    }
    peer.seen = now;
    return peer;
  }

  /** Applies the diffs that follow the last one applied, in order. */
  #drain(from: string, peer: Peer): void {
    if (peer.seq === null) return;
    for (const s of peer.waiting.keys()) if (s <= peer.seq) peer.waiting.delete(s);
    for (let next = peer.waiting.get(peer.seq + 1); next; next = peer.waiting.get(peer.seq + 1)) {
      peer.waiting.delete(next.s);
      peer.seq = next.s;
      this.#hub.applyRemote(from, next.key, { joins: next.joins, leaves: next.leaves });
    }
  }

  #answer(to: string): void {
    void this.#post({ k: 'state', h: this.#host, to, s: this.#seq, topics: this.#hub.localPresence() });
  }

  #ask(to: string, peer: Peer, now: number): void {
    peer.askedAt = now;
    void this.#post({ k: 'ask', h: this.#host, to });
  }

  #drop(host: string): void {
    if (this.#peers.delete(host)) this.#hub.replaceRemote(host, {});
  }

  #tick(): void {
    const now = this.#now();
    void this.#post({ k: 'hb', h: this.#host, s: this.#seq });
    for (const [host, peer] of this.#peers) {
      if (now - peer.seen >= 3 * this.#interval) {
        this.#drop(host);
        continue;
      }
      // Behind it (a lost NOTIFY, an unanswered question) for a whole interval: ask for its state.
      const behind = peer.seq === null || peer.seq < peer.announced;
      if (!behind) peer.behindSince = null;
      else if (peer.behindSince === null) peer.behindSince = now;
      else if (now - peer.behindSince >= this.#interval && now - peer.askedAt >= this.#interval) {
        this.#ask(host, peer, now);
      }
    }
    for (const [host, at] of this.#departed) {
      if (now - at > DEPARTED_INTERVALS * this.#interval) this.#departed.delete(host);
    }
  }

  #post(message: PresenceMessage): Promise<void> {
    this.#outbox = this.#outbox
      .then(() => this.#send(message))
      .catch((err: unknown) => console.error(`realtime: presence relay (${message.k}) failed`, err));
    return this.#outbox;
  }
}
