import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/**
 * y-websocket's wire format (the same as @y/websocket-server's utils): a varuint message type,
 * then sync (0: step 1, step 2 or update, y-protocols/sync) or awareness (1); 3 asks for the
 * awareness states. Decoding is separate from applying, so the server can persist an update
 * before it touches the document.
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

export type Frame =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' };

/** A frame that is not y-websocket's: the connection is closed with `code`. */
export class FrameError extends Error {
  readonly code: number;
  constructor(code: number, message: string) {
    super(message);
    this.code = code;
  }
}

/** Close codes (RFC 6455): unsupported data (a text frame), invalid payload (undecodable). */
export const CLOSE_UNSUPPORTED = 1003;
export const CLOSE_INVALID = 1007;
export const CLOSE_POLICY = 1008;
export const CLOSE_TOO_BIG = 1009;

/** Decodes one binary frame; throws FrameError for anything y-websocket would not send. */
export function decodeFrame(data: Uint8Array): Frame {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    let frame: Frame;
    if (type === MESSAGE_SYNC) {
      const sub = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (sub === syncProtocol.messageYjsSyncStep1) frame = { kind: 'sync-step1', stateVector: payload };
      else if (sub === syncProtocol.messageYjsSyncStep2 || sub === syncProtocol.messageYjsUpdate) {
        frame = { kind: 'update', update: payload };
      } else throw new FrameError(CLOSE_INVALID, `unknown sync message ${sub}`);
    } else if (type === MESSAGE_AWARENESS) {
      frame = { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      frame = { kind: 'query-awareness' };
    } else {
      throw new FrameError(CLOSE_UNSUPPORTED, `unknown message type ${type}`);
    }
    if (decoding.hasContent(decoder)) throw new FrameError(CLOSE_INVALID, 'trailing bytes');
    if (frame.kind === 'sync-step1') Y.decodeStateVector(frame.stateVector);
    return frame;
  } catch (err) {
    if (err instanceof FrameError) throw err;
    throw new FrameError(CLOSE_INVALID, 'malformed frame');
  }
}

const EMPTY_UPDATE = (u: Uint8Array) => u.length === 2 && u[0] === 0 && u[1] === 0;

/**
 * What of `update` the document does not have yet (structs past its state vector, and the
 * delete set), or null when that is nothing. Throws FrameError when the update does not decode.
 */
export function newPart(doc: Y.Doc, update: Uint8Array): Uint8Array | null {
  let diff: Uint8Array;
  try {
    diff = Y.diffUpdate(update, Y.encodeStateVector(doc));
    // Decoding every struct validates the content too (a diff copies some of it unparsed).
    Y.decodeUpdate(diff);
  } catch {
    throw new FrameError(CLOSE_INVALID, 'malformed update');
  }
  return EMPTY_UPDATE(diff) ? null : diff;
}

export function syncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function syncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
