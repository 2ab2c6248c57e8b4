import type { WebSocket } from 'ws';
import type { JwtVerifier } from '../../edge/auth/jwt.ts';
import type { HostDatabase } from '../db/types.ts';
import { type Access, authorize, FULL_ACCESS } from './authorize.ts';
import { type BroadcastMessage, decodeBinary, decodeText, encode, type Frame, reply } from './frames.ts';
import { type Hub, type Subscriber, topicKey } from './hub.ts';
import { REASONS, type RealtimeLimits, SlidingWindow } from './limits.ts';
import { type Identity, TokenError, verifyToken } from './tokens.ts';

/** What every connection shares. `publish` delivers on this host and relays to the others. */
export interface RealtimeContext {
  db: HostDatabase;
  verifier: JwtVerifier;
  hub: Hub;
  limits: RealtimeLimits;
  publish(isPrivate: boolean, subTopic: string, message: BroadcastMessage, except?: Subscriber): void;
  now(): number;
}

const TOPIC_PREFIX = 'realtime:';
/** Frames of one connection waiting to be handled before it counts as a flood. */
const MAX_WAITING_FRAMES = 1000;
/** setTimeout's ceiling; a token living longer is checked again on its next join. */
const MAX_TIMER_MS = 2_147_483_647;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

interface ChannelInit {
  id: string;
  topic: string;
  sub: string;
  joinRef: string | null;
  isPrivate: boolean;
  self: boolean;
  ack: boolean;
  presenceKey: string;
  token: string;
  identity: Identity;
  access: Access;
  deliver: (data: string | Uint8Array, binary?: boolean) => void;
  presenceCalls: SlidingWindow;
}

/** One joined channel of one connection. */
class Channel implements Subscriber {
  readonly id: string;
  readonly topic: string;
  readonly sub: string;
  readonly joinRef: string | null;
  readonly isPrivate: boolean;
  readonly self: boolean;
  readonly ack: boolean;
  readonly presenceKey: string;
  readonly key: string;
  readonly deliver: (data: string | Uint8Array, binary?: boolean) => void;
  token: string;
  identity: Identity;
  access: Access;
  presenceStateSent = false;
  expiry: ReturnType<typeof setTimeout> | undefined;
  /** Presence calls are counted per channel, as Supabase counts them (5 in 30 s by default). */
  readonly presenceCalls: SlidingWindow;

  constructor(init: ChannelInit) {
    this.id = init.id;
    this.topic = init.topic;
    this.sub = init.sub;
    this.joinRef = init.joinRef;
    this.isPrivate = init.isPrivate;
    this.self = init.self;
    this.ack = init.ack;
    this.presenceKey = init.presenceKey;
    this.key = topicKey(init.sub, init.isPrivate);
    this.deliver = init.deliver;
    this.token = init.token;
    this.identity = init.identity;
    this.access = init.access;
    this.presenceCalls = init.presenceCalls;
  }
}

let connections = 0;

/**
 * One WebSocket speaking the Phoenix protocol subset of Supabase Realtime: heartbeat, join
 * (with authorization of private channels), leave, access_token, broadcast and presence.
 * Frames are handled one after another, in the order they came; a frame that is not a
 * Phoenix message is ignored, so garbage never reaches past the decoder.
 */
export class Connection {
  readonly #id = `c${++connections}`;
  readonly #channels = new Map<string, Channel>();
  readonly #messages: SlidingWindow;
  #queue: Promise<void> = Promise.resolve();
  #waiting = 0;
  #closed = false;
  /** When the client last sent a frame (realtime-js sends a heartbeat every 25 s). */
  lastSeen: number;

  readonly #ctx: RealtimeContext;
  readonly #ws: WebSocket;
  readonly #apikey: string;
  readonly #binary: boolean;

