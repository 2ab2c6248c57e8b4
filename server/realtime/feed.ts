import { randomUUID } from 'node:crypto';
import type { HostDatabase } from '../db/types.ts';
import type { BroadcastMessage } from './frames.ts';
import { type Hub, topicKey } from './hub.ts';

/** The NOTIFY channel of supabase/compat/30_realtime.sql: a committed realtime.messages row id. */
export const MESSAGES_CHANNEL = 'lms_realtime';
/** Broadcasts one host relays to the others on the same PostgreSQL. */
export const RELAY_CHANNEL = 'lms_realtime_relay';
/** NOTIFY payloads must stay under 8000 bytes; a larger relay goes through a row. */
const NOTIFY_BYTES = 7900;
/** Rows written to relay a large broadcast carry one of these extensions instead of 'broadcast'. */
const RELAY_JSON = 'lms_relay';
const RELAY_BINARY = 'lms_relay_binary';
/** A presence message between hosts (presence-relay.ts) too large for a NOTIFY. */
const RELAY_PRESENCE = 'lms_presence';

interface Row {
  id: string;
  topic: string;
  extension: string;
  event: string | null;
  payload: unknown;
  private: boolean | null;
}

interface Relayed {
  h: string;
  /** Set on presence messages (presence-relay.ts) only. */
  k?: string;
  p: boolean;
  t: string;
  e: string;
  d?: unknown;
  b?: string;
}

export interface FeedOptions {
  /**
   * How long a delivered row stays, so that every host on the database reads it first. 0 (one
   * host: PGlite) deletes each row as soon as it is delivered.
   */
  graceMs: number;
  /** Gets the presence messages the other hosts relay. */
  onPresence?: (message: unknown) => void;
}

interface RelayRow {
  topic: string;
  extension: string;
  event: string;
  /** JSON text. */
  payload: string;
  private: boolean;
}

/**
 * Database-originated messages and the relay between hosts. Each committed row of
 * realtime.messages NOTIFYs its id; the feed reads the rows of a burst in one query as the
 * owner, fans them out to this host's subscribers and deletes them (at once on PGlite, after a
 * grace period on PostgreSQL, where other hosts read them too). Client broadcasts reach the
 * other hosts through NOTIFY on RELAY_CHANNEL (through a row when too large for a NOTIFY), and
 * so do the presence messages of presence-relay.ts.
 */
export class Feed {
  readonly #db: HostDatabase;
  readonly #hub: Hub;
  readonly #graceMs: number;
  readonly #onPresence: ((message: unknown) => void) | undefined;
  readonly #host = randomUUID();
  readonly #ownRows = new Set<string>();
  #pending: string[] = [];
  #flushing: Promise<void> | undefined;
  #stops: (() => Promise<void>)[] = [];
  #sweeper: ReturnType<typeof setInterval> | undefined;

  constructor(db: HostDatabase, hub: Hub, opts: FeedOptions) {
    this.#db = db;
    this.#hub = hub;
    this.#graceMs = opts.graceMs;
    this.#onPresence = opts.onPresence;
  }

  get relays(): boolean {
    return this.#graceMs > 0;
  }

  /** This host's id in what it relays. */
  get host(): string {
    return this.#host;
  }

  async start(): Promise<void> {
    this.#stops.push(await this.#db.listen(MESSAGES_CHANNEL, (id) => this.#enqueue(id)));
    if (this.relays) {
      this.#stops.push(await this.#db.listen(RELAY_CHANNEL, (text) => this.#relayed(text)));
      this.#sweeper = setInterval(() => void this.#sweep(), this.#graceMs);
      this.#sweeper.unref?.();
    }
    // Rows a previous run left behind (it stopped before delivering them) are stale now.
    await this.#sweep();
  }

