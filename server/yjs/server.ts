import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { hs256Verifier } from '../../edge/auth/jwt.ts';
import type { HostDatabase } from '../db/types.ts';
import { WEBSOCKET_PATH as REALTIME_PATH } from '../realtime/service.ts';
import type { Identity } from '../realtime/tokens.ts';
import { cohortNoteLock, type DocumentAccess, documentAccess } from './access.ts';
import { documentOf, identityOf, type Refusal, YJS_PATH_PREFIX } from './auth.ts';
import { openJournal } from './journal.ts';
import { createJournaledStore } from './journaled-store.ts';
import { COMPACT_AFTER, createPgYjsStore } from './pg-store.ts';
import {
  awarenessMessage,
  CLOSE_INVALID,
  CLOSE_POLICY,
  CLOSE_UNSUPPORTED,
  decodeFrame,
  type Frame,
  FrameError,
  newPart,
  syncStep1,
  syncStep2,
} from './protocol.ts';
import { type LockRead, Room, send } from './room.ts';
import type { YjsStore } from './store.ts';

export const DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;
/** Behind the journal, database writes gather this long's updates into one transaction. */
const JOURNALED_LINGER_MS = 25;
const PING_MS = 30_000;

export interface YjsServerOptions {
  db: HostDatabase;
  jwtSecret: string;
  /** Default: private.yjs_updates in `db` (createPgYjsStore), behind the journal when journalDir is set. */
  store?: YjsStore & { idle?(): Promise<void>; close?(): Promise<void> };
  /**
   * A folder for the local journal (journal.ts; the host's is DATA_DIR/yjs-journal): an update is
   * shared once it is journaled, and stored in the database right after. Without one, each update
   * is shared only once the database has it.
   */
  journalDir?: string;
  /** Larger frames close their connection with 1009. Default 1 MiB (YJS_MAX_MESSAGE_BYTES). */
  maxMessageBytes?: number;
  /**
   * A cohort note can be locked while learners have it open. A change of the lock is notified by
   * the database (channel `cohort_note_lock`): the server reads that note's lock again at once.
   * As a backstop (a notification lost while the listening connection was down), a write also
   * reads the lock again when it was read more than this ago (once per document, whoever writes).
   * A writer whose last access check predates a change of the lock is checked again before the
   * write. Default 30 s.
   */
  accessTtlMs?: number;
  /** A writer's access is checked again at least this often (an enrollment may end). Default 30 s. */
  accessRecheckMs?: number;
}

export interface YjsServer {
  /** Serves WebSocket upgrades at /yjs/<document> on this HTTP server. */
  attach(server: Pick<Server, 'on' | 'listenerCount'>): void;
  /** Documents in memory (each unloaded when its last client leaves). */
  readonly documents: number;
  close(): Promise<void>;
}

interface Conn {
  ws: WebSocket;
  room: Room;
  identity: Identity;
  access: DocumentAccess;
  /**
   * When the access is checked again at the latest: between half of accessRecheckMs and all of it
   * after the last check, at random, so that sockets opened together are not checked together.
   */
  recheckAt: number;
  /** The cohort note's lock at the last access check (undefined: not seen yet). */
  lock?: string | null;
  /** Frames are handled one after the other: an update is persisted before the next is read. */
  queue: Promise<void>;
  /** Closed for a bad frame: whatever it still had queued is dropped. */
  dead: boolean;
  alive: boolean;
  expiry?: ReturnType<typeof setTimeout>;
}

const REASONS: Record<Refusal['status'], string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

