/**
 * Supabase Realtime's documented limits (free tier) are this service's contract; the error
 * texts are Supabase's own, so a client written against Supabase reads the same refusals here.
 */
export interface RealtimeLimits {
  /** Channels one connection may join at once. */
  channelsPerConnection: number;
  /** Bytes of one broadcast or presence payload. */
  payloadBytes: number;
  /** Presence track/untrack calls per channel in `presenceWindowMs`. */
  presenceCalls: number;
  presenceWindowMs: number;
  /** Messages (broadcast pushes) one connection may send per second. */
  messagesPerSecond: number;
  /** Bytes queued on a socket before it counts as a slow consumer and is dropped. */
  socketBufferBytes: number;
  /** Largest WebSocket frame accepted; a larger one closes that socket (1009), never the server. */
  frameBytes: number;
}

export const DEFAULT_LIMITS: RealtimeLimits = {
  channelsPerConnection: 100,
  payloadBytes: 256 * 1024,
  presenceCalls: 5,
  presenceWindowMs: 30_000,
  messagesPerSecond: 100,
  socketBufferBytes: 4 * 1024 * 1024,
  frameBytes: 1024 * 1024,
};

export const REASONS = {
  topicRequired: 'TopicNameRequired: You must provide a topic name',
  tooManyChannels: 'ChannelRateLimitReached: Too many channels',
  tooManyMessages: 'Too many messages per second',
  presenceRate: 'Client presence rate limit exceeded',
  trackTooLarge: 'Track message size exceeded',
  presenceNotMap: 'Presence track payload must be a map',
  payloadTooLarge: 'payload_size_exceeded',
  signature: 'JwtSignatureError: Failed to validate JWT signature',
  unmatchedTopic: 'unmatched topic',
  cannotRead: (topic: string) => `You do not have permissions to read from this Channel topic: ${topic}`,
  cannotWrite: (topic: string) => `You do not have permissions to write to this Channel topic: ${topic}`,
  expired: (secondsAgo: number) => `Token has expired ${secondsAgo} seconds ago`,
};

/** Events allowed in a sliding window: `hit()` is false once `max` were counted in the last `windowMs`. */
export class SlidingWindow {
  readonly #stamps: number[] = [];
  readonly #max: number;
  readonly #windowMs: number;
  readonly #now: () => number;

  constructor(max: number, windowMs: number, now: () => number = Date.now) {
    this.#max = max;
    this.#windowMs = windowMs;
    this.#now = now;
  }

  hit(): boolean {
    const t = this.#now();
    while (this.#stamps.length && this.#stamps[0]! <= t - this.#windowMs) this.#stamps.shift();
    if (this.#stamps.length >= this.#max) return false;
    this.#stamps.push(t);
    return true;
  }
}
