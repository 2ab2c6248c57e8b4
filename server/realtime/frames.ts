/**
 * Phoenix frames as realtime-js 2.x speaks them (serializer vsn 2.0.0).
 *
 * Text frames are JSON arrays `[join_ref, ref, topic, event, payload]`. A client broadcast
 * push may come as a binary frame, kind 3 (user broadcast push):
 *   u8 kind, u8 len(join_ref), u8 len(ref), u8 len(topic), u8 len(event), u8 len(meta),
 *   u8 encoding (0 binary, 1 JSON), then join_ref, ref, topic, event, meta (JSON), payload.
 * The server answers in JSON text, except a broadcast whose payload is binary: that goes out
 * as kind 4 (user broadcast): u8 kind, u8 len(topic), u8 len(event), u8 len(meta),
 * u8 encoding, then topic, event, meta, payload.
 */

export interface Frame {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: Record<string, unknown>;
}

/** A broadcast as it travels inside the server: a JSON payload, or bytes. */
export interface BroadcastMessage {
  event: string;
  payload?: unknown;
  bytes?: Uint8Array;
  meta?: Record<string, unknown>;
}

const PUSH = 3;
const USER_BROADCAST = 4;
const BINARY = 0;
const JSON_ENCODING = 1;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const refOf = (v: unknown): string | null | undefined => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
};

/** A text frame, or null when it is not a well-formed Phoenix message. */
export function decodeText(text: string): Frame | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 5) return null;
  const [joinRef, ref, topic, event, payload] = parsed;
  const jr = refOf(joinRef);
  const r = refOf(ref);
  if (jr === undefined || r === undefined || typeof topic !== 'string' || typeof event !== 'string') return null;
  if (!isRecord(payload)) return null;
  return { joinRef: jr, ref: r, topic, event, payload };
}

/** A binary frame (kind 3 only), or null. The payload becomes `{type, event, payload | bytes, ...meta}`. */
export function decodeBinary(buf: Uint8Array): (Frame & { bytes?: Uint8Array }) | null {
  if (buf.byteLength < 7 || buf[0] !== PUSH) return null;
  const lengths = [buf[1]!, buf[2]!, buf[3]!, buf[4]!, buf[5]!];
  const encoding = buf[6]!;
  if (encoding !== BINARY && encoding !== JSON_ENCODING) return null;
  const headerEnd = 7 + lengths.reduce((a, b) => a + b, 0);
  if (headerEnd > buf.byteLength) return null;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 7;
  const parts: string[] = [];
  try {
    for (const len of lengths) {
      parts.push(decoder.decode(buf.subarray(offset, offset + len)));
      offset += len;
    }
  } catch {
    return null;
  }
  const [joinRef, ref, topic, event, metaText] = parts as [string, string, string, string, string];
  let meta: Record<string, unknown> = {};
  if (metaText) {
    try {
      const parsed = JSON.parse(metaText);
      if (!isRecord(parsed)) return null;
      meta = parsed;
    } catch {
      return null;
    }
  }
  const body = buf.subarray(headerEnd);
  const frame = { joinRef: joinRef || null, ref: ref || null, topic, event: 'broadcast' };
  if (encoding === BINARY) {
    return { ...frame, payload: { ...meta, type: 'broadcast', event }, bytes: body };
  }
  try {
    return { ...frame, payload: { ...meta, type: 'broadcast', event, payload: JSON.parse(decoder.decode(body)) } };
  } catch {
    return null;
  }
}

export const encode = (frame: Frame): string =>
  JSON.stringify([frame.joinRef, frame.ref, frame.topic, frame.event, frame.payload]);

export const reply = (
  joinRef: string | null,
  ref: string | null,
  topic: string,
  status: 'ok' | 'error',
  response: Record<string, unknown> = {},
): string => encode({ joinRef, ref, topic, event: 'phx_reply', payload: { status, response } });

/** The frame every subscriber of `topic` gets for one broadcast: encoded once, sent to all. */
export function encodeBroadcast(topic: string, message: BroadcastMessage): string | Uint8Array {
  if (!message.bytes) {
    const payload: Record<string, unknown> = { type: 'broadcast', event: message.event, payload: message.payload };
    if (message.meta) payload.meta = message.meta;
    return encode({ joinRef: null, ref: null, topic, event: 'broadcast', payload });
  }
  const enc = new TextEncoder();
  const t = enc.encode(topic);
  const e = enc.encode(message.event);
  const m = enc.encode(message.meta ? JSON.stringify(message.meta) : '');
  if (t.length > 255 || e.length > 255 || m.length > 255) throw new RangeError('binary broadcast header too long');
  const out = new Uint8Array(5 + t.length + e.length + m.length + message.bytes.byteLength);
  out.set([USER_BROADCAST, t.length, e.length, m.length, BINARY]);
  let offset = 5;
  for (const part of [t, e, m, message.bytes]) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
