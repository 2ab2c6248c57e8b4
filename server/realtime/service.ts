import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Hono } from 'hono';
import { type RawData, WebSocketServer } from 'ws';
import { hs256Verifier } from '../../edge/auth/jwt.ts';
import type { HostDatabase } from '../db/types.ts';
import { Connection, type RealtimeContext } from './connection.ts';
import { Feed } from './feed.ts';
import type { BroadcastMessage } from './frames.ts';
import { Hub, type Subscriber, topicKey } from './hub.ts';
import { DEFAULT_LIMITS, type RealtimeLimits } from './limits.ts';
import { PresenceRelay } from './presence-relay.ts';
import { realtimeRest } from './rest.ts';
import { TokenError, verifyToken } from './tokens.ts';

export const WEBSOCKET_PATH = '/realtime/v1/websocket';
/** A connection that sent nothing (not even a heartbeat) for this long is closed, as Phoenix does. */
const IDLE_MS = 60_000;

export interface RealtimeOptions {
  db: HostDatabase;
  jwtSecret: string;
  limits?: Partial<RealtimeLimits>;
  /** How long delivered database messages stay for other hosts (PostgreSQL); default 30 s. */
  graceMs?: number;
  /**
   * Several hosts on one PostgreSQL: how often each tells the others it is alive; a host not
   * heard from for 3 intervals is gone and its presences leave. Default 5 s.
   */
  presenceHeartbeatMs?: number;
}

export interface RealtimeService {
  /** The REST side, to mount at /realtime/v1. */
  readonly rest: Hono;
  readonly hub: Hub;
  /** Serves the WebSocket endpoint on this HTTP server's upgrades. */
  attach(server: Pick<Server, 'on' | 'listenerCount'>): void;
  close(): Promise<void>;
}

const toBuffer = (data: RawData): Buffer =>
  Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);

function refuse(socket: Duplex, status: number, reason: string, message: string): void {
  const body = JSON.stringify({ error: { code: reason, message } });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/**
 * The embedded Realtime service: the Phoenix/Supabase Realtime subset on WebSocket, the REST
 * broadcast endpoint, and the feed of database messages (LISTEN/NOTIFY), all on one hub.
 */
export async function createRealtime(opts: RealtimeOptions): Promise<RealtimeService> {
  const limits: RealtimeLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const verifier = hs256Verifier(opts.jwtSecret);
  // With several hosts, presence changes made here go to the others and theirs come here.
  let presence: PresenceRelay | undefined;
  const hub = new Hub((key, diff) => presence?.local(key, diff));
  const feed = new Feed(opts.db, hub, {
    graceMs: opts.db.kind === 'pglite' ? 0 : (opts.graceMs ?? 30_000),
    onPresence: (message) => presence?.receive(message),
  });
  await feed.start();
  if (feed.relays) {
    presence = new PresenceRelay({
      host: feed.host,
      hub,
      send: (message) => feed.relayPresence(message),
      heartbeatMs: opts.presenceHeartbeatMs ?? 5_000,
    });
    await presence.start();
  }

  const publish = (isPrivate: boolean, subTopic: string, message: BroadcastMessage, except?: Subscriber) => {
    hub.broadcast(topicKey(subTopic, isPrivate), `realtime:${subTopic}`, message, except);
    if (feed.relays) {
      feed.relay(isPrivate, subTopic, message).catch((err: unknown) => console.error('realtime: relay failed', err));
    }
  };
  const ctx: RealtimeContext = { db: opts.db, verifier, hub, limits, publish, now: Date.now };
  const rest = realtimeRest({ db: opts.db, verifier, limits, publish });

  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.frameBytes, perMessageDeflate: false });
  const live = new Map<import('ws').WebSocket, Connection>();
  const idle = setInterval(() => {
    const cutoff = Date.now() - IDLE_MS;
    for (const [ws, conn] of live) if (conn.lastSeen < cutoff) ws.terminate();
  }, IDLE_MS / 2);
  idle.unref?.();

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://realtime.invalid');
    const apikey = url.searchParams.get('apikey') ?? '';
    const vsn = url.searchParams.get('vsn') ?? '1.0.0';
    if (vsn !== '1.0.0' && vsn !== '2.0.0') return refuse(socket, 400, 'Bad Request', 'vsn must be 1.0.0 or 2.0.0');
    try {
      await verifyToken(verifier, apikey);
    } catch (err) {
      if (err instanceof TokenError) return refuse(socket, 403, 'Forbidden', err.reason);
      throw err;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const conn = new Connection(ctx, ws, apikey, vsn === '2.0.0');
      live.set(ws, conn);
      ws.on('message', (data, isBinary) => conn.receive(toBuffer(data), isBinary));
      ws.on('error', () => ws.terminate());
      ws.on('close', () => {
        live.delete(ws);
        conn.close();
      });
    });
  }

  let closing: Promise<void> | undefined;
  return {
    rest,
    hub,
    attach(server) {
      server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
        socket.on('error', () => socket.destroy());
        if (new URL(req.url ?? '/', 'http://realtime.invalid').pathname !== WEBSOCKET_PATH) {
          // Another service may serve this path; if none does, nobody will answer it.
          if (server.listenerCount('upgrade') === 1) refuse(socket, 404, 'Not Found', 'no WebSocket here');
          return;
        }
        upgrade(req, socket, head).catch((err: unknown) => {
          console.error('realtime: upgrade failed', err);
          socket.destroy();
        });
      });
    },
    close() {
      closing ??= shutdown();
      return closing;
    },
  };

  /** Once, however often close() is called. */
  async function shutdown(): Promise<void> {
    clearInterval(idle);
    // Goodbye first: the other hosts drop this host's presences at once.
    await presence?.stop();
    for (const ws of live.keys()) ws.terminate();
    wss.close();
    await feed.stop();
  }
}
