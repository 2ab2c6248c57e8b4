import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';

/**
 * y-websocket's WebsocketProvider on a Hocuspocus server (bench/notes.ts). @hocuspocus/provider
 * is not installed, and Hocuspocus speaks y-websocket's messages with two differences: every
 * frame starts with the document's name (one socket may carry many documents), and a document
 * is opened by an auth frame carrying the token (message type 2, Token). This socket, passed as
 * `WebSocketPolyfill`, bridges the two: it sends the auth frame on open, prefixes what the
 * provider sends, strips the prefix from what arrives, turns SyncReply (4) into Sync (0), and
 * drops what y-websocket has no handler for (Auth answers, SyncStatus acks, stateless).
 * The provider and the Y.Doc work is the same as against our server; the bridge adds one
 * varString and one copy per frame.
 */

const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const QUERY_AWARENESS = 3;
const SYNC_REPLY = 4;
const AUTH_TOKEN = 0;
const AUTH_PERMISSION_DENIED = 1;

/** The frame that opens `document` with `token` (as @hocuspocus/provider sends it). */
export function authFrame(document: string, token: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, document);
  encoding.writeVarUint(encoder, AUTH);
  encoding.writeVarUint(encoder, AUTH_TOKEN);
  encoding.writeVarString(encoder, token);
  return encoding.toUint8Array(encoder);
}

/** A y-websocket frame, addressed to `document`. */
export function wrapFrame(document: string, frame: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, document);
  encoding.writeUint8Array(encoder, frame);
  return encoding.toUint8Array(encoder);
}

export type Unwrapped = { kind: 'frame'; frame: Uint8Array } | { kind: 'denied'; reason: string } | { kind: 'skip' };

/** A Hocuspocus frame as y-websocket reads it, a refusal, or nothing y-websocket handles. */
export function unwrapFrame(data: Uint8Array): Unwrapped {
  const decoder = decoding.createDecoder(data);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type === AUTH) {
    if (decoding.readVarUint(decoder) !== AUTH_PERMISSION_DENIED) return { kind: 'skip' };
    return { kind: 'denied', reason: decoding.readVarString(decoder) };
  }
  if (type !== SYNC && type !== SYNC_REPLY && type !== AWARENESS && type !== QUERY_AWARENESS) return { kind: 'skip' };
  const rest = data.subarray(decoder.pos);
  const frame = new Uint8Array(rest.length + 1);
  frame[0] = type === SYNC_REPLY ? SYNC : type;
  frame.set(rest, 1);
  return { kind: 'frame', frame };
}

/** The part of the browser WebSocket that y-websocket uses, on `ws`, speaking Hocuspocus's framing. */
export class HocuspocusSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  binaryType = 'arraybuffer';
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: Uint8Array }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  private readonly ws: WebSocket;
  private readonly document: string;

  /** `url` is y-websocket's `<server>/<document>?token=<token>`. */
  constructor(url: string) {
    const parsed = new URL(url);
    this.document = decodeURIComponent(parsed.pathname.slice(parsed.pathname.lastIndexOf('/') + 1));
    const token = parsed.searchParams.get('token') ?? '';
    this.ws = new WebSocket(url, { perMessageDeflate: false });
    this.ws.on('open', () => {
      this.ws.send(authFrame(this.document, token));
      this.onopen?.();
    });
    this.ws.on('message', (data: Buffer) => {
      const out = unwrapFrame(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (out.kind === 'frame') this.onmessage?.({ data: out.frame });
      else if (out.kind === 'denied') this.onerror?.(new Error(`${this.document}: permission denied (${out.reason})`));
    });
    this.ws.on('close', (code: number, reason: Buffer) => this.onclose?.({ code, reason: reason.toString() }));
    this.ws.on('error', (err: Error) => this.onerror?.(err));
  }

  get readyState(): number {
    return this.ws.readyState;
  }

  send(frame: Uint8Array): void {
    this.ws.send(wrapFrame(this.document, frame));
  }

  close(code?: number, reason?: string): void {
    this.ws.close(code, reason);
  }
}