  async stop(): Promise<void> {
    clearInterval(this.#sweeper);
    const stops = this.#stops;
    this.#stops = [];
    await Promise.all(stops.map((stop) => stop()));
    await this.#flushing;
  }

  /** Sends a client's broadcast to the other hosts (this host delivered it already). */
  async relay(isPrivate: boolean, subTopic: string, message: BroadcastMessage): Promise<void> {
    if (!this.relays) return;
    const relayed: Relayed = { h: this.#host, p: isPrivate, t: subTopic, e: message.event };
    if (message.bytes) relayed.b = Buffer.from(message.bytes).toString('base64');
    else relayed.d = message.payload;
    await this.#send(JSON.stringify(relayed), () => ({
      topic: subTopic,
      extension: message.bytes ? RELAY_BINARY : RELAY_JSON,
      event: message.event,
      payload: JSON.stringify(message.bytes ? relayed.b : (message.payload ?? null)),
      private: isPrivate,
    }));
  }

  /** Sends a presence message (presence-relay.ts) to the other hosts. It names its host (`h`). */
  async relayPresence(message: { h: string; k: string }): Promise<void> {
    if (!this.relays) return;
    const text = JSON.stringify(message);
    await this.#send(text, () => ({
      topic: RELAY_PRESENCE,
      extension: RELAY_PRESENCE,
      event: message.k,
      payload: text,
      private: false,
    }));
  }

  /** A NOTIFY on RELAY_CHANNEL, or the row `large()` makes when `text` is too large for one. */
  async #send(text: string, large: () => RelayRow): Promise<void> {
    if (Buffer.byteLength(text) <= NOTIFY_BYTES) {
      await this.#db.asOwner((sql) => sql.query('select pg_notify($1, $2)', [RELAY_CHANNEL, text]));
      return;
    }
    const row = large();
    const id = randomUUID();
    this.#ownRows.add(id);
    try {
      await this.#db.asOwner((sql) =>
        sql.query(
          `insert into realtime.messages (id, topic, extension, event, payload, private)
           values ($1, $2, $3, $4, $5::jsonb, $6)`,
          [id, row.topic, row.extension, row.event, row.payload, row.private],
        ),
      );
    } catch (err) {
      this.#ownRows.delete(id);
      throw err;
    }
  }

  #enqueue(id: string): void {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return;
    this.#pending.push(id);
    if (!this.#flushing) this.#flushing = this.#flush().finally(() => (this.#flushing = undefined));
  }

  async #flush(): Promise<void> {
    // Every NOTIFY that arrived in the same turn is read in one query.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.#pending.length) {
      const ids = this.#pending.splice(0, 500);
      try {
        const rows = await this.#db.asOwner((sql) =>
          sql.query<Row>(
            'select id, topic, extension, event, payload, private from realtime.messages where id = any($1::uuid[])',
            [ids],
          ),
        );
        for (const row of rows) this.#deliver(row);
        if (!this.relays) {
          await this.#db.asOwner((sql) => sql.query('delete from realtime.messages where id = any($1::uuid[])', [ids]));
        }
      } catch (err) {
        console.error('realtime: reading database messages failed', err);
      }
    }
  }

  #deliver(row: Row): void {
    if (this.#ownRows.delete(row.id) || row.event === null) return;
    if (row.extension === RELAY_PRESENCE) {
      this.#onPresence?.(row.payload);
      return;
    }
    const isPrivate = row.private !== false;
    let message: BroadcastMessage;
    if (row.extension === 'broadcast') message = { event: row.event, payload: row.payload, meta: { id: row.id } };
    else if (row.extension === RELAY_JSON) message = { event: row.event, payload: row.payload };
    else if (row.extension === RELAY_BINARY && typeof row.payload === 'string') {
      message = { event: row.event, bytes: Buffer.from(row.payload, 'base64') };
    } else return;
    this.#hub.broadcast(topicKey(row.topic, isPrivate), `realtime:${row.topic}`, message);
  }

  #relayed(text: string): void {
    let r: Relayed;
    try {
      r = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof r !== 'object' || r === null || r.h === this.#host) return;
    if (typeof r.k === 'string') {
      this.#onPresence?.(r);
      return;
    }
    if (typeof r.t !== 'string' || typeof r.e !== 'string') return;
    const message: BroadcastMessage =
      typeof r.b === 'string' ? { event: r.e, bytes: Buffer.from(r.b, 'base64') } : { event: r.e, payload: r.d };
    this.#hub.broadcast(topicKey(r.t, r.p === true), `realtime:${r.t}`, message);
  }

  async #sweep(): Promise<void> {
    try {
      await this.#db.asOwner((sql) =>
        sql.query('delete from realtime.messages where inserted_at < now()::timestamp - make_interval(secs => $1)', [
          (this.#graceMs || 60_000) / 1000,
        ]),
      );
    } catch (err) {
      console.error('realtime: sweeping delivered messages failed', err);
    }
  }
}