function refuse(socket: Duplex, refusal: Refusal): void {
  const body = JSON.stringify({ error: { code: refusal.code, message: refusal.message } });
  socket.end(
    `HTTP/1.1 ${refusal.status} ${REASONS[refusal.status]}\r\ncontent-type: application/json\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

const toBytes = (data: RawData): Uint8Array => {
  const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
};

/**
 * The shared-notes server (y-websocket's protocol, as @y/websocket-server's utils speak it):
 * the token and the document are checked before the upgrade (401/403/404 as plain HTTP, no
 * document data); read-only sockets receive but their updates are dropped; every update is
 * persisted (awaited: journaled, or in the database) before it is applied and broadcast; bad
 * frames close only their socket.
 */
export function createYjsServer(opts: YjsServerOptions): YjsServer {
  const verifier = hs256Verifier(opts.jwtSecret);
  const store: YjsStore & { idle?(): Promise<void>; close?(): Promise<void> } =
    opts.store ??
    (opts.journalDir
      ? createJournaledStore(
          createPgYjsStore(opts.db, COMPACT_AFTER, JOURNALED_LINGER_MS),
          openJournal(opts.journalDir),
        )
      : createPgYjsStore(opts.db));
  const accessTtlMs = opts.accessTtlMs ?? 30_000;
  const accessRecheckMs = opts.accessRecheckMs ?? 30_000;
  const rooms = new Map<string, Room>();
  const conns = new Map<WebSocket, Conn>();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: opts.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
  });
  let closing = false;

  const ping = setInterval(() => {
    for (const conn of conns.values()) {
      if (!conn.alive) conn.ws.terminate();
      else {
        conn.alive = false;
        conn.ws.ping();
      }
    }
  }, PING_MS);
  ping.unref?.();

  function roomOf(name: string): Room {
    let room = rooms.get(name);
    if (!room) {
      const created = new Room(name, store);
      created.ready.catch((err: unknown) => {
        console.error(`yjs: loading ${name} failed`, err);
        if (rooms.get(name) === created) rooms.delete(name);
      });
      rooms.set(name, created);
      room = created;
    }
    return room;
  }

  function kill(conn: Conn, code: number, reason: string): void {
    conn.dead = true;
    conn.ws.close(code, reason);
  }

  const recheckAt = () => Date.now() + accessRecheckMs * (0.5 + Math.random() / 2);

  /** Reads the room's lock; `room.lock` takes the value once it arrives (unless a later read's did). */
  function readLock(room: Room): LockRead {
    const read = { readAt: Date.now(), value: cohortNoteLock(opts.db, room.name) };
    room.lockRead = read;
    read.value
      .then(
        () => {
          if (!room.lock || room.lock.readAt <= read.readAt) room.lock = read;
        },
        () => {},
      )
      .finally(() => {
        if (room.lockRead === read) room.lockRead = undefined;
      });
    return read;
  }

  // A lock changed: that note's room (if open) reads it again now.
  const listening = opts.db
    .listen('cohort_note_lock', (lessonId) => {
      const room = rooms.get(`cohort-note:${lessonId}`);
      if (room) readLock(room);
    })
    .catch((err: unknown) => {
      console.error('yjs: not listening for cohort note locks; they apply within accessTtlMs', err);
      return async () => {};
    });

  /**
   * The room's cohort-note lock as read less than accessTtlMs ago, whoever asks: the last read, or
   * the one under way, or a new one.
   */
  function lockOf(room: Room): Promise<string | null> {
    const now = Date.now();
    const known = room.lock;
    if (known && now - known.readAt < accessTtlMs) return known.value;
    const pending = room.lockRead;
    return (pending && now - pending.readAt < accessTtlMs ? pending : readLock(room)).value;
  }

  /**
   * A cohort note may have been locked since the last check (a private note's access is fixed):
   * the access is checked again when the note's lock changed since then, or the check is old.
   */
  async function mayWrite(conn: Conn): Promise<boolean> {
    // Read-only on a cohort note may be the lock: an unlock gives the write back.
    if (!conn.room.name.startsWith('cohort-note:')) return conn.access === 'write';
    const lock = await lockOf(conn.room);
    if (lock !== conn.lock || Date.now() >= conn.recheckAt) {
      conn.access = await documentAccess(opts.db, conn.identity, conn.room.name);
      conn.lock = lock;
      conn.recheckAt = recheckAt();
      if (!conn.access) kill(conn, CLOSE_POLICY, 'access revoked');
    }
    return conn.access === 'write';
  }

  async function handle(conn: Conn, frame: Frame): Promise<void> {
    const { ws, room } = conn;
    switch (frame.kind) {
      case 'sync-step1':
        send(ws, syncStep2(room.doc, frame.stateVector));
        return;
      case 'update': {
        if (!(await mayWrite(conn))) return; // read-only: dropped; the socket still receives
        const part = newPart(room.doc, frame.update);
        if (!part) return;
        await store.append(room.name, part);
        Y.applyUpdate(room.doc, part, ws);
        return;
      }
      case 'awareness':
        try {
          room.applyAwareness(ws, frame.update);
        } catch {
          throw new FrameError(CLOSE_INVALID, 'malformed awareness update');
        }
        return;
      case 'query-awareness':
        send(ws, awarenessMessage(room.awareness, [...room.awareness.getStates().keys()]));
        return;
    }
  }

  function receive(conn: Conn, data: RawData, isBinary: boolean) {
    if (conn.dead) return;
    if (!isBinary) return kill(conn, CLOSE_UNSUPPORTED, 'binary frames only');
    let frame: Frame;
    try {
      frame = decodeFrame(toBytes(data));
    } catch (err) {
      return kill(conn, err instanceof FrameError ? err.code : CLOSE_INVALID, 'malformed frame');
    }
    conn.queue = conn.queue.then(async () => {
      if (conn.dead) return;
      try {
        await handle(conn, frame);
      } catch (err) {
        if (err instanceof FrameError) return kill(conn, err.code, err.message);
        console.error(`yjs: ${conn.room.name}: a frame failed`, err);
        kill(conn, 1011, 'server error');
      }
    });
  }

  function connect(ws: WebSocket, name: string, identity: Identity, exp: number | undefined, access: DocumentAccess) {
    const room = roomOf(name);
    room.conns.set(ws, new Set());
    const conn: Conn = {
      ws,
      room,
      identity,
      access,
      recheckAt: recheckAt(),
      queue: room.ready,
      dead: false,
      alive: true,
    };
    conns.set(ws, conn);
    conn.queue = room.ready.then(
      () => {
        send(ws, syncStep1(room.doc));
        const states = [...room.awareness.getStates().keys()];
        if (states.length) send(ws, awarenessMessage(room.awareness, states));
      },
      () => kill(conn, 1011, 'document unavailable'),
    );
    if (exp !== undefined) {
      const ms = exp * 1000 - Date.now();
      if (ms < 2 ** 31 - 1) conn.expiry = setTimeout(() => kill(conn, CLOSE_POLICY, 'token expired'), Math.max(0, ms));
    }
    ws.on('message', (data, isBinary) => receive(conn, data, isBinary));
    ws.on('pong', () => {
      conn.alive = true;
    });
    // ws closes the socket itself after a protocol error (1009 for a frame over the cap).
    ws.on('error', () => {});
    ws.on('close', () => {
      conn.dead = true;
      clearTimeout(conn.expiry);
      // After what it sent is persisted: a room unloads only once no write is in flight.
      void conn.queue.finally(() => {
        conns.delete(ws);
        if (room.leave(ws)) {
          if (rooms.get(name) === room) {
            rooms.delete(name);
            store.release?.(name);
          }
          room.destroy();
        }
      });
    });
  }

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://yjs.invalid');
    const name = documentOf(url.pathname);
    if (!name) return refuse(socket, { status: 404, code: 'document_not_found', message: 'no such document' });
    const who = await identityOf(verifier, url.searchParams.get('token'));
    if ('status' in who) return refuse(socket, who);
    const access = await documentAccess(opts.db, who.identity, name);
    if (!access)
      return refuse(socket, { status: 403, code: 'forbidden', message: 'this document is not yours to open' });
    if (closing) return void socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => connect(ws, name, who.identity, who.exp, access));
  }

  return {
    attach(server) {
      server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
        const path = new URL(req.url ?? '/', 'http://yjs.invalid').pathname;
        if (!path.startsWith(YJS_PATH_PREFIX)) {
          // Realtime answers its own path; any other path has no WebSocket.
          if (path !== REALTIME_PATH || server.listenerCount('upgrade') === 1) {
            socket.on('error', () => socket.destroy());
            refuse(socket, { status: 404, code: 'not_found', message: 'no WebSocket here' });
          }
          return;
        }
        socket.on('error', () => socket.destroy());
        upgrade(req, socket, head).catch((err: unknown) => {
          console.error('yjs: upgrade failed', err);
          socket.destroy();
        });
      });
    },
    get documents() {
      return rooms.size;
    },
    async close() {
      if (closing) return;
      closing = true;
      clearInterval(ping);
      const pending = [...conns.values()].map((c) => c.queue);
      for (const ws of conns.keys()) ws.terminate();
      await Promise.allSettled(pending);
      wss.close();
      await (await listening)();
      await (store.close ? store.close() : store.idle?.());
    },
  };
}
