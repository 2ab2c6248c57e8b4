import * as serializerModule from '@supabase/realtime-js/dist/module/lib/serializer.js';
import { describe, expect, it } from 'vitest';
import { decodeBinary, decodeText, encodeBroadcast } from './frames.ts';

/** realtime-js's own serializer (vsn 2.0.0): its ESM build sits in a package typed as CommonJS. */
interface PhoenixSerializer {
  encode(msg: object, callback: (out: unknown) => unknown): unknown;
  decode(raw: unknown, callback: (msg: unknown) => unknown): unknown;
}
const Serializer = serializerModule.default as unknown as new () => PhoenixSerializer;

/** The frames against realtime-js's own serializer (vsn 2.0.0), both ways. */

const client = new Serializer();
const encoded = (msg: object) => client.encode(msg, (out: unknown) => out) as ArrayBuffer | string;

describe('frames', () => {
  it("decodes realtime-js's binary broadcast push, JSON and binary payloads, multi-byte text included", () => {
    const json = encoded({
      join_ref: '1',
      ref: '2',
      topic: 'realtime:café',
      event: 'broadcast',
      payload: { type: 'broadcast', event: 'héllo', payload: { a: 'ü' } },
    });
    expect(decodeBinary(new Uint8Array(json as ArrayBuffer))).toEqual({
      joinRef: '1',
      ref: '2',
      topic: 'realtime:café',
      event: 'broadcast',
      payload: { type: 'broadcast', event: 'héllo', payload: { a: 'ü' } },
    });
    const bytes = new Uint8Array([1, 2, 3]).buffer;
    const bin = encoded({
      join_ref: '1',
      ref: '3',
      topic: 'realtime:room',
      event: 'broadcast',
      payload: { type: 'broadcast', event: 'blob', payload: bytes },
    });
    const frame = decodeBinary(new Uint8Array(bin as ArrayBuffer));
    expect(frame?.payload).toEqual({ type: 'broadcast', event: 'blob' });
    expect([...(frame?.bytes ?? [])]).toEqual([1, 2, 3]);
  });

  it('encodes a binary broadcast that realtime-js decodes, and JSON text otherwise', () => {
    const out = encodeBroadcast('realtime:room', { event: 'blob', bytes: new Uint8Array([7, 8]) }) as Uint8Array;
    const decoded = client.decode(out.slice().buffer, (m: unknown) => m) as {
      topic: string;
      payload: { event: string; payload: ArrayBuffer };
    };
    expect(decoded.topic).toBe('realtime:room');
    expect(decoded.payload.event).toBe('blob');
    expect([...new Uint8Array(decoded.payload.payload)]).toEqual([7, 8]);
    expect(JSON.parse(encodeBroadcast('realtime:room', { event: 'e', payload: { x: 1 } }) as string)).toEqual([
      null,
      null,
      'realtime:room',
      'broadcast',
      { type: 'broadcast', event: 'e', payload: { x: 1 } },
    ]);
  });

  it('rejects what is not a Phoenix frame', () => {
    for (const text of ['', 'null', '[]', '[1,2,3,4,5]', '[null,null,"t","e",[]]', '{"topic":"t"}']) {
      expect(decodeText(text), text).toBeNull();
    }
    expect(decodeText('[null,5,"t","e",{}]')).toEqual({ joinRef: null, ref: '5', topic: 't', event: 'e', payload: {} });
    for (const bytes of [
      [],
      [3],
      [4, 0, 0, 0, 0, 1],
      [3, 9, 9, 9, 9, 9, 1],
      [3, 0, 0, 0, 0, 0, 2],
      [3, 0, 0, 0, 0, 0, 1, 123],
    ]) {
      expect(decodeBinary(new Uint8Array(bytes)), String(bytes)).toBeNull();
    }
  });
});