  /** `binary`: the client speaks vsn 2.0.0 and reads binary broadcast frames. */
  constructor(ctx: RealtimeContext, ws: WebSocket, apikey: string, binary: boolean) {
    this.#ctx = ctx;
    this.#ws = ws;
    this.#apikey = apikey;
    this.#binary = binary;
    this.lastSeen = ctx.now();
    this.#messages = new SlidingWindow(ctx.limits.messagesPerSecond, 1000, ctx.now);
  }

  /** Sends a frame, or drops the socket when the peer does not read fast enough. */
  send = (data: string | Uint8Array, binary = typeof data !== 'string'): void => {
    if (this.#closed || this.#ws.readyState !== this.#ws.OPEN) return;
    if (binary && !this.#binary) return;
    if (this.#ws.bufferedAmount > this.#ctx.limits.socketBufferBytes) {
      this.#ws.terminate();
      return;
    }
    this.#ws.send(data, { binary });
  };

  receive(data: Buffer, isBinary: boolean): void {
    this.lastSeen = this.#ctx.now();
    const frame: (Frame & { bytes?: Uint8Array }) | null = isBinary
      ? decodeBinary(data)
      : decodeText(data.toString('utf8'));
    if (!frame) return;
    // Frames wait their turn behind a join's database round trip; a client that keeps sending
    // while they pile up is dropped rather than queued without bound.
    if (++this.#waiting > MAX_WAITING_FRAMES) {
      this.#ws.terminate();
      return;
    }
    const bytes = frame.bytes;
    this.#queue = this.#queue
      .then(() => this.#handle(frame, data.byteLength, bytes))
      .catch((err: unknown) => {
        console.error('realtime: frame failed', err);
        if (frame.ref !== null) {
          this.send(reply(frame.joinRef, frame.ref, frame.topic, 'error', { reason: 'internal error' }));
        }
      })
      .finally(() => {
        this.#waiting--;
      });
  }

  close(): void {
    this.#closed = true;
    for (const channel of this.#channels.values()) this.#drop(channel);
  }

  async #handle(frame: Frame, size: number, bytes?: Uint8Array): Promise<void> {
    if (this.#closed) return;
    if (frame.topic === 'phoenix' && frame.event === 'heartbeat') {
      this.send(reply(null, frame.ref, 'phoenix', 'ok'));
      return;
    }
    if (frame.event === 'phx_join') return this.#join(frame);
    const channel = this.#channels.get(frame.topic);
    if (!channel || (frame.joinRef !== null && frame.joinRef !== channel.joinRef)) {
      if (frame.ref !== null) {
        this.send(reply(frame.joinRef, frame.ref, frame.topic, 'error', { reason: REASONS.unmatchedTopic }));
      }
      return;
    }
    switch (frame.event) {
      case 'phx_leave':
        this.#drop(channel);
        this.send(reply(frame.joinRef, frame.ref, frame.topic, 'ok'));
        return;
      case 'access_token':
        return this.#refresh(channel, frame.payload.access_token);
      case 'broadcast':
        return this.#broadcast(channel, frame, size, bytes);
      case 'presence':
        return this.#track(channel, frame, size);
      default:
        return;
    }
  }

  async #join(frame: Frame): Promise<void> {
    const fail = (reason: string) => this.send(reply(frame.joinRef, frame.ref, frame.topic, 'error', { reason }));
    const sub = frame.topic.startsWith(TOPIC_PREFIX) ? frame.topic.slice(TOPIC_PREFIX.length) : '';
    if (!sub || Buffer.byteLength(frame.topic) > 255) return fail(REASONS.topicRequired);
    const existing = this.#channels.get(frame.topic);
    if (existing) {
      // A second join of one topic replaces the first, as Phoenix does.
      this.#drop(existing);
      this.send(
        encode({
          joinRef: existing.joinRef,
          ref: existing.joinRef,
          topic: frame.topic,
          event: 'phx_close',
          payload: {},
        }),
      );
    }
    if (this.#channels.size >= this.#ctx.limits.channelsPerConnection) return fail(REASONS.tooManyChannels);

    const config = isRecord(frame.payload.config) ? frame.payload.config : {};
    const broadcast = isRecord(config.broadcast) ? config.broadcast : {};
    const presence = isRecord(config.presence) ? config.presence : {};
    const token = typeof frame.payload.access_token === 'string' ? frame.payload.access_token : this.#apikey;
    let verified: Awaited<ReturnType<typeof verifyToken>>;
    try {
      verified = await verifyToken(this.#ctx.verifier, token, this.#ctx.now);
    } catch (err) {
      if (err instanceof TokenError) return fail(err.reason);
      throw err;
    }
    const isPrivate = config.private === true;
    const access = isPrivate ? await authorize(this.#ctx.db, verified.identity, sub) : FULL_ACCESS;
    if (!access.broadcast.read) return fail(`Unauthorized: ${REASONS.cannotRead(sub)}`);
    if (this.#closed) return;

    const presenceKey =
      typeof presence.key === 'string' && presence.key !== '' ? presence.key.slice(0, 255) : crypto.randomUUID();
    const channel = new Channel({
      id: `${this.#id}:${frame.joinRef ?? frame.ref}`,
      topic: frame.topic,
      sub,
      joinRef: frame.joinRef,
      isPrivate,
      self: broadcast.self === true,
      ack: broadcast.ack === true,
      presenceKey,
      token,
      identity: verified.identity,
      access,
      deliver: this.send,
      presenceCalls: new SlidingWindow(
        this.#ctx.limits.presenceCalls,
        this.#ctx.limits.presenceWindowMs,
        this.#ctx.now,
      ),
    });
    this.#channels.set(frame.topic, channel);
    this.#ctx.hub.subscribe(channel.key, channel);
    this.#watchExpiry(channel, verified.exp);

    this.send(reply(frame.joinRef, frame.ref, frame.topic, 'ok', { postgres_changes: [] }));
    const wanted = Array.isArray(config.postgres_changes) ? config.postgres_changes.length : 0;
    if (wanted > 0) {
      this.#system(
        channel,
        'postgres_changes',
        'error',
        'postgres_changes is not served here: use broadcast (realtime.send)',
      );
    }
    if (presence.enabled === true) this.#sendPresenceState(channel);
  }

  async #refresh(channel: Channel, token: unknown): Promise<void> {
    if (typeof token !== 'string' || token === channel.token) return;
    let verified: Awaited<ReturnType<typeof verifyToken>>;
    try {
      verified = await verifyToken(this.#ctx.verifier, token, this.#ctx.now);
    } catch (err) {
      if (err instanceof TokenError) return this.#shutdown(channel, err.message);
      throw err;
    }
    const access = channel.isPrivate ? await authorize(this.#ctx.db, verified.identity, channel.sub) : FULL_ACCESS;
    if (this.#channels.get(channel.topic) !== channel) return;
    if (!access.broadcast.read) return this.#shutdown(channel, REASONS.cannotRead(channel.sub));
    channel.token = token;
    channel.identity = verified.identity;
    channel.access = access;
    this.#watchExpiry(channel, verified.exp);
  }

  #broadcast(channel: Channel, frame: Frame, size: number, bytes?: Uint8Array): void {
    const fail = (reason: string) => {
      if (frame.ref !== null) this.send(reply(frame.joinRef, frame.ref, frame.topic, 'error', { reason }));
    };
    const { event } = frame.payload;
    if (typeof event !== 'string' || event.length === 0 || Buffer.byteLength(event) > 255) {
      fail('a broadcast needs an event name (1 to 255 bytes)');
      return;
    }
    if (!this.#messages.hit()) {
      this.#shutdown(channel, REASONS.tooManyMessages);
      return;
    }
    const payloadSize = bytes
      ? bytes.byteLength
      : size > this.#ctx.limits.payloadBytes
        ? jsonSize(frame.payload.payload)
        : 0;
    if (payloadSize > this.#ctx.limits.payloadBytes) {
      fail(REASONS.payloadTooLarge);
      return;
    }
    if (!channel.access.broadcast.write) {
      fail(`Unauthorized: ${REASONS.cannotWrite(channel.sub)}`);
      return;
    }
    const message: BroadcastMessage = bytes ? { event, bytes } : { event, payload: frame.payload.payload };
    this.#ctx.publish(channel.isPrivate, channel.sub, message, channel.self ? undefined : channel);
    if (channel.ack) this.send(reply(frame.joinRef, frame.ref, frame.topic, 'ok'));
  }

  #track(channel: Channel, frame: Frame, size: number): void {
    const answer = (status: 'ok' | 'error', reason?: string) =>
      this.send(reply(frame.joinRef, frame.ref, frame.topic, status, reason ? { reason } : {}));
    const event = typeof frame.payload.event === 'string' ? frame.payload.event.toLowerCase() : '';
    if (event !== 'track' && event !== 'untrack') {
      answer('error', 'presence events are track and untrack');
      return;
    }
    // Supabase closes the channel (a `system` error, then phx_close) on both of these.
    if (!channel.presenceCalls.hit()) {
      this.#shutdown(channel, REASONS.presenceRate);
      return;
    }
    if (size > this.#ctx.limits.payloadBytes && jsonSize(frame.payload.payload) > this.#ctx.limits.payloadBytes) {
      this.#shutdown(channel, REASONS.trackTooLarge);
      return;
    }
    if (event === 'track' && frame.payload.payload !== undefined && !isRecord(frame.payload.payload)) {
      answer('error', REASONS.presenceNotMap);
      return;
    }
    if (!channel.access.presence.write) {
      answer('error', `Unauthorized: ${REASONS.cannotWrite(channel.sub)}`);
      return;
    }
    if (!channel.presenceStateSent) this.#sendPresenceState(channel);
    if (event === 'track') {
      const payload = isRecord(frame.payload.payload) ? frame.payload.payload : {};
      this.#ctx.hub.track(channel.key, channel.topic, channel, channel.presenceKey, payload);
    } else {
      this.#ctx.hub.untrack(channel.key, channel.topic, channel, channel.presenceKey);
    }
    answer('ok');
  }

  #sendPresenceState(channel: Channel): void {
    channel.presenceStateSent = true;
    if (!channel.access.presence.read) return;
    const state = this.#ctx.hub.presenceState(channel.key);
    this.send(
      encode({ joinRef: channel.joinRef, ref: null, topic: channel.topic, event: 'presence_state', payload: state }),
    );
  }

  #watchExpiry(channel: Channel, exp: number | undefined): void {
    clearTimeout(channel.expiry);
    channel.expiry = undefined;
    if (exp === undefined) return;
    const ms = exp * 1000 - this.#ctx.now();
    if (ms > MAX_TIMER_MS) return;
    channel.expiry = setTimeout(
      () => {
        this.#queue = this.#queue.then(() => {
          if (this.#channels.get(channel.topic) === channel) this.#shutdown(channel, REASONS.expired(0));
        });
      },
      Math.max(0, ms),
    );
    channel.expiry.unref?.();
  }

  #system(channel: Channel, extension: string, status: 'ok' | 'error', message: string): void {
    this.send(
      encode({
        joinRef: channel.joinRef,
        ref: null,
        topic: channel.topic,
        event: 'system',
        payload: { extension, status, message, channel: channel.sub },
      }),
    );
  }

  /** Closes one channel from the server's side: a `system` error with the reason, then `phx_close`. */
  #shutdown(channel: Channel, message: string): void {
    this.#system(channel, 'system', 'error', message);
    this.#drop(channel);
    this.send(
      encode({ joinRef: channel.joinRef, ref: channel.joinRef, topic: channel.topic, event: 'phx_close', payload: {} }),
    );
  }

  #drop(channel: Channel): void {
    clearTimeout(channel.expiry);
    if (this.#channels.get(channel.topic) === channel) this.#channels.delete(channel.topic);
    this.#ctx.hub.unsubscribe(channel.key, channel, channel.presenceKey, channel.topic);
  }
}

function jsonSize(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value ?? null));
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
